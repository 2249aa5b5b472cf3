/**
 * Bench: `petlab grade statefulset-identity --dir` over 100 submissions, through the same code
 * the CLI runs (listClassDir → gradeClass over a GradingPool of worker threads →
 * writeClassReports). Start-up is each worker's first submission (thread, module loading, first
 * world, JIT warm-up); after it, the figure is wall time per submission over the rest of the
 * class (throughput, with `--jobs` workers in parallel as the CLI's default), plus each
 * submission's own latency and the CPU time per submission (all threads). Target: ≤ 50 ms per
 * submission after start-up. Run: `npm run bench grade` or `node test/bench/grade.bench.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeClass, listClassDir, writeClassReports, type Grader, type GradedStudent } from '../../src/cli/class-grading.ts';
import { findLab } from '../../src/cli/lab-catalogue.ts';
import { GradingPool } from '../../src/cli/sandbox.ts';

export interface BenchFigures {
  name: string;
  submissions: number;
  jobs: number;
  startupMs: number;
  /** Wall time per submission after start-up (the class's throughput). */
  perSubmissionMs: number;
  /** How long one submission took from start to report, after start-up. */
  latencyMs: { median: number; p95: number; max: number };
  /** CPU time (user + system, all threads) per submission after start-up. */
  cpuPerSubmissionMs: number;
  /** The machine's 1-minute load average when the bench ended (2 cores shared with others). */
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
export async function run(count = 100, jobs = Math.min(4, availableParallelism())): Promise<BenchFigures> {
  const root = mkdtempSync(join(tmpdir(), 'petlab-bench-'));
  const pool = new GradingPool(jobs);
  try {
    const bundle = findLab(LAB);
    const subs = join(root, 'submissions');
    mkdirSync(subs);
    writeClass(subs, bundle.solution, count);
    const entries = listClassDir(subs, LAB);
    const latencies: number[] = [];
    const timed: Grader = async (b, submission) => {
      const t = performance.now();
      const report = await pool.grade(b.lab.id, submission);
      latencies.push(performance.now() - t);
      return report;
    };
    const t0 = performance.now();
    const warm = await gradeClass(bundle, entries.slice(0, jobs), timed, jobs);
    const startupMs = performance.now() - t0;
    latencies.length = 0;
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const rest = await gradeClass(bundle, entries.slice(jobs), timed, jobs);
    const steadyMs = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    const rows: GradedStudent[] = [...warm, ...rest];
    writeClassReports(join(root, 'out'), bundle, rows, 'text');
    const totalMs = performance.now() - t0;
    const sorted = [...latencies].sort((a, b) => a - b);
    const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const round = (x: number) => Math.round(x * 10) / 10;
    const perSubmissionMs = steadyMs / Math.max(1, rest.length);
    return {
      name: `grade --dir (${LAB}, ${count} submissions)`,
      submissions: count,
      jobs,
      startupMs: round(startupMs),
      perSubmissionMs: round(perSubmissionMs),
      latencyMs: { median: round(pick(0.5)), p95: round(pick(0.95)), max: round(sorted[sorted.length - 1] ?? 0) },
      cpuPerSubmissionMs: round((cpu.user + cpu.system) / 1000 / Math.max(1, rest.length)),
      loadAverage: round(loadavg()[0]),
      totalMs: round(totalMs),
      targetMs: TARGET_MS,
      passed: rows.filter((r) => r.result.status === 'pass').length,
      ok: perSubmissionMs <= TARGET_MS,
    };
  } finally {
    await pool.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const figures = await run(Number(process.argv[2] ?? 100), process.argv[3] ? Number(process.argv[3]) : undefined);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
