/**
 * `petlab grade <lab> --dir submissions/`: grades a class. Each `*.json` file in the folder is one
 * student's submission; each sub-folder is one student too, holding `submission.json` or
 * `commands.sh` (plus an optional `files/` folder). A submission that cannot be read or graded
 * gets an `error` row with the reason; the others are graded as usual.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { LabBundle } from '../grading/bundle.ts';
import { GradingError, isGradingError } from '../grading/errors.ts';
import { errorResult, gradeSubmission, type GradeReport } from '../grading/grade.ts';
import { formatClassCsv, formatClassMarkdown, type StudentResult } from '../grading/reporters/class-summary.ts';
import { formatJunit } from '../grading/reporters/junit.ts';
import type { Submission } from '../grading/submission.ts';
import { formatReport, reportExtension, type ReportFormat } from './report-format.ts';
import { readCommandsSubmission, readSubmissionFile } from './submission-files.ts';

/** One student's submission, read on demand so a broken one fails alone. */
export interface ClassEntry {
  student: string;
  load(): Submission;
}

/**
 * `mkdir -p`, one level at a time. Node's `mkdirSync(path, { recursive: true })` loops forever
 * when mkdir says ENOENT although the parent exists (`/proc/x`); this throws that error instead.
 * @throws the file system's error (ENOENT, ENOTDIR, EACCES, …) for the level that failed.
 */
export function makeFolder(path: string): void {
  const full = resolve(path);
  const parent = dirname(full);
  let exists: boolean;
  try {
    exists = statSync(full).isDirectory() || notAFolder(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    exists = false;
  }
  if (exists) return;
  if (parent !== full) makeFolder(parent);
  try {
    mkdirSync(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!statSync(full).isDirectory()) notAFolder(full);
  }
}

function notAFolder(path: string): never {
  throw Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR' });
}

/** An entry that cannot be graded: its row says why. */
function refused(student: string, message: string): ClassEntry {
  return {
    student,
    load: () => {
      throw new GradingError('INVALID_SUBMISSION', message);
    },
  };
}

/**
 * The students in `dir`, sorted by name. Links are not followed (a submission is data the
 * grader reads from the class folder only): a linked `*.json` file or folder, or a `*.json` that
 * is no regular file, becomes an error row naming it; other files (a README) are skipped.
 * @throws GradingError INVALID_SUBMISSION when `dir` is no folder.
 */
export function listClassDir(dir: string, labId: string): ClassEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new GradingError('INVALID_SUBMISSION', `cannot read the submissions folder ${dir}`);
  }
  const entries: ClassEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const student = name.endsWith('.json') ? basename(name, '.json') : name;
    let stat: Stats;
    try {
      stat = lstatSync(path);
    } catch (error) {
      entries.push(refused(student, `cannot read ${path}: ${(error as Error).message}`));
      continue;
    }
    if (stat.isSymbolicLink()) {
      entries.push(refused(student, `${path} is a symbolic link; the grader reads only regular files and folders in the class folder`));
    } else if (stat.isFile() && name.endsWith('.json')) {
      entries.push({ student, load: () => readSubmissionFile(path) });
    } else if (stat.isDirectory()) {
      entries.push({
        student: name,
        load: () => {
          if (existsSync(join(path, 'submission.json'))) return readSubmissionFile(join(path, 'submission.json'));
          if (existsSync(join(path, 'commands.sh'))) {
            const files = join(path, 'files');
            return readCommandsSubmission(labId, join(path, 'commands.sh'), existsSync(files) ? files : undefined);
          }
          throw new GradingError('INVALID_SUBMISSION', `${path} holds neither submission.json nor commands.sh`);
        },
      });
    } else if (name.endsWith('.json')) {
      entries.push(refused(student, `${path} is not a regular file`));
    }
  }
  return entries;
}

export interface GradedStudent extends StudentResult {
  transcript: string;
}

/** Grades one submission; the CLI passes a `GradingSandbox`, tests may grade in-process. */
export type Grader = (bundle: LabBundle, submission: Submission) => Promise<GradeReport>;

/** Grades in this thread, without the sandbox's real-time and memory bounds. */
export const gradeInProcess: Grader = (bundle, submission) => gradeSubmission(bundle, submission);

/**
 * Grades every entry, up to `concurrency` at a time; rows come back in the entries' order
 * whatever the concurrency. Errors become `error` rows.
 */
export async function gradeClass(bundle: LabBundle, entries: readonly ClassEntry[], grade: Grader = gradeInProcess, concurrency = 1): Promise<GradedStudent[]> {
  const rows: GradedStudent[] = new Array(entries.length);
  const info = { id: bundle.lab.id, title: bundle.lab.title };
  let next = 0;
  const lane = async () => {
    while (next < entries.length) {
      const i = next++;
      const entry = entries[i];
      try {
        const report = await grade(bundle, entry.load());
        rows[i] = { student: entry.student, result: report.result, transcript: report.transcript };
      } catch (error) {
        const message = isGradingError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
        rows[i] = { student: entry.student, result: errorResult(info, message, bundle.lab.seed), transcript: '' };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, entries.length)) }, lane));
  return rows;
}

/**
 * Writes summary.csv, summary.md (and with junit, summary.xml: one testsuite per student) and one
 * report per student (plus its transcript) into `outDir`.
 */
export function writeClassReports(outDir: string, bundle: LabBundle, rows: readonly GradedStudent[], format: ReportFormat): string[] {
  makeFolder(outDir);
  const order = bundle.lab.tasks.map((t) => t.id);
  const written: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    written.push(name);
  };
  write('summary.csv', formatClassCsv(rows, order));
  write('summary.md', formatClassMarkdown(bundle.lab.title, rows, order));
  if (format === 'junit') write('summary.xml', formatJunit(rows.map((r) => r.result), rows.map((r) => r.student)));
  for (const row of rows) {
    const safe = row.student.replace(/[^A-Za-z0-9._-]/g, '_');
    write(`${safe}.${reportExtension(format)}`, formatReport(row.result, format));
    if (row.transcript) write(`${safe}.transcript.txt`, row.transcript);
  }
  return written;
}
