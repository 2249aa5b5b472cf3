/**
 * `petlab labs`: authoring tools.
 *
 *   petlab labs verify [lab-id…]   every task fails at the start, the reference solution passes
 *                                  every task, and no task passes before its needs (exit 1 if not)
 *   petlab labs sync               regenerate labs/index.ts from the labs/ folder
 *   petlab labs list               the labs with their tasks
 */
import { GradingError, isGradingError } from '../grading/errors.ts';
import { verifyLab } from '../grading/verify.ts';
import { allLabs, findLab } from './lab-catalogue.ts';
import { syncLabIndex } from './lab-sync.ts';

const USAGE = `Usage: petlab labs verify [lab-id...]
       petlab labs sync
       petlab labs list
`;

/** Runs `petlab labs`; resolves to the exit status. */
export async function run(args: string[]): Promise<number> {
  try {
    const [sub, ...rest] = args;
    if (sub === 'verify') return await verify(rest);
    if (sub === 'sync') {
      process.stdout.write(syncLabIndex() ? 'labs/index.ts updated\n' : 'labs/index.ts is up to date\n');
      return 0;
    }
    if (sub === 'list') {
      for (const { lab } of allLabs()) {
        process.stdout.write(`${lab.id} (${lab.environment}): ${lab.title}\n`);
        lab.tasks.forEach((t, i) => process.stdout.write(`  ${i + 1}. ${t.id}: ${t.title}\n`));
      }
      return 0;
    }
    if (sub === '--help' || sub === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    throw new GradingError('INVALID_SUBMISSION', `${sub === undefined ? 'missing a subcommand' : `unknown subcommand '${sub}'`}\n\n${USAGE}`);
  } catch (error) {
    process.stderr.write(`petlab labs: ${isGradingError(error) || error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function verify(ids: string[]): Promise<number> {
  const bundles = ids.length > 0 ? ids.map(findLab) : allLabs();
  let failed = 0;
  for (const bundle of bundles) {
    const report = await verifyLab(bundle);
    if (report.problems.length === 0) {
      process.stdout.write(`ok   ${bundle.lab.id}: ${bundle.lab.tasks.length} tasks fail at the start and pass with solution.sh, needs honoured\n`);
    } else {
      failed++;
      process.stdout.write(`FAIL ${bundle.lab.id}:\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}
