/**
 * grep -r / -R and symbolic links, and --include/--exclude/--exclude-dir on command-line
 * operands. Expected outputs recorded from GNU grep 3.8 (Debian 12, LC_ALL=C) after
 * `mkdir -p d/sub; echo 4 > d/a.txt d/b.log d/sub/c.txt top.log; ln -s a.txt d/link; ln -s sub
 * d/sublink`, lines sorted (GNU walks directories in the file system's order, ours by name).
 * The links are made through the file system here: the shell has no `ln` yet.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../../testing/run.ts';

const CASES: [string, string, string, number][] = [
  ["grep -r 4 d", "d/a.txt:4\nd/b.log:4\nd/sub/c.txt:4\n", "", 0],
  ["grep -R 4 d", "d/a.txt:4\nd/b.log:4\nd/link:4\nd/sub/c.txt:4\nd/sublink/c.txt:4\n", "", 0],
  ["grep -r 4 d/link", "4\n", "", 0],
  ["grep --exclude='*.log' 4 top.log d/a.txt", "d/a.txt:4\n", "", 0],
  ["grep --include='*.txt' 4 top.log d/a.txt", "d/a.txt:4\n", "", 0],
  ["grep -r --exclude-dir=sub 4 d", "d/a.txt:4\nd/b.log:4\n", "", 0],
  ["grep -r --exclude-dir=d 4 d", "", "", 1],
  ["grep -r --include='*.txt' --exclude='a*' 4 d", "d/sub/c.txt:4\n", "", 0],
  ["grep -rL 4 d", "", "", 0],
  ["grep -r -c x d", "d/a.txt:0\nd/b.log:0\nd/sub/c.txt:0\n", "", 1],
];

describe('grep and symbolic links', () => {
  it('-r skips links met while recursing, -R follows them; filters apply to operands', async () => {
    const sh = testShell();
    expect(await sh.run('mkdir -p /tmp/g/d/sub && cd /tmp/g && echo 4 > d/a.txt && echo 4 > d/b.log && echo 4 > d/sub/c.txt && echo 4 > top.log')).toEqual({ stdout: '', stderr: '', status: 0 });
    const fs = sh.world.linux.hosts.get('petlab')!.init.fs;
    fs.symlink('a.txt', '/tmp/g/d/link');
    fs.symlink('sub', '/tmp/g/d/sublink');
    const results: [string, string, string, number][] = [];
    for (const [line] of CASES) {
      const r = await sh.run(`cd /tmp/g && ${line}`);
      results.push([line, r.stdout, r.stderr, r.status]);
    }
    expect(results).toEqual(CASES);
  });
});
