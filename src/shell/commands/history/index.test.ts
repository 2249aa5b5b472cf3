import { describeCases } from '../../testing/cases.ts';

describeCases('history', [
  ['echo one', 'one\n', '', 0],
  ['history', '    1  echo one\n    2  history\n', '', 0],
  ['history 1', '    3  history 1\n', '', 0],
  ['history x', '', 'bash: history: x: numeric argument required\n', 1],
  ['history -c; history', '', '', 0],
]);
