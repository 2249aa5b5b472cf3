/**
 * Lets the engine run a detached container's main process (`docker run -d alpine ping x`)
 * through the shell: the emulator cannot import the shell, so the first `docker` command
 * installs a runner built on its context's `spawnShell`.
 */
import type { CommandContext } from '../../types.ts';
import { dockerEngine } from '../../../emulator/docker/engine.ts';
import { shellQuote } from './attach-io.ts';

/** Installs (once per engine) a runner that spawns `sh -c <argv>` inside the container. */
export function installProgramRunner(ctx: CommandContext): void {
  const engine = dockerEngine(ctx.world);
  if (engine.programRunner) return;
  engine.programRunner = (c, argv, io) => {
    const proc = engine.runtime.processOf?.(engine, c);
    return ctx.spawnShell({
      script: shellQuote(argv),
      in: proc,
      stdin: { isTTY: false, read: async () => null, readLine: async () => null, readAll: async () => '' },
      stdout: { write: io.stdout },
      stderr: { write: io.stderr },
    });
  };
}
