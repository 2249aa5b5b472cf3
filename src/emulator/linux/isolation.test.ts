// Property: whatever sequence of clone/unshare/setns/mount/link moves happens, a process only
// sees the PIDs of its /proc's PID namespace and its descendants, the mounts of its own mount
// namespace and the links of its own network namespace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../world.ts';
import type { NamespaceKind } from './namespaces.ts';
import type { Process } from './process.ts';

const KINDS: NamespaceKind[] = ['pid', 'mnt', 'uts', 'net', 'ipc', 'user'];

type Op =
  | { op: 'spawn'; parent: number; unshare: NamespaceKind[] }
  | { op: 'unshare'; proc: number; kinds: NamespaceKind[] }
  | { op: 'setns'; proc: number; target: number; kinds: NamespaceKind[] }
  | { op: 'mountProc'; proc: number }
  | { op: 'hostname'; proc: number; name: string }
  | { op: 'veth'; proc: number; target: number }
  | { op: 'exit'; proc: number };

const kinds = fc.subarray(KINDS, { minLength: 0, maxLength: 4 });
const idx = fc.nat(40);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('spawn' as const), parent: idx, unshare: kinds }),
  fc.record({ op: fc.constant('unshare' as const), proc: idx, kinds }),
  fc.record({ op: fc.constant('setns' as const), proc: idx, target: idx, kinds }),
  fc.record({ op: fc.constant('mountProc' as const), proc: idx }),
  fc.record({ op: fc.constant('hostname' as const), proc: idx, name: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ op: fc.constant('veth' as const), proc: idx, target: idx }),
  fc.record({ op: fc.constant('exit' as const), proc: idx }),
);

/** Checks every live process's view; returns the first violation or undefined. */
function violation(procs: Process[]): string | undefined {
  for (const p of procs) {
    const procNs = p.host.linux.procPidNs(p);
    if (!procNs) continue;
    const listed = p.fs.readdir('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
    for (const pid of listed) {
      const q = procNs.members.get(pid);
      if (!q) return `pid ${p.pid} lists ${pid}, which is not in ${procNs.link}`;
      if (!procNs.contains(q.ns.pid)) return `pid ${p.pid} sees ${q.pid} from outside ${procNs.link}`;
    }
    const expected = [...procNs.members.keys()].sort((a, b) => a - b);
    if (listed.join() !== expected.join()) return `pid ${p.pid}: /proc lists ${listed.join()} but ${procNs.link} holds ${expected.join()}`;
    const own = p.ns.mnt.mounts.all().map((m) => `${m.source} ${m.target} ${m.fstype} ${m.options} 0 0\n`).join('');
    if (p.pidIn(procNs) !== undefined && p.fs.readFile('/proc/self/mounts') !== own) return `pid ${p.pid} sees mounts of another mount namespace`;
    if (p.pidIn(procNs) === undefined && p.fs.exists('/proc/self')) return `pid ${p.pid} has a /proc/self in ${procNs.link}, which cannot see it`;
    for (const link of p.ns.net.stack.all()) if (link.netns !== p.ns.net) return `pid ${p.pid} sees ${link.name} of netns ${link.netns.inode}`;
    if (p.fs.readFile('/proc/sys/kernel/hostname') !== `${p.ns.uts.hostname}\n`) return `pid ${p.pid} reads another UTS namespace's hostname`;
  }
  return undefined;
}

describe('namespace isolation (property)', () => {
  it('holds for random sequences of clone, unshare, setns, mount and link moves', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const world = new World({ seed: 5 });
        const linux = world.linux;
        const host = linux.createHost('petlab');
        const shell = linux.loginShell();
        const live = () => [...host.processes.values()].filter((p) => !p.exited);
        const pick = (i: number) => live()[i % live().length];
        let veths = 0;
        for (const o of ops) {
          if (o.op === 'spawn') linux.spawn(pick(o.parent), { argv: ['bash'], unshare: o.unshare });
          else if (o.op === 'unshare') linux.unshare(pick(o.proc), o.kinds.filter((k) => k !== 'user'));
          else if (o.op === 'setns') linux.setns(pick(o.proc), pick(o.target), o.kinds.filter((k) => k !== 'user'));
          else if (o.op === 'mountProc') linux.mount(pick(o.proc), 'proc', 'proc', '/proc');
          else if (o.op === 'hostname') pick(o.proc).ns.uts.hostname = o.name;
          else if (o.op === 'veth') {
            const [a] = linux.net.addVeth(pick(o.proc).ns.net, `va${veths}`, `vb${veths}`);
            veths++;
            linux.net.moveLink(a, pick(o.target).ns.net);
          } else if (o.op === 'exit') {
            const p = pick(o.proc);
            if (p !== host.init && p !== shell) linux.exit(p);
          }
          const bad = violation(live());
          if (bad) throw new Error(`${bad} after ${JSON.stringify(o)}`);
        }
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('keeps a hostname set in a new UTS namespace out of the host', () => {
    const world = new World({ seed: 1 });
    const shell = world.linux.loginShell();
    const child = world.linux.spawn(shell, { argv: ['bash'], unshare: ['uts'] });
    child.ns.uts.hostname = 'container';
    expect([shell.hostname, child.hostname]).toEqual(['petlab', 'container']);
  });
});
