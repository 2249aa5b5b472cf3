/**
 * Bench: `petlab grade statefulset-identity --dir` over 100 submissions, through the same code
 * the CLI runs (listClassDir → gradeClass over a GradingPool of worker threads →
 * writeClassReports), with the CLI's default `--jobs`. Start-up is each worker's first
 * submission (thread, module loading, JIT warm-up, first world); every figure after it is over
 * the rest of the class: wall time per submission (the class's throughput), each submission's
 * own latency (mean, p95, max: from handing it to the pool to its report), and CPU time per
 * submission — of the whole process (all threads: workers, GC, the CLI's own thread) and of the
 * grading thread alone. Wall figures on a shared 2-core machine swing with the load; the CPU
 * figures much less. Target: ≤ 50 ms per submission after start-up, both wall (throughput) and
 * process CPU, so parallel workers cannot hide the cost.
 *
 * The class is realistic: the reference solution, solutions with detours, and submissions that
 * fail some tasks (stopped early, never scaled, Parallel pod management in the edited web.yaml,
 * no pod deleted, no data written) — each kind is checked to get the verdict it should.
 * Run: `npm run bench grade` or `node test/bench/grade.bench.ts [count] [jobs]`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeClass, listClassDir, writeClassReports, type Grader, type GradedStudent } from '../../src/cli/class-grading.ts';
import { findLab } from '../../src/cli/lab-catalogue.ts';
import { GradingPool } from '../../src/cli/sandbox.ts';
import type { LabBundle } from '../../src/grading/bundle.ts';

export interface BenchFigures {
  name: string;
  submissions: number;
  jobs: number;
  startupMs: number;
  /** Wall time per submission after start-up (the class's throughput). */
  perSubmissionMs: number;
  /** How long one submission took from start to report, after start-up. */
  latencyMs: { mean: number; median: number; p95: number; max: number };
  /** CPU time (user + system, all threads of the process) per submission after start-up. */
  cpuPerSubmissionMs: number;
  /** CPU time of the grading worker thread alone per submission after start-up. */
  workerCpuPerSubmissionMs: number;
  /** CPU time of the CLI's own thread (reading submissions, handing them over) per submission. */
  mainCpuPerSubmissionMs: number;
  /** Submissions per kind (each got the verdict its kind should, or the bench throws). */
  kinds: Record<string, number>;
  /** The machine's 1-minute load average when the bench ended (2 cores shared with others). */
  loadAverage: number;
  totalMs: number;
  targetMs: number;
  passed: number;
  ok: boolean;
}

const LAB = 'statefulset-identity';
const TARGET_MS = 50;

/** A kind of submission: its commands, edited files, and the per-task statuses it must get. */
interface Kind {
  name: string;
  commands: string;
  files?: Record<string, string>;
  /** `status:score` of the result, e.g. `pass:7`. */
  expect: string;
}

function kinds(bundle: LabBundle): Kind[] {
  const solution = bundle.solution;
  const yaml = bundle.files['web.yaml'];
  const parallel = yaml.replace('  replicas: 2\n', '  replicas: 3\n  podManagementPolicy: Parallel\n');
  if (parallel === yaml) throw new Error('web.yaml changed: the Parallel variant no longer applies');
  return [
    { name: 'reference', commands: solution, expect: 'pass:7' },
    { name: 'detours', commands: `kubectl get nodes\nkubectl get pods -A\n${solution}kubectl get pods -o wide\nkubectl get pvc\nkubectl describe statefulset web\n`, expect: 'pass:7' },
    { name: 'scaled-by-command', commands: solution.replace("sed -i 's/replicas: 2/replicas: 3/' web.yaml\nkubectl apply -f web.yaml\n", 'kubectl scale statefulset web --replicas=3\n'), expect: 'pass:7' },
    { name: 'stopped-early', commands: 'kubectl apply -f web.yaml\nkubectl get pods\n', expect: 'fail:1' },
    { name: 'never-scaled', commands: solution.replace("sed -i 's/replicas: 2/replicas: 3/' web.yaml\n", ''), expect: 'fail:1' },
    { name: 'parallel-policy', commands: solution.replace("sed -i 's/replicas: 2/replicas: 3/' web.yaml\n", ''), files: { 'web.yaml': parallel }, expect: 'fail:6' },
    { name: 'no-delete', commands: solution.replace('kubectl delete pod web-0\n', ''), expect: 'fail:5' },
    { name: 'no-data', commands: solution.replace("kubectl exec web-0 -- sh -c 'hostname > /usr/share/nginx/html/index.html'\n", ''), expect: 'fail:6' },
  ];
}

/** The kind of the i-th student: half the class solves the lab, the other half fails some task. */
const MIX = [0, 3, 1, 4, 0, 5, 2, 6, 0, 7];

/** Writes `count` submissions (most as JSON, every tenth as a folder with commands.sh and files/). */
function writeClass(dir: string, all: Kind[], count: number): Map<string, Kind> {
  const byStudent = new Map<string, Kind>();
  for (let i = 0; i < count; i++) {
    const name = `student-${String(i + 1).padStart(3, '0')}`;
    const kind = all[MIX[i % MIX.length]];
    byStudent.set(name, kind);
    const files = kind.files ?? {};
    if (i % 10 === 9) {
      mkdirSync(join(dir, name, 'files'), { recursive: true });
      writeFileSync(join(dir, name, 'commands.sh'), kind.commands);
      for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, name, 'files', path), text);
    } else {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ version: 1, lab: LAB, seed: 1 + (i % 7), commands: kind.commands, files }));
    }
  }
  return byStudent;
}

/** Runs the bench; returns its figures. Throws when a submission gets the wrong verdict. */
export async function run(count = 100, jobs = Math.min(4, availableParallelism())): Promise<BenchFigures> {
  const root = mkdtempSync(join(tmpdir(), 'petlab-bench-'));
  const pool = new GradingPool(jobs);
  try {
    const bundle = findLab(LAB);
    const subs = join(root, 'submissions');
    mkdirSync(subs);
    const byStudent = writeClass(subs, kinds(bundle), count);
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
    const workerCpu0 = pool.cpuMs;
    const cpu0 = process.cpuUsage();
    const main0 = process.threadCpuUsage();
    const t1 = performance.now();
    const rest = await gradeClass(bundle, entries.slice(jobs), timed, jobs);
    const steadyMs = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    const main = process.threadCpuUsage(main0);
    const workerCpu = pool.cpuMs - workerCpu0;
    const rows: GradedStudent[] = [...warm, ...rest];
    writeClassReports(join(root, 'out'), bundle, rows, 'text');
    const totalMs = performance.now() - t0;
    if (readFileSync(join(root, 'out', 'summary.csv'), 'utf8').split('\r\n').length !== count + 2) throw new Error('summary.csv does not list every student');
    const tally = new Map<string, number>();
    for (const row of rows) {
      const kind = byStudent.get(row.student);
      if (!kind) throw new Error(`unexpected student ${row.student}`);
      const got = `${row.result.status}:${row.result.score}`;
      if (got !== kind.expect) throw new Error(`${row.student} (${kind.name}) got ${got}, wanted ${kind.expect}: ${row.result.error ?? row.result.tasks.map((t) => `${t.id}=${t.status}`).join(' ')}`);
      tally.set(kind.name, (tally.get(kind.name) ?? 0) + 1);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
    const round = (x: number) => Math.round(x * 10) / 10;
    const n = Math.max(1, rest.length);
    const perSubmissionMs = steadyMs / n;
    const cpuPerSubmissionMs = (cpu.user + cpu.system) / 1000 / n;
    return {
      name: `grade --dir (${LAB}, ${count} submissions)`,
      submissions: count,
      jobs,
      startupMs: round(startupMs),
      perSubmissionMs: round(perSubmissionMs),
      latencyMs: { mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)), median: round(pick(0.5)), p95: round(pick(0.95)), max: round(sorted[sorted.length - 1] ?? 0) },
      cpuPerSubmissionMs: round(cpuPerSubmissionMs),
      workerCpuPerSubmissionMs: round(workerCpu / n),
      mainCpuPerSubmissionMs: round((main.user + main.system) / 1000 / n),
      kinds: Object.fromEntries(tally),
      loadAverage: round(loadavg()[0]),
      totalMs: round(totalMs),
      targetMs: TARGET_MS,
      passed: rows.filter((r) => r.result.status === 'pass').length,
      ok: perSubmissionMs <= TARGET_MS && cpuPerSubmissionMs <= TARGET_MS,
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
