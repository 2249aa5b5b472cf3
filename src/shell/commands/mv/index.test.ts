import { describeCases } from '../../testing/cases.ts';

describeCases('mv', [
  ['echo x > a && mkdir d && mv a b && ls', 'b\nd\n', '', 0],
  ['mv b d && ls d', 'b\n', '', 0],
  ['mv nope x', '', "mv: cannot stat 'nope': No such file or directory\n", 1],
  ['mv d d/inner', '', "mv: cannot move 'd' to a subdirectory of itself, 'd/inner'\n", 1],
  ['mv', '', "mv: missing file operand\nTry 'mv --help' for more information.\n", 1],
  ['mv -v d e', "renamed 'd' -> 'e'\n", '', 0],
  ['mv e', '', "mv: missing destination file operand after 'e'\nTry 'mv --help' for more information.\n", 1],
  ['touch f g && mv f g h', '', "mv: target 'h' is not a directory\n", 1],
  ['mkdir k && mv f g k && ls k', 'f\ng\n', '', 0],
]);
