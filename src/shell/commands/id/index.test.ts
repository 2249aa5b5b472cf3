import { describeCases } from '../../testing/cases.ts';

describeCases('id', [
  ['id', 'uid=0(root) gid=0(root) groups=0(root)\n', '', 0],
  ['id -u; id -un; id -g; id -gn', '0\nroot\n0\nroot\n', '', 0],
  ['id -n', '', 'id: cannot print only names or real IDs in default format\n', 1],
  ['id nobodyx', '', 'id: ‘nobodyx’: no such user\n', 1],
  ['id -z', '', "id: invalid option -- 'z'\nTry 'id --help' for more information.\n", 1],
]);
