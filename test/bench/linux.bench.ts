/**
 * Bench of the Linux model: (1) building 1,000 container-like process trees (a process with new
 * pid, mnt, uts, ipc, net and cgroup namespaces, a proc mount, a veth pair on a bridge with an
 * address) and (2) latency of `ps aux`, `lsns`, `ip -br addr` and a cross-namespace `ping -c 1`
 * in that world, through `ShellSession.execute`. Targets (CPU time): setup < 2 s in total,
 * p95 of each command < 100 ms (lsns prints ~6,000 lines here). Run: `npm run bench linux`.
 */
import { performance } from 'node:perf_hooks';
import { createWorld } from '../../src/emulator/environment.ts';
import { parseIp } from '../../src/emulator/linux/net/ipv4.ts';
import { ShellSession } from '../../src/shell/session.ts';
import { BufferOutput } from '../../src/shell/interp/streams.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(session: ShellSession, line: string, runs: number) {
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const out = new BufferOutput();
    const c = process.cpuUsage();
    await session.execute(line, { stdout: out, stderr: out });
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1000);
    bytes = out.text.length;
  }
  cpu.sort((a, b) => a - b);
  return { cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), bytes };
}

export async function run() {
  const world = createWorld({ seed: 1 });
  const linux = world.linux;
  const host = linux.hosts.get('petlab')!;
  const net = linux.net;
  const bridge = net.addLink(host.initial.net, 'br0', 'bridge');
  net.setUp(bridge, true);
  host.initial.net.stack.addAddress(bridge, parseIp('10.200.0.1')!, 16);
  const heapBefore = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    const p = linux.spawn(host.init, { argv: ['sleep', 'infinity'], unshare: ['pid', 'mnt', 'uts', 'ipc', 'net', 'cgroup'], tty: null });
    p.ns.uts.hostname = `c${i}`;
    linux.mount(p, 'proc', 'proc', '/proc');
    const [outside, inside] = net.addVeth(host.initial.net, `veth${i}`, 'eth0', p.ns.net);
    net.setMaster(outside, bridge);
    net.setUp(outside, true);
    net.setUp(inside, true);
    p.ns.net.stack.addAddress(inside, (parseIp('10.200.1.0')! + i) >>> 0, 16);
  }
  const dc = process.cpuUsage(c0);
  const setupCpuMs = (dc.user + dc.system) / 1000;
  const setupWallMs = performance.now() - t0;
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const session = new ShellSession({ world });
  const figures = {
    setup: { processes: host.processes.size, cpuMs: setupCpuMs, wallMs: setupWallMs, heapMiB },
    psAux: await time(session, 'ps aux', 30),
    lsns: await time(session, 'lsns', 30),
    ipBriefAddr: await time(session, 'ip -br addr', 30),
    pingAcross: await time(session, 'ping -c 1 10.200.3.231', 30),
  };
  const ok = setupCpuMs < 2000 && [figures.psAux, figures.lsns, figures.ipBriefAddr, figures.pingAcross].every((f) => f.cpuP95 < 100);
  return { name: 'linux: 1,000 namespaced processes', ok, ...figures };
}
