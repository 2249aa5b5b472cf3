import { describeCases } from '../../testing/cases.ts';

describeCases('cp', [
  ['echo data > a && mkdir d && cp a b && cp a d && cat b d/a', 'data\ndata\n', '', 0],
  ['cp d e', '', "cp: -r not specified; omitting directory 'd'\n", 1],
  ['cp -r d e && ls e', 'a\n', '', 0],
  ['cp nope x', '', "cp: cannot stat 'nope': No such file or directory\n", 1],
  ['cp a', '', "cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n", 1],
  ['cp a b c', '', "cp: target 'c' is not a directory\n", 1],
  ['cp -v a z', "'a' -> 'z'\n", '', 0],
]);
