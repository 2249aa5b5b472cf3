/**
 * Test helpers for the docker command: a shell over a fresh world with the `docker`
 * environment (Docker installed on the learner's host), and `runAll` to run lines in order.
 */
import { testShell, type RunResult, type TestShell } from '../../testing/run.ts';

/** A shell on a fresh `docker` world (seed 1 unless given). */
export async function dockerShell(seed = 1): Promise<TestShell> {
  return testShell({ environment: 'docker', seed });
}

/** Runs lines in order; returns each result. */
export async function runAll(sh: TestShell, lines: readonly string[]): Promise<RunResult[]> {
  const out: RunResult[] = [];
  for (const l of lines) out.push(await sh.run(l));
  return out;
}
