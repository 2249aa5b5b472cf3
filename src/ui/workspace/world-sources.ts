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

/**
 * Builds sources over `session` (its cwd, env and process file system). The Kubernetes and
 * Docker readers load in the background, so completion code never delays the first prompt.
 */
export function worldSources(session: ShellSession): CompletionSources {
  const world = session.world;
  const fs = () => session.process.fs;
  let kube: ClusterModule | undefined;
  let engine: DockerModule | undefined;
  void import('../../emulator/kube/cluster.ts').then((m) => (kube = m));
  void import('../../emulator/docker/engine.ts').then((m) => (engine = m));
  const clusterOf = (w: typeof world) => kube?.clusterOf(w);
  const docker = () => (engine?.hasDockerEngine(world) ? engine.dockerEngine(world) : undefined);
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
