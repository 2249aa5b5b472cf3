import { describeCases } from '../../testing/cases.ts';

describeCases('uniq', [
  ["printf 'a\\na\\nb\\na\\n' > f", '', '', 0],
  ['uniq f', 'a\nb\na\n', '', 0],
  ['uniq -c f', '      2 a\n      1 b\n      1 a\n', '', 0],
  ['uniq -d f', 'a\n', '', 0],
  ['uniq -u f', 'b\na\n', '', 0],
  ['sort f | uniq -c', '      3 a\n      1 b\n', '', 0],
  ['uniq nope', '', 'uniq: nope: No such file or directory\n', 1],
]);
