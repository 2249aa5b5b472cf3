/**
 * Reads submissions from disk for `petlab grade`: a submission JSON file, or a commands file
 * (`--commands file.sh`) with an optional folder of edited files (`--files dir`). Everything is
 * size-checked before it is read, then validated by the submission schema.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GradingError } from '../grading/errors.ts';
import { parseSubmission, SUBMISSION_LIMITS, validateSubmission, type Submission } from '../grading/submission.ts';
import { decodeUtf8 } from '../grading/utf8.ts';

function readBounded(path: string, what: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) throw new GradingError('INVALID_SUBMISSION', `${what} ${path} is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof GradingError) throw error;
    throw new GradingError('INVALID_SUBMISSION', `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (size > maxBytes) throw new GradingError('SUBMISSION_TOO_LARGE', `${what} ${path} is ${size} bytes; the grader accepts at most ${maxBytes} bytes.`);
  return readFileSync(path);
}

function text(bytes: Uint8Array, what: string): string {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new GradingError('INVALID_SUBMISSION', `${what} is not valid UTF-8 text (bad byte at offset ${decoded.offset})`);
  return decoded.text;
}

/** Reads and validates a submission JSON file. */
export function readSubmissionFile(path: string): Submission {
  return parseSubmission(readBounded(path, 'the submission', SUBMISSION_LIMITS.maxBytes), path);
}

/** Builds a submission for `lab` from a commands file and an optional folder of files. */
export function readCommandsSubmission(lab: string, commandsPath: string, filesDir?: string, seed?: number): Submission {
  const commands = text(readBounded(commandsPath, 'the commands file', SUBMISSION_LIMITS.maxBytes), commandsPath);
  const files: Record<string, string> = {};
  if (filesDir !== undefined) {
    let total = 0;
    const walk = (dir: string) => {
      let entries: string[];
      try {
        entries = readdirSync(dir).sort();
      } catch (error) {
        throw new GradingError('INVALID_SUBMISSION', `cannot read the files folder ${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
      }
      for (const name of entries) {
        const path = join(dir, name);
        const stat = lstatSync(path);
        if (stat.isSymbolicLink()) continue;
        if (stat.isDirectory()) walk(path);
        else if (stat.isFile()) {
          if (Object.keys(files).length >= SUBMISSION_LIMITS.maxFiles) {
            throw new GradingError('SUBMISSION_TOO_LARGE', `the files folder ${filesDir} holds more than ${SUBMISSION_LIMITS.maxFiles} files`);
          }
          const rel = relative(filesDir, path).split('\\').join('/');
          files[rel] = text(readBounded(path, 'the file', SUBMISSION_LIMITS.maxFileLength), path);
          total += stat.size;
          if (total > SUBMISSION_LIMITS.maxBytes) {
            throw new GradingError('SUBMISSION_TOO_LARGE', `the files in ${filesDir} add up to more than ${SUBMISSION_LIMITS.maxBytes} bytes`);
          }
        }
      }
    };
    walk(filesDir);
  }
  return validateSubmission({ version: 1, lab, ...(seed === undefined ? {} : { seed }), commands, files }, commandsPath);
}
