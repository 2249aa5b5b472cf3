/**
 * `verifyLab`: proves a lab non-vacuous and solvable, as `petlab labs verify` and
 * test/labs.test.ts run it:
 *
 * 1. in the starting state (setup + files) every task's check fails;
 * 2. replaying `solution.sh` makes every task pass, in order, with needs honoured;
 * 3. no task's check passes before all the tasks it `needs` pass (checked at every prompt of the
 *    solution's replay).
 *
 * It first validates the definition against the lab schema (`validateLab`); an invalid lab gets
 * that message as its only problem.
 */
import type { LabBundle } from './bundle.ts';
import type { Lab } from './lab-schema.ts';
import { isGradingError } from './errors.ts';
import { evaluateTasks, runCheck } from './evaluate.ts';
import { prepareWorld, type WorldFactory } from './prepare.ts';
import { DEFAULT_REPLAY_LIMITS, replayText } from './replay.ts';
import { validateLab } from './validate-lab.ts';
import type { TaskResult } from './results.ts';

export interface VerifyReport {
  lab: string;
  /** Empty when the lab is sound; otherwise one sentence per problem. */
  problems: string[];
  /** Per task: after how many solution lines its check first passed (undefined: never). */
  firstPass: Record<string, number | undefined>;
  /** The final graded results of the solution. */
  results: TaskResult[];
}

/** Verifies one lab. Never throws for a broken lab: problems are reported in the result. */
export async function verifyLab(bundle: LabBundle, createWorld?: WorldFactory): Promise<VerifyReport> {
  let lab: Lab;
  try {
    lab = validateLab(bundle.lab);
  } catch (error) {
    const reason = isGradingError(error) || error instanceof Error ? error.message : String(error);
    const id = (bundle.lab as { id?: unknown } | null)?.id;
    return { lab: typeof id === 'string' ? id : '', problems: [reason], firstPass: {}, results: [] };
  }
  const problems: string[] = [];
  const firstPass: Record<string, number | undefined> = Object.fromEntries(lab.tasks.map((t) => [t.id, undefined]));
  let results: TaskResult[] = [];
  try {
    const start = await prepareWorld({ ...bundle, lab }, lab.seed, {}, createWorld);
    const ctx0 = { world: start, home: lab.home };
    for (const task of lab.tasks) {
      const r = runCheck(task, ctx0);
      if (r.pass) problems.push(`task "${task.id}" already passes in the starting state: ${r.message}`);
    }

    const world = await prepareWorld({ ...bundle, lab }, lab.seed, {}, createWorld);
    const ctx = { world, home: lab.home };
    const solutionLines = bundle.solution.split('\n');
    const observe = (commands: number) => {
      for (const task of lab.tasks) {
        if (firstPass[task.id] !== undefined || !runCheck(task, ctx).pass) continue;
        firstPass[task.id] = commands;
        for (const need of task.needs) {
          if (firstPass[need] === undefined) {
            const when = commands === 0 ? 'in the starting state' : `after solution line ${commands}: ${JSON.stringify(solutionLines[commands - 1] ?? '')}`;
            problems.push(`task "${task.id}" passes before the task it needs, "${need}" (${when})`);
          }
        }
      }
    };
    let graded = false;
    await replayText(world, bundle.solution, DEFAULT_REPLAY_LIMITS, {
      onPrompt: observe,
      onEnd: () => {
        results = evaluateTasks(lab, ctx);
        graded = true;
      },
    });
    if (!graded) results = evaluateTasks(lab, ctx);
    for (const r of results) {
      if (r.status !== 'pass') problems.push(`the reference solution does not pass task "${r.id}": ${r.message}`);
    }
  } catch (error) {
    const reason = isGradingError(error) || error instanceof Error ? error.message : String(error);
    problems.push(`the lab could not be run: ${reason}`);
  }
  return { lab: lab.id, problems, firstPass, results };
}
