import { describeCases } from '../../testing/cases.ts';

describeCases('test', [
  ['[ -d /etc ] && [ -f /etc/hostname ] && [ ! -e /nope ] && echo ok', 'ok\n', '', 0],
  ['[ "a" = "a" -a 3 -gt 2 ]; echo $?', '0\n', '', 0],
  ['[ -z "" ] && [ -n x ] && test 2 -le 2 && echo ok', 'ok\n', '', 0],
  ['[ abc != abc ]', '', '', 1],
  ['[ 1 -eq 1', '', "bash: [: missing `]'\n", 2],
  ['[ x -lt 3 ]', '', 'bash: [: x: integer expression expected\n', 2],
  ['test', '', '', 1],
]);
