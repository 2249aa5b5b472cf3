import { describeCases } from '../../testing/cases.ts';

describeCases('env', [
  ['env | grep -E "^(HOME|PWD)="', 'HOME=/root\nPWD=/root\n', '', 0],
  ['env -i A=1 B=2', 'A=1\nB=2\n', '', 0],
  ['env FOO=bar bash -c \'echo $FOO\'', 'bar\n', '', 0],
  ['env -u HOME | grep -c ^HOME=', '0\n', '', 1],
  ['env -q', '', "env: invalid option -- 'q'\nTry 'env --help' for more information.\n", 125],
]);
