/**
 * Bench of the shell: (1) latency of 1,000 command lines of a typical lesson session through
 * `ShellSession.execute` (target: p95 < 2 ms), (2) heap used by a world of 100 hosts and
 * 1,000 processes built through the Linux model, and (3) a 10,000-line here-document pasted at
 * the prompt (`ShellSession.runScript`, as `petlab grade` replays a submission: every line goes
 * through the REPL's PS2 continuation). Run: `npm run bench shell`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { createWorld } from '../../src/emulator/environment.ts';
import { ShellSession } from '../../src/shell/session.ts';
import { registry } from '../../src/shell/commands/registry.ts';

/** A session's worth of typical commands; those whose command is not registered are skipped. */
const SESSION = [
  'pwd',
  'ls',
  'ls -la /etc',
  'cd /tmp',
  'mkdir -p work/data',
  'echo "hello world" > work/data/greeting.txt',
  'cat work/data/greeting.txt',
  'cat /etc/passwd | grep root | cut -d: -f1',
  'wc -l /etc/passwd',
  'echo $HOME $USER $?',
  'for i in 1 2 3; do echo $i; done',
  'env | sort | head -3',
  'readlink /proc/$$/ns/net',
  'hostname',
  'ps aux',
  'ip addr',
  'uname -r',
  'id',
  'sed -n 1p /etc/hosts',
  "awk -F: '{print $1}' /etc/passwd | head -2",
  'grep -c nologin /etc/passwd',
  'cd ~',
  'history | tail -1',
  'ls /nope',
  'true && echo ok || echo fail',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function gc(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

async function latency(count: number) {
  const lines = SESSION.filter((l) => Object.hasOwn(registry, l.split(/\s+/)[0]) || ['cd', 'for', 'true', 'echo'].includes(l.split(/\s+/)[0]));
  const world = createWorld({ seed: 1 });
  const session = new ShellSession({ world });
  // Warm-up: load every command module once (a page loads them on first use too).
  const tWarm = performance.now();
  for (const line of lines) await session.execute(line);
  const warmupMs = performance.now() - tWarm;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const line = lines[i % lines.length];
    const c = process.cpuUsage();
    const t = performance.now();
    await session.execute(line);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  return {
    // CPU time per command: what the shell costs, without waiting for a busy machine's cores.
    cpuP50Ms: percentile(cpuSorted, 50),
    cpuP95Ms: percentile(cpuSorted, 95),
    cpuP99Ms: percentile(cpuSorted, 99),
    loadAverage1m: loadavg()[0],
    commands: count,
    distinctLines: lines.length,
    warmupMs,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1],
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

function memory(hosts: number, processesPerHost: number) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const t = performance.now();
  const world = createWorld({ seed: 1 });
  const linux = world.linux;
  const all = [...linux.hosts.values()];
  for (let h = all.length; h < hosts; h++) all.push(linux.createHost(`node-${String(h).padStart(3, '0')}`));
  let processes = 0;
  for (const host of all) {
    for (let i = 0; i < processesPerHost; i++) {
      linux.spawn(host.init, ['sleep', 'infinity']);
      processes++;
    }
  }
  const buildMs = performance.now() - t;
  gc();
  const after = process.memoryUsage().heapUsed;
  const mib = (after - before) / 1024 / 1024;
  return { hosts: all.length, processesSpawned: processes, buildMs, heapMiB: mib, perHostKiB: ((after - before) / 1024) / all.length, world };
}

/** A pasted here-document of `lines` lines of about 40 characters through the REPL. */
async function heredocPaste(lines: number) {
  const body = Array.from({ length: lines }, (_, i) => `line ${i}: some pasted text, ${i % 97}`);
  const text = `cat <<'EOF' | wc -l\n${body.join('\n')}\nEOF\n`;
  const session = new ShellSession({ world: createWorld({ seed: 1 }) });
  await session.runScript('true\n'); // load the command modules first
  const c = process.cpuUsage();
  const t = performance.now();
  const { transcript } = await session.runScript(text);
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(c);
  const counted = transcript.endsWith(`> EOF\n${lines}\n`);
  return { lines, chars: text.length, wallMs, cpuMs: (used.user + used.system) / 1000, loadAverage1m: loadavg()[0], ok: counted };
}

export async function run() {
  const lat = await latency(1000);
  const { world, ...mem } = memory(100, 10);
  void world;
  const paste = await heredocPaste(10_000);
  return [
    { name: 'shell: 10,000-line here-document pasted at the prompt', ...paste },
    { name: 'shell: 1,000 commands of a typical session', ...lat, targetP95Ms: 2, ok: lat.p95Ms < 2 },
    { name: 'world: 100 hosts, 1,000 processes', ...mem },
  ];
}

if (import.meta.main) {
  console.log(JSON.stringify(await run(), null, 2));
}
