/**
 * `gradeSubmission`: replays a submission into a fresh deterministic world and runs the lab's
 * checks — the same checks the lab panel runs live, so the page and CI agree.
 */
import type { LabBundle } from './bundle.ts';
import { GradingError } from './errors.ts';
import { evaluateTasks } from './evaluate.ts';
import { prepareWorld, type WorldFactory } from './prepare.ts';
import { DEFAULT_REPLAY_LIMITS, replayText, type ReplayLimits } from './replay.ts';
import { summarize, type LabResult, type TaskResult } from './results.ts';
import { submissionScript, type Submission } from './submission.ts';

export interface GradeOptions {
  /** Bounds of the replay. @default DEFAULT_REPLAY_LIMITS */
  limits?: Partial<ReplayLimits>;
  /** Builds the world. @default loadWorld from src/emulator/environment-loaders.ts (same world as createWorld) */
  createWorld?: WorldFactory;
}

export interface GradeReport {
  result: LabResult;
  /** What the replay printed (`$ command` lines and output). */
  transcript: string;
}

/**
 * Grades `submission` against `bundle`'s lab. Resolves to per-task results in the lab's order.
 * @throws GradingError INVALID_SUBMISSION (wrong lab), INVALID_LAB (setup failed) or
 * LIMIT_EXCEEDED (a replay bound was passed; the message names it).
 */
export async function gradeSubmission(bundle: LabBundle, submission: Submission, options: GradeOptions = {}): Promise<GradeReport> {
  const { lab } = bundle;
  if (submission.lab !== lab.id) {
    throw new GradingError('INVALID_SUBMISSION', `the submission is for lab "${submission.lab}", not "${lab.id}"`);
  }
  const seed = submission.seed ?? lab.seed;
  const limits = { ...DEFAULT_REPLAY_LIMITS, ...options.limits };
  const script = submissionScript(submission);
  const world = await prepareWorld(bundle, seed, submission.files, options.createWorld);
  const ctx = { world, home: lab.home };
  let tasks: TaskResult[] | undefined;
  const outcome = await replayText(world, script, limits, { onEnd: () => (tasks = evaluateTasks(lab, ctx)) });
  if (!tasks) {
    world.settle({ maxMs: limits.settleMs });
    tasks = evaluateTasks(lab, ctx);
  }
  const result = summarize({ id: lab.id, title: lab.title }, tasks, { seed, commands: outcome.commands, virtualMs: outcome.virtualMs });
  return { result, transcript: outcome.transcript };
}

/** A result for a submission that could not be graded (for class summaries and reports). */
export function errorResult(lab: { id: string; title: string }, message: string, seed = 1): LabResult {
  return { lab, status: 'error', score: 0, max: 0, tasks: [], seed, commands: 0, virtualMs: 0, error: message };
}
