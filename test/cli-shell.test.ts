// `petlab shell --script`: whole transcripts from the real CLI entry point (a child node process).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'petlab-shell-'));

function petlab(args: string[], input?: string): Promise<{ stdout: string; stderr: string; status: number }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['src/cli/petlab.mjs', ...args], { cwd: join(import.meta.dirname, '..') }, (err, stdout, stderr) => {
      resolve({ stdout, stderr, status: err ? ((err as { code?: number }).code ?? 1) : 0 });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

function script(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('petlab shell --script', () => {
  it('prints each command after `$ `, continuation lines after `> `, then the output', async () => {
    const file = script('basic.sh', 'echo hello\ncat <<EOF | grep -v b\na\nb\nEOF\nsleep 5; date\nfor i in 1 2\ndo echo $i\ndone\n');
    expect(await petlab(['shell', '--script', file])).toEqual({
      stdout: '$ echo hello\nhello\n$ cat <<EOF | grep -v b\n> a\n> b\n> EOF\na\n$ sleep 5; date\nSun Nov 29 10:00:05 UTC 2026\n$ for i in 1 2\n> do echo $i\n> done\n1\n2\n',
      stderr: '',
      status: 0,
    });
  }, 30_000);

  it('exits with the last command’s status and shows errors in the transcript', async () => {
    const file = script('fail.sh', 'ls /nope\nnosuch\n');
    expect(await petlab(['shell', '--script', file])).toEqual({
      stdout: "$ ls /nope\nls: cannot access '/nope': No such file or directory\n$ nosuch\nbash: nosuch: command not found\n",
      stderr: '',
      status: 127,
    });
  }, 30_000);

  it('interrupts a command that outlives --timeout and runs nested shells on the following lines', async () => {
    const file = script('nested.sh', 'sleep 30\necho $?\nbash\necho inner\nexit 3\necho $?\n');
    expect(await petlab(['shell', '--script', file, '--timeout', '10'])).toEqual({
      stdout: '$ sleep 30\n^C\n$ echo $?\n130\n$ bash\n$ echo inner\ninner\n$ exit 3\nexit\n$ echo $?\n3\n',
      stderr: '',
      status: 0,
    });
  }, 30_000);

  it('reads the script from stdin with -', async () => {
    expect(await petlab(['shell', '--script', '-'], 'echo from stdin\n')).toEqual({ stdout: '$ echo from stdin\nfrom stdin\n', stderr: '', status: 0 });
  }, 30_000);

  it('rejects bad options and missing files', async () => {
    expect(await petlab(['shell', '--script', join(dir, 'missing.sh')])).toEqual({ stdout: '', stderr: `petlab shell: cannot read '${join(dir, 'missing.sh')}': No such file or directory\n`, status: 2 });
    const bad = await petlab(['shell', '--seed', 'x']);
    expect(bad.stderr.split('\n')[0]).toBe("petlab shell: invalid --seed 'x': expected a non-negative integer");
    expect(bad.status).toBe(2);
  }, 30_000);
});

describe('petlab shell (interactive, stdin not a terminal)', () => {
  it('runs typed lines and exits with exit’s status', async () => {
    expect(await petlab(['shell'], 'cd /tmp\npwd\nexit 4\n')).toEqual({ stdout: 'root@petlab:~# /tmp\nexit\n', stderr: '', status: 4 });
  }, 30_000);
});
