import { describeCases } from '../../testing/cases.ts';

describeCases('head', [
  ['seq 20 > n', '', '', 0],
  ['head n | wc -l', '10\n', '', 0],
  ['head -n 3 n', '1\n2\n3\n', '', 0],
  ['head -2 n', '1\n2\n', '', 0],
  ['head -n -18 n', '1\n2\n', '', 0],
  ['head -c 4 n', '1\n2\n', '', 0],
  ['seq 5 | head -n 2', '1\n2\n', '', 0],
  ['head -n 1 n n', '==> n <==\n1\n\n==> n <==\n1\n', '', 0],
  ['head nope', '', "head: cannot open 'nope' for reading: No such file or directory\n", 1],
  ['head -n x n', '', 'head: invalid number of lines: ‘x’\n', 1],
]);
