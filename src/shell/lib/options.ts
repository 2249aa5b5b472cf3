/**
 * GNU-style option parsing for the coreutils: clustered short flags (`-la`), short options with
 * arguments (`-n 5`, `-n5`), long options (`--lines=5`, `--lines 5`), `--` and operands in any
 * order. Errors come back in getopt's words, ready to print with the command's name.
 */

export interface OptionSpec {
  /** Short flags without argument, e.g. 'alr1'. */
  flags?: string;
  /** Short options that take an argument, e.g. 'nk'. */
  withArg?: string;
  /** Long options: name → short letter or key, and whether it takes an argument. */
  long?: Record<string, { key: string; arg?: boolean }>;
  /** Stop at the first operand (xargs, env, watch, sh -c). @default false */
  stopAtOperand?: boolean;
  /** Treat a lone number `-5` as `-n 5` (head, tail). */
  numberOption?: string;
}

export interface ParsedOptions {
  /** Flags and options: the last value wins; `list` keeps every value in order. */
  opts: Map<string, string | true>;
  list: [string, string | true][];
  operands: string[];
}

export type ParseOutcome = { ok: true; value: ParsedOptions } | { ok: false; error: string };

/** Parses `args` per `spec`. On error, `error` is e.g. "invalid option -- 'z'". */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParseOutcome {
  const opts = new Map<string, string | true>();
  const list: [string, string | true][] = [];
  const operands: string[] = [];
  const set = (k: string, v: string | true) => {
    opts.set(k, v);
    list.push([k, v]);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const candidates = Object.keys(spec.long ?? {}).filter((l) => l.startsWith(name));
      const exact = candidates.find((l) => l === name);
      const match = exact ?? (candidates.length === 1 ? candidates[0] : undefined);
      if (!match) {
        if (candidates.length > 1) return { ok: false, error: `option '${a}' is ambiguous` };
        return { ok: false, error: `unrecognized option '${a}'` };
      }
      const def = (spec.long ?? {})[match];
      if (def.arg) {
        if (eq >= 0) set(def.key, a.slice(eq + 1));
        else if (i + 1 < args.length) set(def.key, args[++i]);
        else return { ok: false, error: `option '--${match}' requires an argument` };
      } else {
        if (eq >= 0) return { ok: false, error: `option '--${match}' doesn't allow an argument` };
        set(def.key, true);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numberOption && /^-[0-9]+$/.test(a)) {
        set(spec.numberOption, a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (spec.withArg?.includes(c)) {
          const rest = a.slice(j + 1);
          if (rest) set(c, rest);
          else if (i + 1 < args.length) set(c, args[++i]);
          else return { ok: false, error: `option requires an argument -- '${c}'` };
          break;
        }
        if (spec.flags?.includes(c)) set(c, true);
        else return { ok: false, error: `invalid option -- '${c}'` };
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, value: { opts, list, operands } };
}

/** Prints a getopt error the GNU way and returns `status`. */
export function usageError(stderr: { write(t: string): void }, name: string, error: string, status = 1): number {
  stderr.write(`${name}: ${error}\nTry '${name} --help' for more information.\n`);
  return status;
}
