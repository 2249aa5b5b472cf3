/**
 * Bench: `petlab grade statefulset-identity --dir` over 100 submissions, through the same code
 * the CLI runs (listClassDir → gradeClass in the GradingSandbox worker → writeClassReports).
 * Start-up (the worker, module loading, the first world, JIT warm-up) is the first submission;
 * the target is ≤ 50 ms per submission after it. CPU time is the worker's: process.cpuUsage
 * covers every thread of the process. Run: `node test/bench/grade.bench.ts` (or through test/bench/run.ts with `npm run bench`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeClass, listClassDir, writeClassReports, type Grader } from '../../src/cli/class-grading.ts';
import { GradingSandbox } from '../../src/cli/sandbox.ts';
import { findLab } from '../../src/cli/lab-catalogue.ts';

export interface BenchFigures {
  name: string;
  submissions: number;
  startupMs: number;
  perSubmissionMs: { mean: number; median: number; p95: number; max: number };
  /** CPU time (user + system) per submission after start-up: less disturbed by other load. */
  cpuPerSubmissionMs: number;
  /** The machine's 1-minute load average when the bench ended. */
  loadAverage: number;
  totalMs: number;
  targetMs: number;
  passed: number;
  ok: boolean;
}

const LAB = 'statefulset-identity';
const TARGET_MS = 50;

/** Writes `count` submissions: most solve the lab, some stop early, some wander. */
function writeClass(dir: string, solution: string, count: number): void {
  const partial = 'kubectl apply -f web.yaml\nkubectl get pods\n';
  const wandering = `kubectl get nodes\n${solution}kubectl get pods -o wide\nkubectl get pvc\nkubectl describe statefulset web\n`;
  for (let i = 0; i < count; i++) {
    const name = `student-${String(i + 1).padStart(3, '0')}`;
    const commands = i % 5 === 3 ? partial : i % 5 === 4 ? wandering : solution;
    if (i % 10 === 9) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'commands.sh'), commands);
    } else {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ version: 1, lab: LAB, seed: 1 + (i % 7), commands }));
    }
  }
}

/** Runs the bench; returns its figures. */
export async function run(count = 100): Promise<BenchFigures> {
  const root = mkdtempSync(join(tmpdir(), 'petlab-bench-'));
  try {
    const bundle = findLab(LAB);
    const subs = join(root, 'submissions');
    mkdirSync(subs);
    writeClass(subs, bundle.solution, count);
    const entries = listClassDir(subs, LAB);
    const sandbox = new GradingSandbox();
    const grade: Grader = (b, submission) => sandbox.grade(b.lab.id, submission);
    const times: number[] = [];
    const rows = [];
    const t0 = performance.now();
    let cpuStart = process.cpuUsage();
    for (const [i, entry] of entries.entries()) {
      const t = performance.now();
      rows.push(...(await gradeClass(bundle, [entry], grade)));
      times.push(performance.now() - t);
      if (i === 0) cpuStart = process.cpuUsage();
    }
    const cpu = process.cpuUsage(cpuStart);
    await sandbox.close();
    writeClassReports(join(root, 'out'), bundle, rows, 'text');
    const totalMs = performance.now() - t0;
    const steady = times.slice(1).sort((a, b) => a - b);
    const pick = (q: number) => steady[Math.min(steady.length - 1, Math.floor(q * steady.length))] ?? 0;
    const mean = steady.reduce((a, b) => a + b, 0) / Math.max(1, steady.length);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      name: `grade --dir (${LAB}, ${count} submissions)`,
      submissions: count,
      startupMs: round(times[0] ?? 0),
      perSubmissionMs: { mean: round(mean), median: round(pick(0.5)), p95: round(pick(0.95)), max: round(steady[steady.length - 1] ?? 0) },
      cpuPerSubmissionMs: round((cpu.user + cpu.system) / 1000 / Math.max(1, entries.length - 1)),
      loadAverage: round(loadavg()[0]),
      totalMs: round(totalMs),
      targetMs: TARGET_MS,
      passed: rows.filter((r) => r.result.status === 'pass').length,
      ok: mean <= TARGET_MS,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const figures = await run(Number(process.argv[2] ?? 100));
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
