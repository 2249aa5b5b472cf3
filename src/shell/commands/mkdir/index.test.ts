import { describeCases } from '../../testing/cases.ts';

describeCases('mkdir', [
  ['mkdir a && ls -d a', 'a\n', '', 0],
  ['mkdir a', '', 'mkdir: cannot create directory ‘a’: File exists\n', 1],
  ['mkdir x/y', '', 'mkdir: cannot create directory ‘x/y’: No such file or directory\n', 1],
  ['mkdir -p x/y/z && ls x/y', 'z\n', '', 0],
  ['mkdir -pv p/q', "mkdir: created directory 'p'\nmkdir: created directory 'p/q'\n", '', 0],
  ['mkdir', '', "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", 1],
]);
