/**
 * Completion sources read from a live world: the shell's commands, its file system, and the
 * names the emulator knows (Kubernetes objects, Docker containers and networks, named network
 * namespaces). Everything is read at Tab time, so completion follows the world.
 */
import { commandNames } from '../../shell/commands/registry.ts';
import type * as ClusterTypes from '../../emulator/kube/cluster.ts';
import type * as DockerTypes from '../../emulator/docker/engine.ts';
import type { ShellSession } from '../../shell/session.ts';
import type { CompletionSources, DirEntry } from '../terminal/completion/sources.ts';

/** Built-ins the interpreter runs itself (not in the registry). */
const BUILTINS = ['break', 'continue', 'eval', 'jobs', 'local', 'read', 'return', 'set', 'shift', 'wait'];

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
 * Builds sources over `session` (its cwd, env and process file system). The Kubernetes and
 * Docker readers are not loaded before the prompt on a lab without them: the lab's own
 * environment module is already loaded (importing it again costs nothing). A cluster exists only
 * in a `kubernetes` world; a Docker engine outside a `docker` world only after a `docker`
 * command (which loads the engine's module itself), so its reader loads at the first Tab that
 * needs it and that one Tab may miss the names.
 */
export function worldSources(session: ShellSession, environment = 'linux'): CompletionSources {
  const world = session.world;
  const fs = () => session.process.fs;
  // Only a `kubernetes` world has a cluster (its environment creates it), so no other lab loads it.
  const kube = environment === 'kubernetes' ? lazyModule<ClusterModule>(() => import('../../emulator/kube/cluster.ts'), true) : undefined;
  const engine = lazyModule<DockerModule>(() => import('../../emulator/docker/engine.ts'), environment === 'docker');
  const clusterOf = (w: typeof world) => kube?.get()?.clusterOf(w);
  const docker = () => {
    const m = engine.get();
    return m?.hasDockerEngine(world) ? m.dockerEngine(world) : undefined;
  };
  return {
    commands: () => [...commandNames(), ...BUILTINS],
    cwd: () => session.shell.cwd,
    home: () => session.shell.env.get('HOME') ?? '/root',
    listDir(path: string): DirEntry[] | undefined {
      try {
        return fs()
          .readdir(path)
          .map((name) => {
            let isDir = false;
            try {
              isDir = fs().stat(`${path.replace(/\/$/, '')}/${name}`).type === 'dir';
            } catch {
              // A dangling symlink completes as a file.
            }
            return { name, isDir };
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
  };
}
