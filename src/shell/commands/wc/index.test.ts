import { describeCases } from '../../testing/cases.ts';

describeCases('wc', [
  ["printf 'one two\\nthree\\n' > f", '', '', 0],
  ['wc f', ' 2  3 14 f\n', '', 0],
  ['wc -l f', '2 f\n', '', 0],
  ['wc -w < f', '3\n', '', 0],
  ['cat f | wc', '      2       3      14\n', '', 0],
  ['wc -lc f f', ' 2 14 f\n 2 14 f\n 4 28 total\n', '', 0],
  ['wc nope', '', 'wc: nope: No such file or directory\n', 1],
]);
