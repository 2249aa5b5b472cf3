/**
 * `petlab grade <lab-id>`: grades a submission in a fresh deterministic world and prints a report.
 *
 *   petlab grade <lab-id> --submission file.json            [--format text|json|junit] [--output file]
 *   petlab grade <lab-id> --commands file.sh [--files dir]  [--seed N] [...]
 *   petlab grade <lab-id> --dir submissions/                [--output dir] [--format ...]
 *
 * Exit status: 0 every task passed (every student, with --dir); 1 some task failed; 2 invalid
 * input (unknown lab, unreadable, malformed or oversized submission, a replay bound, an output
 * that cannot be written — checked before grading) — with a one-paragraph message, never a
 * stack trace.
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { GradingError, isGradingError } from '../grading/errors.ts';
import type { LabBundle } from '../grading/bundle.ts';
import { gradeClass, listClassDir, makeFolder, writeClassReports } from './class-grading.ts';
import { findLab } from './lab-catalogue.ts';
import { formatReport, isReportFormat, REPORT_FORMATS, type ReportFormat } from './report-format.ts';
import { GradingPool } from './sandbox.ts';
import { readCommandsSubmission, readSubmissionFile } from './submission-files.ts';

export const GRADE_USAGE = `Usage: petlab grade <lab-id> --submission FILE.json [options]
       petlab grade <lab-id> --commands FILE.sh [--files DIR] [options]
       petlab grade <lab-id> --dir SUBMISSIONS/ [--output DIR] [options]

Replays a submission into a fresh emulated world and runs the lab's checks.

Options:
  --submission FILE  a submission JSON file (what the lab page's "Download submission" saves)
  --commands FILE    shell commands, one per line (here-documents allowed)
  --files DIR        edited files to place in the learner's home (with --commands)
  --dir DIR          grade a class: one *.json file or folder per student
  --seed N           the world's seed for one submission (default: its own, else the lab's)
  --format FORMAT    text (default), json (results.json) or junit (JUnit XML)
  --output PATH      write the report to PATH (with --dir: a folder, default ./petlab-results)
  --timeout SECONDS  real time one submission may take (default 60)
  --jobs N           with --dir: submissions graded in parallel (default: CPU count, at most 4)

Exit status: 0 all tasks passed, 1 some failed, 2 invalid input.
`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        submission: { type: 'string' },
        commands: { type: 'string' },
        files: { type: 'string' },
        dir: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        timeout: { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new GradingError('INVALID_SUBMISSION', `${(error as Error).message.replace(/\. To specify a positional.*$/s, '')}\n\n${GRADE_USAGE}`);
  }
}

/** Runs `petlab grade`; resolves to the exit status. */
export async function run(args: string[]): Promise<number> {
  try {
    return await grade(args);
  } catch (error) {
    if (isGradingError(error)) {
      process.stderr.write(`petlab grade: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`petlab grade: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function grade(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    process.stdout.write(GRADE_USAGE);
    return 0;
  }
  const usage = (message: string) => new GradingError('INVALID_SUBMISSION', `${message}\n\n${GRADE_USAGE}`);
  if (positionals.length !== 1) throw usage(positionals.length === 0 ? 'missing the lab id' : `one lab id expected, got ${positionals.length}`);
  const format = values.format ?? 'text';
  if (!isReportFormat(format)) throw usage(`unknown format '${format}' (choose ${REPORT_FORMATS.join(', ')})`);
  const sources = [values.submission, values.commands, values.dir].filter((v) => v !== undefined);
  if (sources.length !== 1) throw usage('give exactly one of --submission, --commands or --dir');
  if (values.files !== undefined && values.commands === undefined) throw usage('--files goes with --commands');
  if (values.seed !== undefined && values.dir !== undefined) throw usage('--seed grades one submission; with --dir each submission keeps its own seed');
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d{1,10}$/.test(values.seed) || Number(values.seed) > 0xffffffff) throw usage(`--seed wants a whole number from 0 to 4294967295, got '${values.seed}'`);
    seed = Number(values.seed);
  }
  let timeoutMs = 60_000;
  if (values.timeout !== undefined) {
    if (!/^\d{1,5}$/.test(values.timeout) || Number(values.timeout) < 1) throw usage(`--timeout wants a whole number of seconds from 1, got '${values.timeout}'`);
    timeoutMs = Number(values.timeout) * 1000;
  }
  let jobs = Math.min(4, availableParallelism());
  if (values.jobs !== undefined) {
    if (!/^\d{1,2}$/.test(values.jobs) || Number(values.jobs) < 1) throw usage(`--jobs wants a whole number from 1 to 99, got '${values.jobs}'`);
    jobs = Number(values.jobs);
  }
  const bundle = findLab(positionals[0]);

  const pool = new GradingPool(values.dir !== undefined ? jobs : 1, { timeoutMs });
  try {
    return await gradeWith(pool, bundle, values, format, seed);
  } finally {
    await pool.close();
  }
}

/** A file system error as words: "no such folder", "permission denied", or the error's message. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such folder';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Fails before any grading when the reports could not be written. @throws GradingError */
function checkOutput(output: string, isDir: boolean): void {
  try {
    if (isDir) makeFolder(output);
    else if (!statSync(dirname(output)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new GradingError('INVALID_SUBMISSION', `cannot write ${isDir ? 'the reports into' : 'the report to'} ${output}: ${reason(error)}`);
  }
}

async function gradeWith(
  sandbox: GradingPool,
  bundle: LabBundle,
  values: { submission?: string; commands?: string; files?: string; dir?: string; output?: string },
  format: ReportFormat,
  seed: number | undefined,
): Promise<number> {
  if (values.dir !== undefined) {
    const entries = listClassDir(values.dir, bundle.lab.id);
    const outDir = values.output ?? 'petlab-results';
    checkOutput(outDir, true);
    const rows = await gradeClass(bundle, entries, (b, s) => sandbox.grade(b.lab.id, s), sandbox.size);
    try {
      writeClassReports(outDir, bundle, rows, format);
    } catch (error) {
      throw new GradingError('INVALID_SUBMISSION', `cannot write the reports into ${outDir}: ${reason(error)}`);
    }
    const passed = rows.filter((r) => r.result.status === 'pass').length;
    process.stdout.write(`Graded ${rows.length} submission${rows.length === 1 ? '' : 's'} of ${bundle.lab.id}: ${passed} passed every task. Reports in ${outDir}/ (summary.csv, summary.md).\n`);
    return rows.length > 0 && passed === rows.length ? 0 : 1;
  }

  const read = values.submission !== undefined ? readSubmissionFile(values.submission) : readCommandsSubmission(bundle.lab.id, values.commands!, values.files);
  const submission = seed === undefined ? read : { ...read, seed };
  if (values.output !== undefined) checkOutput(values.output, false);
  const { result } = await sandbox.grade(bundle.lab.id, submission);
  const report = formatReport(result, format);
  if (values.output !== undefined) {
    try {
      writeFileSync(values.output, report);
    } catch (error) {
      throw new GradingError('INVALID_SUBMISSION', `cannot write the report to ${values.output}: ${reason(error)}`);
    }
  } else process.stdout.write(report);
  return result.status === 'pass' ? 0 : 1;
}
