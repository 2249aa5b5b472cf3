/**
 * Completion sources read from a live world: the shell's commands, its file system, and the
 * names the emulator knows (Kubernetes objects, Docker containers and networks, named network
 * namespaces). Everything is read at Tab time, so completion follows the world.
 */
import { commandNames } from '../../shell/commands/registry.ts';
import type { ShellSession } from '../../shell/session.ts';
import type { CompletionSources, DirEntry } from '../terminal/completion/sources.ts';

/** Built-ins the interpreter runs itself (not in the registry). */
const BUILTINS = ['break', 'continue', 'eval', 'jobs', 'local', 'read', 'return', 'set', 'shift', 'wait'];

interface KubeStoreLike {
  list?(resource: string, namespace?: string): readonly { metadata: { name: string } }[];
}
interface DockerLike {
  containers?: Iterable<{ name: string }> | Map<string, { name: string }>;
  networks?: Iterable<{ name: string }> | Map<string, { name: string }>;
}

/** Builds sources over `session` (its cwd, env and process file system). */
export function worldSources(session: ShellSession): CompletionSources {
  const world = session.world as unknown as { kube?: { store?: KubeStoreLike; api?: KubeStoreLike }; docker?: DockerLike };
  const fs = () => session.process.fs;
  const names = (items: Iterable<{ name: string }> | Map<string, { name: string }> | undefined) =>
    items ? [...(items instanceof Map ? items.values() : items)].map((i) => i.name) : [];
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
      const store = world.kube?.store ?? world.kube?.api;
      try {
        return (store?.list?.(resource, resource === 'namespaces' || resource === 'nodes' ? undefined : namespace) ?? []).map(
          (o) => o.metadata.name,
        );
      } catch {
        return [];
      }
    },
    dockerContainers: () => names(world.docker?.containers),
    dockerNetworks: () => names(world.docker?.networks),
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
