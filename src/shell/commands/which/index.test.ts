import { describeCases } from '../../testing/cases.ts';

describeCases('which', [
  ['which ls grep', '/usr/bin/ls\n/usr/bin/grep\n', '', 0],
  ['which nosuch', '', '', 1],
  ['which', '', '', 1],
]);
