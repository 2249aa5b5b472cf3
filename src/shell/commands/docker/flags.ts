/**
 * A pflag-style parser for docker's flags: `--name x`, `--name=x`, `-d`, `-it` (bundled
 * shorthands), `-p8080:80`, repeatable list flags, `--` end of flags, and (for `run`/`exec`)
 * non-interspersed parsing that stops at the first positional. Errors carry pflag's wording:
 * `unknown flag: --foo`, `unknown shorthand flag: 'z' in -z`, `flag needs an argument: --name`,
 * `flag needs an argument: 'n' in -n`, `invalid argument "x" for "-t, --time" flag: …`.
 */
export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  readonly kind: 'bool' | 'string' | 'list' | 'int';
}

export interface ParsedFlags {
  readonly bools: Set<string>;
  readonly strings: Map<string, string>;
  readonly lists: Map<string, string[]>;
  readonly positionals: string[];
  readonly help: boolean;
}

export class FlagError extends Error {}

/** Parses `args` against `specs`. `--help`/`-h` is always known (unless `-h` is a spec). */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[], interspersed = true): ParsedFlags {
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const out: ParsedFlags = { bools: new Set(), strings: new Map(), lists: new Map(), positionals: [], help: false };
  const set = (spec: FlagSpec, value: string | undefined, shown: string) => {
    if (spec.kind === 'bool') {
      if (value === undefined || value === 'true') out.bools.add(spec.long);
      else if (value === 'false') out.bools.delete(spec.long);
      else throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
      return;
    }
    if (value === undefined) throw new FlagError(`flag needs an argument: ${shown}`);
    if (spec.kind === 'int' && !/^-?\d+$/.test(value)) {
      const name = spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
      throw new FlagError(`invalid argument "${value}" for "${name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
    }
    if (spec.kind === 'list') out.lists.set(spec.long, [...(out.lists.get(spec.long) ?? []), value]);
    else out.strings.set(spec.long, value);
  };
  let i = 0;
  while (i < args.length) {
    const a = args[i];
    if (a === '--') {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) {
        if (name === 'help') {
          out.positionals.length = 0;
          return { ...out, help: true };
        }
        throw new FlagError(`unknown flag: --${name}`);
      }
      let value = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (value === undefined && spec.kind !== 'bool') {
        if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: --${name}`);
        value = args[++i];
      }
      set(spec, value, `--${name}`);
      i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const ch = a[j];
        const spec = byShort.get(ch);
        if (!spec) {
          if (ch === 'h') return { ...out, help: true };
          throw new FlagError(`unknown shorthand flag: '${ch}' in ${a}`);
        }
        if (spec.kind === 'bool') {
          set(spec, undefined, `-${ch}`);
          j++;
          continue;
        }
        let value: string | undefined = a.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        if (value === '') {
          if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: '${ch}' in -${ch}`);
          value = args[++i];
        }
        set(spec, value, `-${ch}`);
        break;
      }
      i++;
      continue;
    }
    if (!interspersed) {
      out.positionals.push(...args.slice(i));
      break;
    }
    out.positionals.push(a);
    i++;
  }
  return out;
}
