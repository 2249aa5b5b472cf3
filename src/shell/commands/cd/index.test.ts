import { describeCases } from '../../testing/cases.ts';

describeCases('cd', [
  ['cd /tmp; pwd; echo $PWD $OLDPWD', '/tmp\n/tmp /root\n', '', 0],
  ['cd -', '/root\n', '', 0],
  ['cd /etc/..//usr/./bin; pwd', '/usr/bin\n', '', 0],
  ['cd; pwd', '/root\n', '', 0],
  ['cd /nope', '', 'bash: cd: /nope: No such file or directory\n', 1],
  ['cd /etc/hostname', '', 'bash: cd: /etc/hostname: Not a directory\n', 1],
  ['cd a b', '', 'bash: cd: too many arguments\n', 1],
]);
