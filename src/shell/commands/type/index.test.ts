import { describeCases } from '../../testing/cases.ts';

describeCases('type', [
  ['type cd if cat', 'cd is a shell builtin\nif is a shell keyword\ncat is /usr/bin/cat\n', '', 0],
  ['f() { :; }; type f', 'f is a function\n', '', 0],
  ['type nosuch', '', 'bash: type: nosuch: not found\n', 1],
]);
