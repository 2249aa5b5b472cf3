/**
 * Whole-output tests of stat. The layout, wording, padding, tabs, error messages and statuses were
 * recorded from GNU coreutils 9.1's stat on Debian 12 (LC_ALL=C, as root): e.g. for a 5-byte file
 *
 *     File: h
 *     Size: 5         \tBlocks: 8          IO Block: 4096   regular file
 *   Device: 254,0\tInode: 4382726     Links: 1
 *   Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)
 *   Access: 2026-11-29 14:48:33.045445430 +0000   (and Modify, Change, " Birth")
 *
 * and for /dev/null `Device: 0,6\tInode: 3           Links: 1     Device type: 1,3`. The values
 * here are the lab's: inode numbers, mount devices (0,N as /proc/self/mountinfo numbers them) and
 * the virtual clock's time (the VFS keeps one time per inode, shown for all four).
 */
import { describeCases } from '../../testing/cases.ts';
import { STAT_HELP } from './help.ts';

const T = '2026-11-29 10:00:00.000000000 +0000';
const times = `Access: ${T}\nModify: ${T}\nChange: ${T}\n Birth: ${T}\n`;
const root = 'Uid: (    0/    root)   Gid: (    0/    root)';

describeCases('stat (layout of GNU coreutils 9.1, Debian 12)', [
  ['mkdir dir && printf hello > h && touch e && ln -s h lf', '', '', 0],
  ['stat h', `  File: h\n  Size: 5         \tBlocks: 8          IO Block: 4096   regular file\nDevice: 0,21\tInode: 136         Links: 1\nAccess: (0644/-rw-r--r--)  ${root}\n${times}`, '', 0],
  ['stat dir', `  File: dir\n  Size: 4096      \tBlocks: 8          IO Block: 4096   directory\nDevice: 0,21\tInode: 135         Links: 2\nAccess: (0755/drwxr-xr-x)  ${root}\n${times}`, '', 0],
  ['stat lf', `  File: lf -> h\n  Size: 1         \tBlocks: 0          IO Block: 4096   symbolic link\nDevice: 0,21\tInode: 138         Links: 1\nAccess: (0777/lrwxrwxrwx)  ${root}\n${times}`, '', 0],
  ['stat -L lf', `  File: lf\n  Size: 5         \tBlocks: 8          IO Block: 4096   regular file\nDevice: 0,21\tInode: 136         Links: 1\nAccess: (0644/-rw-r--r--)  ${root}\n${times}`, '', 0],
  ['stat /dev/null', `  File: /dev/null\n  Size: 0         \tBlocks: 0          IO Block: 4096   character special file\nDevice: 0,24\tInode: 115         Links: 1     Device type: 1,3\nAccess: (0666/crw-rw-rw-)  ${root}\n${times}`, '', 0],
  ['chmod 4750 e && chown daemon:www-data e && stat -c "%n|%s|%a|%A|%u|%U|%g|%G|%F" e', 'e|0|4750|-rwsr-x---|1|daemon|33|www-data|regular empty file\n', '', 0],
  [
    'stat -c "%n|%s|%a|%A|%U|%G|%F|%i|%h" h dir lf /dev/null',
    'h|5|644|-rw-r--r--|root|root|regular file|136|1\ndir|4096|755|drwxr-xr-x|root|root|directory|135|2\nlf|1|777|lrwxrwxrwx|root|root|symbolic link|138|1\n/dev/null|0|666|crw-rw-rw-|root|root|character special file|115|1\n',
    '',
    0,
  ],
  ['stat -c "%N" lf h', "'lf' -> 'h'\n'h'\n", '', 0],
  ['stat --format="[%5s][%-5s][%05s][%t,%T][%B][%o][%m]" h /dev/null', '[    5][5    ][00005][0,0][512][4096][/]\n[    0][0    ][00000][1,3][512][4096][/dev]\n', '', 0],
  ['stat -c %Q%% h', '?%\n', '', 0],
  ['stat nope h -c %n', 'h\n', "stat: cannot statx 'nope': No such file or directory\n", 1],
  ['stat', '', "stat: missing operand\nTry 'stat --help' for more information.\n", 1],
  ['stat -c', '', "stat: option requires an argument -- 'c'\nTry 'stat --help' for more information.\n", 1],
  ['stat --help', STAT_HELP, '', 0],
  ['stat -f /', '', "petlab: 'stat -f' is not available in this lab\n", 1],
]);
