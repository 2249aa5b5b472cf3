import { describeCases } from '../../testing/cases.ts';

describeCases('rm', [
  ['mkdir -p d/e && touch f d/e/g', '', '', 0],
  ['rm f && ls', 'd\n', '', 0],
  ['rm d', '', "rm: cannot remove 'd': Is a directory\n", 1],
  ['rm nope', '', "rm: cannot remove 'nope': No such file or directory\n", 1],
  ['rm -f nope', '', '', 0],
  ['rm -rv d', "removed 'd/e/g'\nremoved directory 'd/e'\nremoved directory 'd'\n", '', 0],
  ['rm', '', "rm: missing operand\nTry 'rm --help' for more information.\n", 1],
  ['rm -rf .', '', "rm: refusing to remove '.' or '..' directory: skipping '.'\n", 1],
]);
