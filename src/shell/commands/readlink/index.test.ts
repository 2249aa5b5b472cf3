import { describeCases } from '../../testing/cases.ts';

describeCases('readlink', [
  ['readlink /proc/$$/ns/net /proc/$$/ns/uts', 'net:[4026531840]\nuts:[4026531838]\n', '', 0],
  ['readlink /etc/hostname', '', '', 1],
  ['readlink -f /etc/../etc/hostname', '/etc/hostname\n', '', 0],
  ['readlink -e /nope', '', 'readlink: /nope: No such file or directory\n', 1],
  ['readlink', '', "readlink: missing operand\nTry 'readlink --help' for more information.\n", 1],
]);
