import { describeCases } from '../../testing/cases.ts';

describeCases('touch', [
  ['touch a b && ls', 'a\nb\n', '', 0],
  ['touch -c nothere && ls', 'a\nb\n', '', 0],
  ['touch no/dir', '', "touch: cannot touch 'no/dir': No such file or directory\n", 1],
  ['touch', '', "touch: missing file operand\nTry 'touch --help' for more information.\n", 1],
]);
