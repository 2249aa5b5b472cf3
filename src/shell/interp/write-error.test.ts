/**
 * Write errors on a redirected stdout (/dev/full refuses every write with ENOSPC). Expected
 * outputs recorded from this machine's real bash 5.2.15 / coreutils 9.1 (Debian 12, LC_ALL=C,
 * `bash -c`, minus its non-interactive `line 1: ` prefix, which our interactive shell does not print).
 */
import { describeCases } from '../testing/cases.ts';

describeCases('write errors', [
  // built-ins: bash's sh_chkwrite
  ['echo hi > /dev/full', '', 'bash: echo: write error: No space left on device\n', 1],
  ['printf x > /dev/full', '', 'bash: printf: write error: No space left on device\n', 1],
  ['{ echo a; echo b; } > /dev/full', '', 'bash: echo: write error: No space left on device\nbash: echo: write error: No space left on device\n', 1],
  // programs: coreutils' close_stdout with argv[0]
  ['/usr/bin/printf x > /dev/full', '', '/usr/bin/printf: write error: No space left on device\n', 1],
  ['/bin/echo hi > /dev/full', '', '/bin/echo: write error: No space left on device\n', 1],
  ['echo x > x1; cat x1 > /dev/full', '', 'cat: write error: No space left on device\n', 1],
  ['echo x | tee /dev/full', 'x\n', 'tee: /dev/full: No space left on device\n', 1],
  ['echo x | tee /dev/full t2; cat t2', 'x\nx\n', 'tee: /dev/full: No space left on device\n', 0],
  ['cp x1 /dev/full', '', "cp: error writing '/dev/full': No space left on device\n", 1],
  // built-ins that live in the interpreter
  ['ulimit -a > /dev/full', '', 'bash: ulimit: write error: No space left on device\n', 1],
  ['alias a=b; alias > /dev/full', '', 'bash: alias: write error: No space left on device\n', 1],
  ['jobs > /dev/full', '', '', 0],
  ['eval echo hi > /dev/full', '', 'bash: echo: write error: No space left on device\n', 1],
  // a normal file and /dev/null still take writes
  ['echo ok > /dev/null; echo ok > f; cat f', 'ok\n', '', 0],
]);
