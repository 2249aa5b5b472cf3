/**
 * The worker thread `GradingSandbox` runs submissions in: it grades one job at a time and posts
 * the report back. Running here lets the CLI bound what a submission can cost in real time and
 * memory (a runaway replay is terminated with the thread) without touching the grading code.
 */
import { parentPort } from 'node:worker_threads';
import type { LabBundle } from '../grading/bundle.ts';
import { isGradingError } from '../grading/errors.ts';
import { gradeSubmission } from '../grading/grade.ts';
import type { ReplayLimits } from '../grading/replay.ts';
import type { Submission } from '../grading/submission.ts';
import { findLab } from './lab-catalogue.ts';

export interface GradeJob {
  id: number;
  lab: string;
  submission: Submission;
  limits?: Partial<ReplayLimits>;
}

/**
 * Labs validated and read once per worker: a class is graded against one lab, and the worker
 * lives for one `petlab grade` run, so an author's edit between runs still counts. An unknown
 * lab is not cached (its GradingError is thrown again for each job).
 */
const bundles = new Map<string, LabBundle>();

function lab(id: string): LabBundle {
  let bundle = bundles.get(id);
  if (!bundle) {
    bundle = findLab(id);
    bundles.set(id, bundle);
  }
  return bundle;
}

function cpuNow(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

// Static imports are loaded: tell the sandbox, which starts a job's clock only now.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', async (job: GradeJob) => {
  const start = cpuNow();
  try {
    const report = await gradeSubmission(lab(job.lab), job.submission, { limits: job.limits });
    parentPort?.postMessage({ id: job.id, cpuMs: cpuNow() - start, report });
  } catch (error) {
    const code = isGradingError(error) ? error.code : 'INTERNAL';
    parentPort?.postMessage({ id: job.id, cpuMs: cpuNow() - start, error: { code, message: error instanceof Error ? error.message : String(error) } });
  }
});
