/**
 * How kubectl reports failures (k8s.io/kubectl `pkg/cmd/util/helpers.go` CheckErr): API
 * status errors as `Error from server (Reason): message`, Invalid errors as
 * `The Kind "name" is invalid: field: detail` (one cause) or a `* `-list (several), other errors
 * as `error: message`; flag errors with `See 'kubectl <verb> --help' for usage.`.
 */
import { ApiError } from '../../../emulator/kube/api/index.ts';

/** Thrown by verbs to stop with a message already formatted for stderr and an exit status. */
export class KubectlExit extends Error {
  readonly status: number;
  readonly stderr: string;
  constructor(stderr: string, status = 1) {
    super(stderr);
    this.stderr = stderr;
    this.status = status;
  }
}

/** `error: <message>` exit 1. */
export function fail(message: string): KubectlExit {
  return new KubectlExit(`error: ${message}\n`);
}

/** cmdutil.UsageErrorf: the message plus `See 'kubectl <verb> -h' for help and examples`. */
export function usageError(verb: string, message: string): KubectlExit {
  return new KubectlExit(`error: ${message}\nSee 'kubectl ${verb} -h' for help and examples\n`);
}

/** An unknown or malformed flag (cobra's flag error function in kubectl). */
export function flagError(verb: string, message: string): KubectlExit {
  return new KubectlExit(`error: ${message}\nSee 'kubectl ${verb} --help' for usage.\n`);
}

/** The text kubectl's CheckErr prints for `err` (always ends in a newline). */
export function errorText(err: unknown): string {
  if (err instanceof KubectlExit) return err.stderr;
  if (err instanceof ApiError) {
    if (err.reason === 'Invalid') {
      const d = err.details;
      const prefix = d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid: ` : 'The request is invalid: ';
      const causes = d.causes ?? [];
      if (causes.length === 0) return `${prefix}${err.message}\n`.replace(/: \n$/, '\n');
      const msgs = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
      if (msgs.length === 1) return `${prefix}${msgs[0]}\n`;
      return `${prefix}\n${msgs.map((m) => `* ${m}\n`).join('')}`;
    }
    return `Error from server (${err.reason}): ${err.message}\n`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith('error: ') ? `${message}\n` : `error: ${message}\n`;
}

/**
 * cmdutil.AddSourceToErr: `error when creating "web.yaml": <message>` for API errors (kept as
 * API errors, so Invalid still prints its causes).
 */
export function withSource(verb: string, source: string, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof ApiError) {
    return new ApiError(err.code, err.reason, `error when ${verb} "${source}": ${err.message}`, err.details);
  }
  if (err instanceof Error) return new Error(`error when ${verb} "${source}": ${err.message}`);
  return err;
}
