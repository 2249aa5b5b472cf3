/**
 * The submission format: what the lab page's "Download submission" writes and what
 * `petlab grade --submission` reads. A submission is data — command lines and file contents —
 * replayed only through the emulated shell, never against the real machine.
 *
 * ```json
 * { "version": 1, "lab": "pid-namespaces", "seed": 1,
 *   "commands": ["unshare --pid --fork --mount-proc bash", "..."],
 *   "files": { "notes.txt": "..." } }
 * ```
 * `commands` may also be one history text (here-documents allowed). `files` paths are relative
 * to the learner's home or absolute in the emulated file system.
 */
import { z } from 'zod';
import { formatIssues, type FixHint } from './error-map.ts';
import { GradingError } from './errors.ts';
import { decodeUtf8 } from './utf8.ts';

/** Bounds on what a submission may contain; past them the grader refuses with a clear error. */
export const SUBMISSION_LIMITS = {
  /** Bytes of the whole JSON document. */
  maxBytes: 1024 * 1024,
  /** Nesting depth of JSON arrays/objects (the format itself needs 2). */
  maxDepth: 8,
  /** Command lines (array entries; the replay bounds the lines of a history text the same way). */
  maxCommands: 2000,
  /** Characters of one command entry. */
  maxCommandLength: 64 * 1024,
  /** Number of files. */
  maxFiles: 200,
  /** Characters of one file. */
  maxFileLength: 256 * 1024,
} as const;

const L = SUBMISSION_LIMITS;

/** The zod schema of a submission (strict: unknown fields are an error). */
export const submissionSchema = z.strictObject({
  /** Format version; only 1 exists. */
  version: z.literal(1),
  /** The lab id, e.g. "statefulset-identity". */
  lab: z.string().min(1).max(100),
  /** The world's seed; the lab's default when absent. */
  seed: z
    .number()
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff, 'expected a whole number from 0 to 4294967295')
    .optional(),
  /** Command lines in the order typed, or one history text. */
  commands: z.union([
    z.array(z.string().max(L.maxCommandLength)).max(L.maxCommands),
    // A history text may use the whole document: here-documents (file bodies) take many lines.
    z.string().max(L.maxBytes),
  ]),
  /** Edited files: path → content. @default {} */
  files: z
    .record(z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path must not contain NUL'), z.string().max(L.maxFileLength))
    .default({})
    .refine((files) => Object.keys(files).length <= L.maxFiles, `at most ${L.maxFiles} files`),
});

/** A validated submission. */
export type Submission = z.output<typeof submissionSchema>;
/** What may be written (files may be left out). */
export type SubmissionInput = z.input<typeof submissionSchema>;

const fixSubmission: FixHint = (path, issue) => {
  if (issue.code === 'unrecognized_keys') return 'remove it; a submission has only version, lab, seed, commands and files.';
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) return 'shorten it: this is past what the grader accepts.';
  if (path === 'version') return 'set "version": 1.';
  if (path.startsWith('commands')) return 'give "commands" as a list of command lines, or as one text with a command per line.';
  if (path.startsWith('files')) return 'give "files" as an object mapping a path to the file\'s text.';
  return undefined;
};

/** Parses a submission from raw bytes or text. @throws GradingError INVALID_SUBMISSION or SUBMISSION_TOO_LARGE. */
export function parseSubmission(input: Uint8Array | string, source = 'the submission'): Submission {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > L.maxBytes) throw tooLarge(source, input.length);
    text = input;
  } else {
    if (input.length > L.maxBytes) throw tooLarge(source, input.length);
    const decoded = decodeUtf8(input);
    if (!decoded.ok) {
      throw new GradingError('INVALID_SUBMISSION', `${source} is not valid UTF-8 text (bad byte at offset ${decoded.offset}); save it as UTF-8 JSON.`);
    }
    text = decoded.text;
  }
  const depth = nestingDepth(text);
  if (depth > L.maxDepth) {
    throw new GradingError('INVALID_SUBMISSION', `${source} is nested ${depth} levels deep; a submission needs at most ${L.maxDepth}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GradingError('INVALID_SUBMISSION', `${source} is not valid JSON: ${reason}`);
  }
  return validateSubmission(data, source);
}

/** Validates already-parsed data. @throws GradingError INVALID_SUBMISSION listing every problem. */
export function validateSubmission(data: unknown, source = 'the submission'): Submission {
  const result = submissionSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  throw new GradingError('INVALID_SUBMISSION', formatIssues(`Invalid submission in ${source}:`, result.error.issues, fixSubmission));
}

/**
 * The command lines of a submission as one script text for the shell's script runner. Windows
 * line ends (CRLF) become LF, so a commands file saved on Windows replays as typed.
 */
export function submissionScript(submission: Submission): string {
  const raw = typeof submission.commands === 'string' ? submission.commands : submission.commands.join('\n');
  const text = raw.replace(/\r\n/g, '\n');
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

function tooLarge(source: string, size: number): GradingError {
  return new GradingError('SUBMISSION_TOO_LARGE', `${source} is ${size} bytes; the grader accepts at most ${L.maxBytes} bytes.`);
}

/** The deepest nesting of [ and { outside strings (an upper bound, cheap, no recursion). */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
