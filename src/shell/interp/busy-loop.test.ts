/**
 * Busy loops and runaway calls keep giving the host event loop a turn (every STEPS_PER_TURN
 * rounds or calls), so Ctrl-C and the page's UI get to run: with the browser's external clock,
 * a timer firing in real time interrupts them.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../session.ts';
import { BufferOutput } from './streams.ts';

async function interruptedAfterRealTime(line: string): Promise<{ status: number; out: string; timerRan: boolean }> {
  const out = new BufferOutput();
  const session = new ShellSession({ world: createWorld(), stdout: out, stderr: out, clock: 'external' });
  let timerRan = false;
  // a host timer: only runs if the interpreter yields to the event loop
  setTimeout(() => {
    timerRan = true;
    session.interrupt();
  }, 50);
  const status = await session.execute(line);
  return { status, out: out.text, timerRan };
}

describe('busy loops yield to the host', () => {
  it.each([
    ['while true; do :; done; echo after'],
    ['until false; do :; done'],
    ['for i in {1..10000}; do for j in {1..10000}; do :; done; done'],
    ['f() { :; }; while :; do f; done'],
    ['x=$(while true; do :; done); echo "[$x]"'],
    ['while true; do :; done | cat'],
  ])('%s is stopped by a Ctrl-C from a host timer', async (line) => {
    const r = await interruptedAfterRealTime(line);
    expect(r).toEqual({ status: 130, out: '^C\n', timerRan: true });
  }, 20_000);
});
