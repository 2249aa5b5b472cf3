/**
 * Completion sources read from a live world: the shell's commands, its file system, and the
 * names the emulator knows (Kubernetes objects, Docker containers and networks, named network
 * namespaces). Everything is read at Tab time, so completion follows the world — and follows
 * the shell the learner types to: inside `unshare … bash`, `docker exec -it c sh` or `kubectl
 * exec -it p -- sh`, commands are those in that shell's $PATH and paths are in its process's
 * file system and working directory.
 */
import { commandNames } from '../../shell/commands/registry.ts';
import { INTERNAL_BUILTINS } from '../../shell/interp/builtins.ts';
import { BASH_BUILTINS } from '../../shell/interp/simple.ts';
import type { Shell } from '../../shell/interp/shell.ts';
import { hasLinuxModel } from '../../shell/linux-bridge.ts';
import type * as ClusterTypes from '../../emulator/kube/cluster.ts';
import type * as DockerTypes from '../../emulator/docker/engine.ts';
import type { ShellSession } from '../../shell/session.ts';
import type { CompletionSources, DirEntry } from '../terminal/completion/sources.ts';

/** Built-ins the interpreter runs itself (not in the registry). */
const BUILTINS = ['break', 'continue', 'eval', 'jobs', 'local', 'read', 'return', 'set', 'shift', 'wait'];

/** bash's PATH when none is set (as `findProgram` uses). */
const DEFAULT_PATH = '/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:.';

/**
 * What `shell` can run by name, as bash completes a command word: its built-ins, functions and
 * aliases, and every executable non-directory in a $PATH directory of its process's file system. Without
 * a Linux model (programs are not files) every registered command counts.
 */
export function shellCommands(shell: Shell): string[] {
  const names = new Set<string>([...INTERNAL_BUILTINS, ...BUILTINS, ...BASH_BUILTINS, ...shell.functions.keys(), ...shell.aliases.keys()]);
  if (!hasLinuxModel(shell.world)) {
    for (const name of commandNames()) names.add(name);
    return [...names];
  }
  const fs = shell.process.fs;
  for (const entry of (shell.env.get('PATH') ?? DEFAULT_PATH).split(':')) {
    const dir = entry === '' || entry === '.' ? shell.cwd : entry.replace(/\/$/, '') || '/';
    let listing: string[];
    try {
      listing = fs.readdir(dir);
    } catch {
      continue;
    }
    for (const name of listing) {
      if (names.has(name)) continue;
      try {
        const stat = fs.stat(`${dir === '/' ? '' : dir}/${name}`);
        if (stat.type !== 'dir' && (stat.mode & 0o111) !== 0) names.add(name);
      } catch {
        // A dangling link runs nothing.
      }
    }
  }
  return [...names];
}

type ClusterModule = typeof ClusterTypes;
type DockerModule = typeof DockerTypes;

/** A module imported at the first `get()` (or at once when `eager`); undefined until it is there. */
function lazyModule<T>(load: () => Promise<T>, eager: boolean): { get(): T | undefined } {
  let module: T | undefined;
  let started = false;
  const start = () => {
    started = true;
    load().then(
      (m) => (module = m),
      () => (started = false),
    );
  };
  if (eager) start();
  return {
    get() {
      if (!started) start();
      return module;
    },
  };
}

/**
 * Builds sources over `session`: its active shell's cwd, env and process file system. The Kubernetes and
 * Docker readers are not loaded before the prompt on a lab without them: the lab's own
 * environment module is already loaded (importing it again costs nothing). A cluster exists only
 * in a `kubernetes` world; a Docker engine outside a `docker` world only after a `docker`
 * command (which loads the engine's module itself), so its reader loads at the first Tab that
 * needs it and that one Tab may miss the names.
 */
export function worldSources(session: ShellSession, environment = 'linux'): CompletionSources {
  const world = session.world;
  const fs = () => session.activeShell.process.fs;
  // Only a `kubernetes` world has a cluster (its environment creates it), so no other lab loads it.
  const kube = environment === 'kubernetes' ? lazyModule<ClusterModule>(() => import('../../emulator/kube/cluster.ts'), true) : undefined;
  const engine = lazyModule<DockerModule>(() => import('../../emulator/docker/engine.ts'), environment === 'docker');
  const clusterOf = (w: typeof world) => kube?.get()?.clusterOf(w);
  const docker = () => {
    const m = engine.get();
    return m?.hasDockerEngine(world) ? m.dockerEngine(world) : undefined;
  };
  return {
    commands: () => shellCommands(session.activeShell),
    cwd: () => session.activeShell.cwd,
    home: () => session.activeShell.env.get('HOME') ?? '/root',
    listDir(path: string): DirEntry[] | undefined {
      try {
        return fs()
          .readdir(path)
          .map((name) => {
            let isDir = false;
            let executable = false;
            try {
              const st = fs().stat(`${path.replace(/\/$/, '')}/${name}`);
              isDir = st.type === 'dir';
              executable = (st.mode & 0o111) !== 0;
            } catch {
              // A dangling symlink completes as a file (not an executable one).
            }
            return { name, isDir, executable };
          });
      } catch {
        return undefined;
      }
    },
    kubeNames(resource: string, namespace: string): string[] {
      const store = clusterOf(world)?.store;
      try {
        const cluster = resource === 'namespaces' || resource === 'nodes' || resource === 'persistentvolumes';
        return (store?.list(resource, cluster ? {} : { namespace }).items ?? []).map((o) => o.metadata.name ?? '').filter((n) => n !== '');
      } catch {
        return [];
      }
    },
    dockerContainers: () => [...(docker()?.containers.values() ?? [])].map((c) => c.name),
    dockerNetworks: () => [...(docker()?.networks.values() ?? [])].map((n) => n.name),
    dockerImages: () => ['alpine', 'busybox', 'nginx', 'redis', 'ubuntu'],
    netnsNames(): string[] {
      try {
        return fs().readdir('/run/netns');
      } catch {
        return [];
      }
    },
    // The links of the active shell's network namespace, as `ip link show` lists them there.
    interfaces(): string[] {
      const net = (session.activeShell.process as { ns?: { net?: { stack?: { all(): readonly { name: string }[] } } } }).ns?.net;
      try {
        return net?.stack?.all().map((link) => link.name) ?? [];
      } catch {
        return [];
      }
    },
    variables: () => Object.keys(session.activeShell.env.all()),
  };
}
