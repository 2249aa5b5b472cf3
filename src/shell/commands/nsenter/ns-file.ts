/** Opens a namespace file as nsenter/unshare do: `/proc/PID/ns/KIND` or a bind mount under /run/netns. */
import type { Namespace, NamespaceKind } from '../../../emulator/linux/namespaces.ts';
import type { Process } from '../../../emulator/linux/process.ts';

/**
 * The namespace of `kind` that `file` names, or the strerror text why not ("No such file or
 * directory", "Invalid argument" for a namespace of another kind).
 */
export function namespaceFromFile(proc: Process, file: string, kind: NamespaceKind): Namespace | string {
  let path: string;
  try {
    path = proc.fs.realpath(file);
  } catch {
    // /proc/PID/ns/KIND resolves to "KIND:[inode]", which is no path: read the link instead.
    path = file;
  }
  const procMatch = /^\/proc\/(\d+|self)\/ns\/([a-z_]+)$/.exec(file);
  if (procMatch) {
    const pidNs = proc.host.linux.procPidNs(proc);
    const who = procMatch[1] === 'self' ? proc : pidNs?.members.get(Number(procMatch[1]));
    const k = procMatch[2] === 'pid_for_children' ? 'pid' : (procMatch[2] as NamespaceKind);
    if (!who || !(k in who.ns)) return 'No such file or directory';
    const ns = who.ns[k];
    return ns.kind === kind ? ns : 'Invalid argument';
  }
  const netns = /^\/run\/netns\/([^/]+)$/.exec(path);
  if (netns) {
    const ns = proc.host.namedNetns.get(netns[1]);
    if (!ns) return 'No such file or directory';
    return kind === 'net' ? ns : 'Invalid argument';
  }
  return proc.fs.exists(file) ? 'Invalid argument' : 'No such file or directory';
}
