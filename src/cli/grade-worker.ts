/**
 * The worker thread `GradingSandbox` runs submissions in: it grades one job at a time and posts
 * the report back. Running here lets the CLI bound what a submission can cost in real time and
 * memory (a runaway replay is terminated with the thread) without touching the grading code.
 */
import { parentPort } from 'node:worker_threads';
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

// Static imports are loaded: tell the sandbox, which starts a job's clock only now.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', async (job: GradeJob) => {
  try {
    const report = await gradeSubmission(findLab(job.lab), job.submission, { limits: job.limits });
    parentPort?.postMessage({ id: job.id, report });
  } catch (error) {
    const code = isGradingError(error) ? error.code : 'INTERNAL';
    parentPort?.postMessage({ id: job.id, error: { code, message: error instanceof Error ? error.message : String(error) } });
  }
});
