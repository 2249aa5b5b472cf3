/**
 * The grader's verdict, shared by the lab panel, `petlab grade` and every reporter: one record
 * per task, in the lab's order, with a status, a message naming what is missing, and a score.
 */

/** pass; fail; skipped because a task it `needs` has not passed. */
export type TaskStatus = 'pass' | 'fail' | 'skipped';

export interface TaskResult {
  id: string;
  title: string;
  status: TaskStatus;
  /** What the check found, e.g. "3 replicas wanted, 2 Ready: web-2 is Pending". */
  message: string;
  /** Points earned: `max` on pass, else 0. */
  score: number;
  /** Points available (the task's `points`). */
  max: number;
}

/** pass: every task passed; fail: some did not; error: grading could not run (see `error`). */
export type LabStatus = 'pass' | 'fail' | 'error';

export interface LabResult {
  lab: { id: string; title: string };
  status: LabStatus;
  score: number;
  max: number;
  tasks: TaskResult[];
  /** The world's seed used for the replay. */
  seed: number;
  /** Command lines replayed. */
  commands: number;
  /** Virtual milliseconds the replay took (commands plus settling). */
  virtualMs: number;
  /** Set when status is 'error': why grading stopped (a bound, an invalid lab). */
  error?: string;
}

/** Sums scores and derives the lab's status from its task results. */
export function summarize(
  lab: { id: string; title: string },
  tasks: TaskResult[],
  facts: { seed: number; commands: number; virtualMs: number },
): LabResult {
  const score = tasks.reduce((sum, t) => sum + t.score, 0);
  const max = tasks.reduce((sum, t) => sum + t.max, 0);
  const status: LabStatus = tasks.every((t) => t.status === 'pass') ? 'pass' : 'fail';
  return { lab, status, score, max, tasks, ...facts };
}
