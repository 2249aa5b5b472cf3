/**
 * Typed errors of the grader. Each has a stable `code` so the CLI (exit status 2 and a clear
 * message, never a stack trace) and the lab panel can tell them apart after crossing a boundary.
 */

/** Why grading could not start or had to stop. */
export type GradingErrorCode =
  /** A lab definition failed its schema (an author's mistake, found at import or by `labs verify`). */
  | 'INVALID_LAB'
  /** `petlab grade` was asked for a lab id that is not in `labs/index.ts`. */
  | 'UNKNOWN_LAB'
  /** The submission is not valid JSON, not UTF-8, too deep, or fails the submission schema. */
  | 'INVALID_SUBMISSION'
  /** The submission (or one of its files) is larger than the grader accepts. */
  | 'SUBMISSION_TOO_LARGE'
  /** Replaying the submission went past a bound: commands, virtual time, output or world size. */
  | 'LIMIT_EXCEEDED';

/** An error the grader reports to a person: `message` is complete and needs no stack trace. */
export class GradingError extends Error {
  readonly code: GradingErrorCode;

  constructor(code: GradingErrorCode, message: string) {
    super(message);
    this.name = 'GradingError';
    this.code = code;
  }
}

/** True for a GradingError, also one from another copy of this module (CLI vs worker). */
export function isGradingError(error: unknown): error is GradingError {
  return error instanceof GradingError || (error instanceof Error && error.name === 'GradingError' && 'code' in error);
}
