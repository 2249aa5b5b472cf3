import { describeCases } from '../../testing/cases.ts';

describeCases('pwd', [
  ['pwd', '/root\n', '', 0],
  ['cd /etc && pwd', '/etc\n', '', 0],
  ['pwd -x', '', 'bash: pwd: -x: invalid option\npwd: usage: pwd [-LP]\n', 2],
]);
