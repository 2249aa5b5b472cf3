/**
 * Test helpers for every engineer: run command lines against a fresh world and capture stdout,
 * stderr and the exit status. Time moves by itself (`sleep 5` returns at once).
 *
 *   const sh = testShell();
 *   expect(await sh.run('echo hi')).toEqual({ stdout: 'hi\n', stderr: '', status: 0 });
 */
import type { World } from '../../emulator/world.ts';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../session.ts';
import type { SessionOptions } from '../session.ts';
import { BufferOutput, StringInput } from '../interp/streams.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

export interface TestShell {
  readonly world: World;
  readonly session: ShellSession;
  /** Runs one command line (optionally with `stdin` text); returns what it printed. */
  run(line: string, stdin?: string): Promise<RunResult>;
  /** Runs a script as `petlab shell --script` does; returns the transcript and last status. */
  script(text: string): Promise<{ transcript: string; status: number }>;
}

export interface TestShellOptions extends Partial<Omit<SessionOptions, 'world'>> {
  /** @default `createWorld({ seed, environment })` */
  world?: World;
  /** @default 1 */
  seed?: number;
  /** An `environments` key of src/emulator/environment.ts. @default 'linux' */
  environment?: string;
}

/** A shell over a fresh world (or `options.world`). */
export function testShell(options: TestShellOptions = {}): TestShell {
  const seed = options.seed ?? 1;
  const world = options.world ?? createWorld({ seed, environment: options.environment });
  const session = new ShellSession({ ...options, world });
  return {
    world,
    session,
    async run(line: string, stdin?: string): Promise<RunResult> {
      const stdout = new BufferOutput();
      const stderr = new BufferOutput();
      const status = await session.execute(line, { stdout, stderr, stdin: stdin === undefined ? undefined : new StringInput(stdin) });
      return { stdout: stdout.text, stderr: stderr.text, status };
    },
    script: (text: string) => session.runScript(text),
  };
}

/** Runs one command line in a fresh shell. */
export async function run(line: string, stdin?: string): Promise<RunResult> {
  return testShell().run(line, stdin);
}
