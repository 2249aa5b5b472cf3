/**
 * Runs a lab's checks against a world, in the lab's order. A task whose `needs` have not all
 * passed is skipped (its check does not run), so no task can pass before the tasks it builds on.
 */
import type { CheckContext, CheckResult, Lab, Task } from './lab-schema.ts';
import type { TaskResult } from './results.ts';

/** Runs one check, turning a thrown error (an author's bug) into a failing result. */
export function runCheck(task: Task, ctx: CheckContext): CheckResult {
  try {
    const result = task.check(ctx);
    if (!result || typeof result.pass !== 'boolean' || typeof result.message !== 'string') {
      return { pass: false, message: `the check of task "${task.id}" returned no { pass, message } result (a bug in the lab)` };
    }
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { pass: false, message: `the check of task "${task.id}" failed to run: ${reason}` };
  }
}

/** Evaluates every task of `lab` in order and returns one result per task. */
export function evaluateTasks(lab: Lab, ctx: CheckContext): TaskResult[] {
  const passed = new Set<string>();
  const results: TaskResult[] = [];
  for (const task of lab.tasks) {
    const blocking = task.needs.filter((id) => !passed.has(id));
    if (blocking.length > 0) {
      results.push({
        id: task.id,
        title: task.title,
        status: 'skipped',
        message: `not checked: first complete ${blocking.map((id) => `"${titleOf(lab, id)}"`).join(' and ')}`,
        score: 0,
        max: task.points,
      });
      continue;
    }
    const result = runCheck(task, ctx);
    if (result.pass) passed.add(task.id);
    results.push({
      id: task.id,
      title: task.title,
      status: result.pass ? 'pass' : 'fail',
      message: result.message,
      score: result.pass ? task.points : 0,
      max: task.points,
    });
  }
  return results;
}

function titleOf(lab: Lab, id: string): string {
  return lab.tasks.find((t) => t.id === id)?.title ?? id;
}
