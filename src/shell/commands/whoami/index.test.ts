import { describeCases } from '../../testing/cases.ts';

describeCases('whoami', [
  ['whoami', 'root\n', '', 0],
  ['whoami extra', '', "whoami: extra operand ‘extra’\nTry 'whoami --help' for more information.\n", 1],
]);
