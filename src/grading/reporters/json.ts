/**
 * A JSON results file in the spirit of Exercism's results.json (version 3): an overall status
 * and an ordered `tests` list, one record per task, each with name, status, message and score.
 * Petlab adds `task_id`, `max_score`, and the lab's totals.
 */
import type { LabResult, TaskStatus } from '../results.ts';

export interface JsonTestRecord {
  name: string;
  task_id: string;
  status: TaskStatus;
  message: string;
  score: number;
  max_score: number;
}

export interface JsonResults {
  version: 3;
  status: 'pass' | 'fail' | 'error';
  /** Present only when status is 'error'. */
  message?: string;
  lab: string;
  score: number;
  max_score: number;
  tests: JsonTestRecord[];
}

/** The results object (stable key order). */
export function toJsonResults(result: LabResult): JsonResults {
  return {
    version: 3,
    status: result.status,
    ...(result.status === 'error' ? { message: result.error ?? 'grading failed' } : {}),
    lab: result.lab.id,
    score: result.score,
    max_score: result.max,
    tests: result.tasks.map((t) => ({
      name: t.title,
      task_id: t.id,
      status: t.status,
      message: t.message,
      score: t.score,
      max_score: t.max,
    })),
  };
}

/** The results file's text: two-space indented JSON with a final newline. */
export function formatJson(result: LabResult): string {
  return `${JSON.stringify(toJsonResults(result), null, 2)}\n`;
}
