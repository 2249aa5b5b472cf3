import { describe, expect, it } from 'vitest';
import { testShell } from '../../testing/run.ts';
import { commandNames, IMAGE_ONLY_PROGRAMS } from '../registry.ts';

describe('help', () => {
  it('lists every registered command with its summary', async () => {
    const { stdout, stderr, status } = await testShell().run('help');
    expect([stderr, status]).toEqual(['', 0]);
    const listed = stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/)[0]);
    // programs of container images only (nginx, postgres) are not on the lab host
    for (const name of commandNames().filter((n) => !IMAGE_ONLY_PROGRAMS.has(n))) expect(listed).toContain(name);
    expect(listed).not.toContain('nginx');
    expect(listed).not.toContain('postgres');
    expect(stdout.split('\n').slice(0, 2)).toEqual(['Commands available in this lab (shell built-ins and programs):', '']);
    expect(stdout).toMatch(/\n {2}ls +List directory contents\.\n/);
  });
  it('describes one command, and says when it knows none', async () => {
    expect(await testShell().run('help cd')).toEqual({ stdout: 'cd: Change the shell working directory.\n', stderr: '', status: 0 });
    expect(await testShell().run('help vim')).toEqual({ stdout: '', stderr: "bash: help: no help topics match `vim'.  Try `help help' or `man -k vim' or `info vim'.\n", status: 1 });
  });
});
