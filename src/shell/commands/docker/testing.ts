/**
 * Test helpers for the docker command: a shell over a world with the `docker` environment, with
 * every command module loaded up front (the session's automatic clock interrupts a command that
 * waits on a module import, see the report), and `runAll` to run lines and collect output.
 */
import { registry } from '../registry.ts';
import { testShell, type RunResult, type TestShell } from '../../testing/run.ts';

let warmed: Promise<unknown> | undefined;

/** Loads every registered command once per test process. */
export function warmCommands(): Promise<unknown> {
  warmed ??= Promise.all(Object.values(registry).map((load) => load().catch(() => undefined)));
  return warmed;
}

/** A shell on a fresh `docker` world (seed 1 unless given). */
export async function dockerShell(seed = 1): Promise<TestShell> {
  await warmCommands();
  return testShell({ environment: 'docker', seed });
}

/** Runs lines in order; returns each result. */
export async function runAll(sh: TestShell, lines: readonly string[]): Promise<RunResult[]> {
  const out: RunResult[] = [];
  for (const l of lines) out.push(await sh.run(l));
  return out;
}
