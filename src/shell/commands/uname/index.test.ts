import { describeCases } from '../../testing/cases.ts';

describeCases('uname', [
  ['uname', 'Linux\n', '', 0],
  ['uname -a', 'Linux petlab 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\n', '', 0],
  ['uname -r; uname -n; uname -s; uname -m', '6.1.0-28-amd64\npetlab\nLinux\nx86_64\n', '', 0],
  ['uname -snr', 'Linux petlab 6.1.0-28-amd64\n', '', 0],
  ['uname -x', '', "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n", 1],
  ['uname foo', '', "uname: extra operand ‘foo’\nTry 'uname --help' for more information.\n", 1],
]);
