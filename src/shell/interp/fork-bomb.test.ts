/**
 * Fork bombs meet the host's process bound (fork-limit.ts): fork(2) fails with EAGAIN and bash
 * prints what jobs.c make_child prints — four `bash: fork: retry: Resource temporarily
 * unavailable` lines (sys_error "fork: retry" while forksleep runs 1, 2, 4, 8 < FORKSLEEP_MAX
 * 16), then `bash: fork: Resource temporarily unavailable` (sys_error "fork"), EX_NOEXEC 126.
 * Source: bash 5.2 jobs.c make_child. Here the first failure of a command line's process family
 * is printed and the rest of that family fails silently, so the bomb dies out.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../testing/run.ts';
import type { TestShell } from '../testing/run.ts';
import { BufferOutput } from './streams.ts';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../session.ts';
import { forkCounts, PROCESS_LIMIT } from './fork-limit.ts';
import type { HostForks } from './fork-limit.ts';
import type { ShellProcess } from '../linux-bridge.ts';

const EAGAIN = [
  'bash: fork: retry: Resource temporarily unavailable',
  'bash: fork: retry: Resource temporarily unavailable',
  'bash: fork: retry: Resource temporarily unavailable',
  'bash: fork: retry: Resource temporarily unavailable',
  'bash: fork: Resource temporarily unavailable',
  '',
].join('\n');

function counts(sh: TestShell): HostForks {
  const login = (sh.world as unknown as { linux: { loginShell(): ShellProcess } }).linux.loginShell();
  return forkCounts(sh.world, login);
}

function hostProcesses(sh: TestShell): number[] {
  const linux = (sh.world as unknown as { linux: { hosts: Map<string, { processes: Map<unknown, unknown> }> } }).linux;
  return [...linux.hosts.values()].map((h) => h.processes.size);
}

/** Runs `line` at the prompt, then lets its background processes run until none is left. */
async function runBomb(sh: TestShell, line: string): Promise<{ stdout: string; stderr: string; status: number; timerSawLive: number }> {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  let timerSawLive = 0;
  // a host timer: it only runs if the interpreter gives the event loop a turn while spawning
  const timer = setInterval(() => (timerSawLive = Math.max(timerSawLive, counts(sh).live)), 0);
  const status = await sh.session.execute(line, { stdout, stderr });
  for (let i = 0; i < 20_000 && counts(sh).live > 0; i++) await new Promise((r) => setTimeout(r, 1));
  clearInterval(timer);
  return { stdout: stdout.text, stderr: stderr.text, status, timerSawLive };
}

describe('fork bombs', () => {
  it('f(){ f|f& }; f runs into the process bound, prints bash\'s EAGAIN lines once, and the shell goes on', async () => {
    const sh = testShell();
    const before = hostProcesses(sh);
    const r = await runBomb(sh, 'f(){ f|f& }; f');
    expect([r.stdout, r.stderr, r.status]).toEqual(['', `[1] 1001\n${EAGAIN}`, 0]);
    // the page kept its turns: a host timer ran while the bomb's processes were alive
    expect(r.timerSawLive).toBeGreaterThan(0);
    const c = counts(sh);
    expect(c.live).toBe(0);
    expect(c.peak).toBe(PROCESS_LIMIT);
    // bounded work: the family stops forking at its first failure
    expect(c.total).toBeLessThan(3 * PROCESS_LIMIT);
    expect(hostProcesses(sh)).toEqual(before);
    expect(await sh.run('echo next; jobs')).toEqual({ stdout: 'next\n[1]+  Done                    f|f\n', stderr: '', status: 0 });
    // a new command line is a new family: forking works again
    expect(await sh.run('echo $(echo sub) | cat; (echo paren)')).toEqual({ stdout: 'sub\nparen\n', stderr: '', status: 0 });
  }, 120_000);

  it(':(){ :|:& };: does the same', async () => {
    const sh = testShell();
    const r = await runBomb(sh, ':(){ :|:& };:');
    expect([r.stdout, r.stderr, r.status]).toEqual(['', `[1] 1001\n${EAGAIN}`, 0]);
    expect(counts(sh)).toMatchObject({ live: 0, peak: PROCESS_LIMIT });
    expect(await sh.run('echo next')).toEqual({ stdout: 'next\n', stderr: '', status: 0 });
  }, 120_000);

  it('a foreground bomb (f(){ f|f; }; f) ends when a deep stage fails to fork; the line goes on', async () => {
    const sh = testShell();
    // the failing fork is in a pipeline stage's subshell: only that subshell jumps to its top
    // level (status 126), so the outermost pipeline ends and the next command runs
    const r = await runBomb(sh, 'f(){ f|f; }; f; echo reached');
    expect([r.stdout, r.stderr, r.status]).toEqual(['reached\n', EAGAIN, 0]);
    expect(counts(sh)).toMatchObject({ live: 0, peak: PROCESS_LIMIT });
    expect(r.timerSawLive).toBeGreaterThan(0);
  }, 120_000);

  it("the prompt's own shell forks again once the bomb is gone (only the bomb's subshells stay failed)", async () => {
    const sh = testShell();
    const r = await runBomb(sh, 'f(){ f|f; }; f; echo x | cat; echo $(echo y); (echo z)');
    expect([r.stdout, r.stderr, r.status]).toEqual(['x\ny\nz\n', EAGAIN, 0]);
  }, 120_000);

  it('stays under the bound with subshells and command substitutions too', async () => {
    const sh = testShell();
    const r = await runBomb(sh, 'g(){ (g & g) & echo $(g) ; }; g');
    expect(r.stderr.endsWith(EAGAIN)).toBe(true);
    expect(r.stderr.match(/Resource/g)?.length).toBe(5);
    expect(counts(sh)).toMatchObject({ live: 0, peak: PROCESS_LIMIT });
    expect(await sh.run('echo next')).toEqual({ stdout: 'next\n', stderr: '', status: 0 });
  }, 120_000);

  it('a foreground bomb is stopped by a Ctrl-C from a host timer (the interpreter yields while forking)', async () => {
    const out = new BufferOutput();
    const session = new ShellSession({ world: createWorld(), stdout: out, stderr: out, clock: 'external' });
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
      session.interrupt();
    }, 20);
    const status = await session.execute('f(){ f|f; }; f; echo after');
    expect({ status, out: out.text, timerRan }).toEqual({ status: 130, out: '^C\n', timerRan: true });
  }, 60_000);

  it('ordinary forking is not limited (no family failure, slots given back)', async () => {
    const sh = testShell();
    const r = await sh.run('for i in $(seq 1 200); do echo $(echo $i) | cat >/dev/null; (true); done; echo done');
    expect(r).toEqual({ stdout: 'done\n', stderr: '', status: 0 });
    expect(counts(sh)).toMatchObject({ live: 0 });
  });
});
