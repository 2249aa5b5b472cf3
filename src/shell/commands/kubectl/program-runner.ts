/**
 * Lets the kubelets run a container's short-lived program (`kubectl run dns-test --image=busybox
 * -- nslookup web-0.nginx`, `sh -c "echo …"`) through the shell, in the container's namespaces:
 * the emulator cannot import the shell, so the first kubectl command installs a runner built on
 * its context's `spawnShell`. Output becomes the container's log, the status its exit code.
 */
import type { Process } from '../../../emulator/linux/process.ts';
import type { CommandContext } from '../../types.ts';
import type { ClusterModel } from './cluster-bridge.ts';

/** Installs (once per cluster) a runner that spawns `sh -c <argv>` in the container's process. */
export function installProgramRunner(ctx: CommandContext, cluster: ClusterModel): void {
  if (!cluster.setProgramRunner || cluster.hasProgramRunner?.()) return;
  const spawnShell = ctx.spawnShell.bind(ctx);
  cluster.setProgramRunner((process: Process, argv, io) =>
    spawnShell({
      script: shellQuote(argv),
      in: process,
      argv,
      stdin: { isTTY: false, read: async () => null, readLine: async () => null, readAll: async () => '' },
      stdout: { write: io.stdout },
      stderr: { write: io.stderr },
    }),
  );
}

function shellQuote(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
