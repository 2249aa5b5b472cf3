/**
 * ulimit as bash 5.2's built-in. Expected outputs recorded from this machine's real bash 5.2.15
 * (Debian 12 container, root without CAP_SYS_RESOURCE, LC_ALL=C, `bash -c` minus its `line 1: `
 * prefix), with this machine's own open files (20000) and max user processes / pending signals
 * (96364) replaced by the emulated host's 1048576 and 10813 (see ulimit.ts); layout untouched.
 */
import { describeCases } from '../testing/cases.ts';

const ALL = [
  'real-time non-blocking time  (microseconds, -R) unlimited',
  'core file size              (blocks, -c) 0',
  'data seg size               (kbytes, -d) unlimited',
  'scheduling priority                 (-e) 0',
  'file size                   (blocks, -f) unlimited',
  'pending signals                     (-i) 10813',
  'max locked memory           (kbytes, -l) 8192',
  'max memory size             (kbytes, -m) unlimited',
  'open files                          (-n) 1048576',
  'pipe size                (512 bytes, -p) 8',
  'POSIX message queues         (bytes, -q) 819200',
  'real-time priority                  (-r) 0',
  'stack size                  (kbytes, -s) 8192',
  'cpu time                   (seconds, -t) unlimited',
  'max user processes                  (-u) 10813',
  'virtual memory              (kbytes, -v) unlimited',
  'file locks                          (-x) unlimited',
].join('\n') + '\n';

const EPERM = 'bash: ulimit: open files: cannot modify limit: Operation not permitted\n';
const EINVAL = 'bash: ulimit: open files: cannot modify limit: Invalid argument\n';
const USAGE = 'ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n';

describeCases('ulimit', [
  ['ulimit -a', ALL, '', 0],
  ['ulimit', 'unlimited\n', '', 0],
  ['ulimit --', 'unlimited\n', '', 0],
  ['ulimit -n', '1048576\n', '', 0],
  ['ulimit -u', '10813\n', '', 0],
  ['ulimit -n -u', 'open files                          (-n) 1048576\nmax user processes                  (-u) 10813\n', '', 0],
  ['ulimit -Ha | head -3', 'real-time non-blocking time  (microseconds, -R) unlimited\ncore file size              (blocks, -c) unlimited\ndata seg size               (kbytes, -d) unlimited\n', '', 0],
  ['ulimit -n 2000000', '', EPERM, 1],
  ['ulimit -n unlimited', '', EPERM, 1],
  ['(ulimit -n 100; ulimit -n; ulimit -n 200)', '100\n', EPERM, 1],
  ['(ulimit -n 100); ulimit -n', '1048576\n', '', 0],
  ['(ulimit -S -n 100; ulimit -n; ulimit -Hn)', '100\n1048576\n', '', 0],
  ['(ulimit -n 100; ulimit -Sn 200; ulimit -Sn)', '100\n', EINVAL, 0],
  ['(ulimit -H -n 100; ulimit -n)', '1048576\n', EINVAL, 0],
  ['(ulimit -u 100; ulimit -u)', '100\n', '', 0],
  ['(ulimit -c 5; ulimit -c; ulimit -Hc)', '5\n5\n', '', 0],
  ['(ulimit -n hard; ulimit -n soft)', '', '', 0],
  ['(ulimit -n 10 20)', '', '', 0],
  ['(ulimit -s unlimited)', '', '', 0],
  ['ulimit -p 4', '', 'bash: ulimit: pipe size: cannot modify limit: Invalid argument\n', 1],
  ['ulimit -z', '', `bash: ulimit: -z: invalid option\n${USAGE}`, 2],
  ['ulimit -T', '', `bash: ulimit: -T: invalid option\n${USAGE}`, 2],
  ['ulimit -n -5', '', `bash: ulimit: -5: invalid option\n${USAGE}`, 2],
  ['ulimit -n abc', '', 'bash: ulimit: abc: invalid number\n', 1],
  ['ulimit -f 10x', '', 'bash: ulimit: 10x: invalid number\n', 1],
  ['ulimit -un', '', 'bash: ulimit: n: invalid number\n', 1],
  ['ulimit -', '', 'bash: ulimit: -: invalid number\n', 1],
]);
