/**
 * Command-line flags the way kubectl (cobra + pflag) reads them: flags anywhere among the
 * arguments, `--name=value`, `--name value`, `-n value`, `-nvalue`, grouped short booleans
 * (`-it`), `--` ending flags, repeatable flags. Errors carry pflag's wording.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  readonly type: FlagType;
  readonly short?: string;
  /** Default for bools is false, others undefined. */
  readonly default?: string | boolean | number;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedFlags {
  /** Positional arguments (before `--`). */
  readonly args: string[];
  /** Arguments after `--` (cobra's ArgsLenAtDash), or undefined if there was no `--`. */
  readonly afterDash?: string[];
  readonly values: Map<string, string | boolean | number | string[]>;
  /** Flags the user gave explicitly. */
  readonly given: Set<string>;
}

/** A flag error; `message` is pflag's (printed as `error: <message>` plus a usage hint). */
export class FlagError extends Error {
  readonly code = 'FLAG';
}

/** Flags every kubectl command accepts (kubectl's persistent flags). */
export const GLOBAL_FLAGS: FlagSpecs = {
  namespace: { type: 'string', short: 'n' },
  context: { type: 'string' },
  cluster: { type: 'string' },
  user: { type: 'string' },
  kubeconfig: { type: 'string' },
  v: { type: 'int', short: 'v' },
  'request-timeout': { type: 'string' },
  server: { type: 'string', short: 's' },
  'insecure-skip-tls-verify': { type: 'bool' },
  as: { type: 'string' },
  'warnings-as-errors': { type: 'bool' },
  'match-server-version': { type: 'bool' },
  help: { type: 'bool', short: 'h' },
};

/** Parses `argv` against `specs` (plus the global flags). Throws FlagError. */
export function parseFlags(argv: readonly string[], specs: FlagSpecs): ParsedFlags {
  const all: Record<string, FlagSpec> = { ...GLOBAL_FLAGS, ...specs };
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(all)) if (spec.short) byShort.set(spec.short, name);
  const values = new Map<string, string | boolean | number | string[]>();
  const given = new Set<string>();
  const args: string[] = [];
  let afterDash: string[] | undefined;

  const set = (name: string, raw: string | true, flagText: string): void => {
    const spec = all[name];
    given.add(name);
    switch (spec.type) {
      case 'bool': {
        if (raw === true) values.set(name, true);
        else if (/^(1|t|T|TRUE|true|True)$/.test(raw)) values.set(name, true);
        else if (/^(0|f|F|FALSE|false|False)$/.test(raw)) values.set(name, false);
        else throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        return;
      }
      case 'int': {
        const text = String(raw);
        if (!/^[-+]?\d+$/.test(text)) {
          throw new FlagError(`invalid argument "${text}" for "${flagText}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
        }
        values.set(name, Number(text));
        return;
      }
      case 'strings': {
        const prev = (values.get(name) as string[] | undefined) ?? [];
        values.set(name, [...prev, String(raw)]);
        return;
      }
      default:
        values.set(name, String(raw));
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (afterDash) {
      afterDash.push(a);
      continue;
    }
    if (a === '--') {
      afterDash = [];
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = all[name];
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      const text = `--${name}`;
      if (eq >= 0) set(name, a.slice(eq + 1), text);
      else if (spec.type === 'bool') set(name, true, text);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: ${text}`);
        set(name, argv[++i], text);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const name = byShort.get(c);
        if (!name) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const spec = all[name];
        const text = `-${c}, --${name}`;
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(name, a.slice(j + 2), text);
            break;
          }
          set(name, true, text);
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest !== '') set(name, rest, text);
        else {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          set(name, argv[++i], text);
        }
        break;
      }
      continue;
    }
    args.push(a);
  }
  for (const [name, spec] of Object.entries(all)) {
    if (!values.has(name)) {
      if (spec.default !== undefined) values.set(name, spec.default);
      else if (spec.type === 'bool') values.set(name, false);
    }
  }
  return { args, afterDash, values, given };
}

/** Typed access to parsed flags. */
export class Flags {
  readonly parsed: ParsedFlags;
  constructor(parsed: ParsedFlags) {
    this.parsed = parsed;
  }
  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }
  str(name: string): string | undefined {
    const v = this.parsed.values.get(name);
    return v === undefined ? undefined : String(v);
  }
  int(name: string): number | undefined {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : undefined;
  }
  /** A repeatable flag's values, each also split at commas when `split`. */
  list(name: string, split = false): string[] {
    const v = this.parsed.values.get(name);
    const items = Array.isArray(v) ? v : v === undefined ? [] : [String(v)];
    return split ? items.flatMap((x) => x.split(',')).filter((x) => x !== '') : items;
  }
  has(name: string): boolean {
    return this.parsed.given.has(name);
  }
  get args(): string[] {
    return this.parsed.args;
  }
  get afterDash(): string[] | undefined {
    return this.parsed.afterDash;
  }
}
