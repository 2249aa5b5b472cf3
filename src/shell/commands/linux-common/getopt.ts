/**
 * glibc getopt_long for the util-linux, procps and iputils tools: short option strings such as
 * `"+ahVt:m::"` (`:` required argument, `::` optional, leading `+` stops at the first operand)
 * and long options with no/required/optional arguments. Errors use glibc's exact wording, so a
 * tool prints `unshare: unrecognized option '--foo'`.
 */

export interface LongOption {
  name: string;
  /** 0 no argument, 1 required, 2 optional (only as `--name=value`). */
  has: 0 | 1 | 2;
  /** The key reported, usually the short letter. */
  key: string;
}

export interface GetoptResult {
  /** Options in order, with their argument (undefined when none). */
  options: [string, string | undefined][];
  operands: string[];
}

export type GetoptOutcome = { ok: true; value: GetoptResult } | { ok: false; error: string };

/** Parses `args` like getopt_long(argc, argv, short, long). */
export function getopt(args: readonly string[], short: string, long: readonly LongOption[] = []): GetoptOutcome {
  const stopAtOperand = short.startsWith('+');
  const spec = new Map<string, 0 | 1 | 2>();
  const s = stopAtOperand ? short.slice(1) : short;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (s[i + 1] === ':' && s[i + 2] === ':') {
      spec.set(c, 2);
      i += 2;
    } else if (s[i + 1] === ':') {
      spec.set(c, 1);
      i += 1;
    } else spec.set(c, 0);
  }
  const options: [string, string | undefined][] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const exact = long.find((l) => l.name === name);
      const candidates = long.filter((l) => l.name.startsWith(name));
      const distinct = [...new Set(candidates.map((l) => `${l.key}/${l.has}`))];
      const match = exact ?? (distinct.length === 1 ? candidates[0] : undefined);
      if (!match) {
        if (candidates.length > 1) return { ok: false, error: `option '${a.slice(0, eq >= 0 ? eq : undefined)}' is ambiguous; possibilities:${candidates.map((l) => ` '--${l.name}'`).join('')}` };
        return { ok: false, error: `unrecognized option '${a}'` };
      }
      if (match.has === 0) {
        if (eq >= 0) return { ok: false, error: `option '--${match.name}' doesn't allow an argument` };
        options.push([match.key, undefined]);
      } else if (match.has === 1) {
        if (eq >= 0) options.push([match.key, a.slice(eq + 1)]);
        else if (i + 1 < args.length) options.push([match.key, args[++i]]);
        else return { ok: false, error: `option '--${match.name}' requires an argument` };
      } else options.push([match.key, eq >= 0 ? a.slice(eq + 1) : undefined]);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const has = spec.get(c);
        if (has === undefined || c === ':') return { ok: false, error: `invalid option -- '${c}'` };
        if (has === 0) {
          options.push([c, undefined]);
          continue;
        }
        const rest = a.slice(j + 1);
        if (has === 2) options.push([c, rest === '' ? undefined : rest]);
        else if (rest !== '') options.push([c, rest]);
        else if (i + 1 < args.length) options.push([c, args[++i]]);
        else return { ok: false, error: `option requires an argument -- '${c}'` };
        break;
      }
      continue;
    }
    operands.push(a);
    if (stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, value: { options, operands } };
}
