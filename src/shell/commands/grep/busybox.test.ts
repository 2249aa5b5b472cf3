/**
 * BusyBox grep inside an alpine-like root (/bin/grep → /bin/busybox). Expected outputs were
 * recorded from Debian 12's busybox 1.35.0 (the same findutils/grep.c logic as 1.36) with its
 * glibc getopt messages replaced by musl's (`grep: unrecognized option: 2`, musl
 * src/misc/getopt.c), which alpine's BusyBox prints, and its usage header by 1.36.1's.
 */
import { describe, expect, it } from 'vitest';
import { MemDir, MemLink } from '../../../emulator/linux/fs/nodes.ts';
import { put, putDir } from '../../../emulator/linux/fs/seed.ts';
import { linuxShell } from '../linux-common/test-world.ts';
import { BUSYBOX_GREP_USAGE } from './busybox.ts';

const seq = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}\n`).join('');

const CASES: [string, string, string, number][] = [
  // trailing context after -m stops at the next selected line (GNU prints it as context)
  ['grep -n -m1 -A2 a m', '1:a\n', '', 0],
  // last_line_printed is global: line 1 of t does not follow line 5 of f1
  ['grep -A1 -e 1 -e 5 f1 t', 'f1:1\nf1-2\n--\nf1:5\n--\nt:1\nt-2\n--\nt:5\nt-6\n--\nt:10\n', '', 0],
  ['grep -B1 b q1 q2', 'q1-a\nq1:b\n--\nq2-c\nq2:b\n', '', 0],
  // no separators without a context length above 0
  ['grep -A0 -e 5 -e 9 s', '5\n9\n15\n19\n', '', 0],
  // -o prints context lines whole, and a second match on one line gets a separator
  ['grep -o -A1 5 s', '5\n6\n--\n5\n16\n', '', 0],
  ['echo aXbX | grep -o -A1 X', 'X\n--\nX\n', '', 0],
  // -C gives way only to an -A or -B after it
  ['grep -A1 -C3 5 s', '2\n3\n4\n5\n6\n7\n8\n--\n12\n13\n14\n15\n16\n17\n18\n', '', 0],
  ['grep -C3 -A1 5 s', '2\n3\n4\n5\n6\n--\n12\n13\n14\n15\n16\n', '', 0],
  ['grep -c -A1 5 s', '2\n', '', 0],
  ['grep -m 2 -c [0-9] t', '2\n', '', 0],
  // -L listing a file is success
  ['grep -L 4 t m', 'm\n', '', 0],
  ['grep -L 4 t', '', '', 1],
  ['grep -c -f empty t', '0\n', '', 1],
  // a directory without -r: fopen works, reading gives nothing
  ['grep 4 .', '', '', 1],
  ['grep --color=always 4 t', '4\n', '', 0],
  ['grep -A x 5 s', '', "grep: invalid number 'x'\n", 2],
  ['grep -A -1 5 s', '', "grep: invalid number '-1'\n", 2],
  ['grep -2 5 s', '', `grep: unrecognized option: 2\n${BUSYBOX_GREP_USAGE}`, 2],
  ['grep -b 5 s', '', `grep: unrecognized option: b\n${BUSYBOX_GREP_USAGE}`, 2],
  ['grep --group-separator=x 5 s', '', `grep: unrecognized option: group-separator=x\n${BUSYBOX_GREP_USAGE}`, 2],
  ['grep -A', '', `grep: option requires an argument: A\n${BUSYBOX_GREP_USAGE}`, 2],
  ['grep', '', BUSYBOX_GREP_USAGE, 2],
  ["grep '[a' t", '', "grep: bad regex '[a': Missing ']'\n", 2],
];

describe('BusyBox grep', () => {
  it('prints BusyBox 1.36 output inside an alpine-like root', async () => {
    const sh = linuxShell();
    const linux = sh.world.linux;
    const now = sh.world.now();
    const root = new MemDir(now);
    put(root, '/bin/busybox', '\x7fELF', now, 0o755);
    const bin = putDir(root, '/bin', now);
    for (const tool of ['sh', 'grep']) bin.set(tool, new MemLink(now, '/bin/busybox'));
    put(root, '/s', seq(20), now);
    put(root, '/t', seq(10), now);
    put(root, '/f1', seq(5), now);
    put(root, '/m', 'a\na\nb\na\nc\n', now);
    put(root, '/q1', 'a\nb\n', now);
    put(root, '/q2', 'c\nb\n', now);
    put(root, '/empty', '', now);
    const host = linux.hosts.get('petlab')!;
    const box = linux.spawn(host.init, { argv: ['/bin/sh'], unshare: ['mnt'], tty: null });
    box.ns.mnt.mounts.mount({ target: '/', root, fstype: 'overlay', source: 'overlay', options: 'rw,relatime', readOnly: false });
    const results: [string, string, string, number][] = [];
    for (const [line] of CASES) {
      const r = await sh.run(`nsenter -t ${box.pid} -m sh -c ${JSON.stringify(`cd / && ${line}`)}`);
      results.push([line, r.stdout, r.stderr, r.status]);
    }
    expect(results).toEqual(CASES);
  });
});
