/**
 * Bench of the Docker engine and CLI: latency of `docker ps` (500 running containers, table
 * output) and `docker network inspect` (a network with 25 endpoints, and `-f` over all 20) with
 * 500 containers spread over 20 user-defined bridges, through `ShellSession.execute`.
 * Targets (CPU time, the machine is shared): p95 of `docker ps` < 100 ms, of `docker network
 * inspect` < 20 ms. Setup time
 * (500 namespaced process trees, veth pairs, addresses) is reported too. Run: `npm run bench docker`.
 */
import { performance } from 'node:perf_hooks';
import { createWorld } from '../../src/emulator/environment.ts';
import { createContainer, startContainer } from '../../src/emulator/docker/container-ops.ts';
import { dockerEngine } from '../../src/emulator/docker/engine.ts';
import { createNetwork } from '../../src/emulator/docker/network-ops.ts';
import { ShellSession } from '../../src/shell/session.ts';
import { BufferOutput } from '../../src/shell/interp/streams.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Wall and CPU (user+system) milliseconds per run; CPU is what the targets use (the machine is shared). */
async function time(session: ShellSession, line: string, runs: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const out = new BufferOutput();
    const t = performance.now();
    const c = process.cpuUsage();
    const status = await session.execute(line, { stdout: out, stderr: out });
    const dc = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((dc.user + dc.system) / 1000);
    if (status !== 0) throw new Error(`${line} failed: ${out.text}`);
    bytes = out.text.length;
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wallP50: percentile(wall, 50), wallP95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), bytes };
}

export async function run() {
  const world = createWorld({ seed: 1, environment: 'docker' });
  const engine = dockerEngine(world);
  engine.preload('alpine', 'nginx');
  const alpine = engine.findImage('alpine')!;
  const nginx = engine.findImage('nginx')!;
  const t0 = performance.now();
  const nets = Array.from({ length: 20 }, (_, i) => createNetwork(engine, { name: `net${String(i).padStart(2, '0')}` }));
  for (let i = 0; i < 500; i++) {
    const web = i % 5 === 0;
    const c = createContainer(engine, {
      image: web ? nginx : alpine, imageRef: web ? 'nginx' : 'alpine', name: `c${i}`,
      cmd: web ? [] : ['sleep', 'infinity'], network: nets[i % 20].name,
      publish: web ? [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: 10000 + i }] : [],
    });
    startContainer(engine, c);
  }
  const setupMs = performance.now() - t0;
  const session = new ShellSession({ world });
  await session.execute('docker ps -q', { stdout: new BufferOutput(), stderr: new BufferOutput() });
  const ps = await time(session, 'docker ps', 30);
  const psAll = await time(session, 'docker ps -a --format "{{.Names}} {{.Networks}}"', 30);
  const inspect = await time(session, 'docker network inspect net07', 50);
  const inspectAll = await time(session, `docker network inspect -f '{{.Name}} {{len .Containers}}' ${nets.map((n) => n.name).join(' ')}`, 30);
  return {
    name: 'docker: 500 containers on 20 networks',
    ok: ps.cpuP95 < 100 && inspect.cpuP95 < 20,
    setupMs,
    msPerContainerStart: setupMs / 500,
    'docker ps (ms)': ps,
    'docker ps -a --format (ms)': psAll,
    'docker network inspect net07 (ms)': inspect,
    'docker network inspect -f x20 (ms)': inspectAll,
  };
}
