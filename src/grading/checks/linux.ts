/**
 * Checks about processes and namespaces on a Linux host: pure reads of the kernel model
 * (`world.linux`). A process in a new PID namespace sees itself as PID 1; a hostname set in a
 * new UTS namespace leaves the host's untouched.
 */
import type { CheckResult } from '../lab-schema.ts';
import type { Host } from '../../emulator/linux/host.ts';
import type { Linux } from '../../emulator/linux/linux.ts';
import type { Process } from '../../emulator/linux/process.ts';
import { fail, listWords, pass } from './result.ts';

/** Shells a learner may start inside a namespace. */
export const SHELLS = ['bash', 'sh', 'dash', 'zsh', 'ash'];

/** The host a check looks at: the named one, else the first booted. */
export function hostOf(linux: Linux | undefined, name?: string): Host | undefined {
  if (!linux) return undefined;
  if (name !== undefined) return linux.hosts.get(name);
  return linux.hosts.values().next().value;
}

/** Live processes of `host`, by host pid. */
export function liveProcesses(host: Host): Process[] {
  return [...host.processes.values()].filter((p) => !p.exited);
}

/** Live processes that are PID 1 of a PID namespace other than the host's. */
export function namespaceInits(host: Host): Process[] {
  return liveProcesses(host).filter((p) => p.ns.pid !== host.initial.pid && p.pidIn(p.ns.pid) === 1);
}

/**
 * A shell runs as PID 1 of a new PID namespace (`unshare --pid --fork bash`). Picks the
 * newest such shell; `pidShell` returns it for checks that build on it.
 */
export function pidShell(host: Host): Process | undefined {
  const shells = namespaceInits(host).filter((p) => SHELLS.includes(p.comm));
  return shells[shells.length - 1];
}

const noHost = (what: string) => fail(`this world has no Linux host to ${what}`);

/** See `pidShell`. Fails naming what exists instead: no new namespace, or a non-shell PID 1. */
export function shellIsPid1InNewNamespace(linux: Linux | undefined, hostName?: string): CheckResult {
  const host = hostOf(linux, hostName);
  if (!host) return noHost('check PID namespaces on');
  const shell = pidShell(host);
  if (shell) return pass(`${shell.comm} (host pid ${shell.pid}) is PID 1 in PID namespace ${shell.ns.pid.link}`);
  const inits = namespaceInits(host);
  if (inits.length > 0) {
    const p = inits[inits.length - 1];
    return fail(`${p.comm} is PID 1 in ${p.ns.pid.link}, but not a shell: start bash as the namespace's first process`);
  }
  const waiting = liveProcesses(host).find((p) => p.pidForChildren && p.pidForChildren !== p.ns.pid);
  if (waiting) {
    return fail(
      `${waiting.comm} (pid ${waiting.pid}) made PID namespace ${waiting.pidForChildren!.link} but is not in it itself: only its children are (use --fork)`,
    );
  }
  return fail(`every process runs in the host's PID namespace ${host.initial.pid.link}: start a shell as PID 1 of a new one`);
}

/**
 * /proc, as the PID-1 shell sees it, shows its own namespace (`--mount-proc`): /proc/self is 1.
 */
export function procShowsOwnNamespace(linux: Linux | undefined, hostName?: string): CheckResult {
  const host = hostOf(linux, hostName);
  if (!host) return noHost('check /proc on');
  const shell = pidShell(host);
  if (!shell) return fail('no shell runs as PID 1 of a new PID namespace');
  let self: string;
  try {
    self = shell.fs.readlink('/proc/self');
  } catch {
    self = '';
  }
  if (self === '1') return pass(`/proc in ${shell.comm}'s mount namespace ${shell.ns.mnt.link} shows PID namespace ${shell.ns.pid.link}`);
  if (shell.ns.mnt === host.initial.mnt) {
    return fail(`${shell.comm} shares the host's mount namespace ${host.initial.mnt.link}, so /proc still lists the host's processes (mount a new /proc in a new mount namespace)`);
  }
  return fail(`/proc in ${shell.comm}'s mount namespace still lists the host's processes (/proc/self is ${self || 'unreadable'}): mount a proc file system for the new PID namespace`);
}

/** A live process is in a UTS namespace of its own whose hostname is `hostname`; the host's is unchanged. */
export function hostnameInUtsNamespace(linux: Linux | undefined, want: { hostname: string; host?: string }): CheckResult {
  const host = hostOf(linux, want.host);
  if (!host) return noHost('check hostnames on');
  const hostUts = host.initial.uts;
  if (hostUts.hostname === want.hostname) {
    return fail(`the host itself is now called ${want.hostname}: set the name inside a new UTS namespace only (and set the host's back to ${host.id})`);
  }
  const inOwn = liveProcesses(host).filter((p) => p.ns.uts !== hostUts);
  const named = inOwn.filter((p) => p.ns.uts.hostname === want.hostname);
  const match = named.find((p) => SHELLS.includes(p.comm)) ?? named[0];
  if (match) return pass(`${match.comm} (pid ${match.pid}) sees hostname ${want.hostname} in UTS namespace ${match.ns.uts.link}; the host is still ${hostUts.hostname}`);
  if (inOwn.length > 0) {
    const names = [...new Set(inOwn.map((p) => `${p.ns.uts.link} is called ${p.ns.uts.hostname}`))];
    return fail(`no UTS namespace is called ${want.hostname}: ${listWords(names)}`);
  }
  return fail(`every process shares the host's UTS namespace ${hostUts.link}: create a new one and set its hostname to ${want.hostname}`);
}

/** The file at `path` on the host (as PID 1 sees it) exists and its text satisfies `test`. */
export function readHostFile(linux: Linux | undefined, path: string, hostName?: string): string | undefined {
  const host = hostOf(linux, hostName);
  if (!host) return undefined;
  try {
    return host.init.fs.readFile(path);
  } catch {
    return undefined;
  }
}
