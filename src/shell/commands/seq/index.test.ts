import { describeCases } from '../../testing/cases.ts';

describeCases('seq', [
  ['seq 3', '1\n2\n3\n', '', 0],
  ['seq 2 2 7', '2\n4\n6\n', '', 0],
  ['seq -s , 3', '1,2,3\n', '', 0],
  ['seq -w 9 11', '09\n10\n11\n', '', 0],
  ['seq 5 1', '', '', 0],
  ['seq', '', "seq: missing operand\nTry 'seq --help' for more information.\n", 1],
  ['seq x', '', "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n", 1],
]);
