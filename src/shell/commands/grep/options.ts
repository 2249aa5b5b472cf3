/**
 * GNU grep 3.8's command line (src/grep.c: short_options, long_options and the option switch in
 * main), parsed the way glibc's getopt_long does it: options and operands in any order, `--`
 * ends options, long options by unambiguous prefix, `-NUM` digits that run together in one
 * argument form one context length (`-12n` is `-12 -n`; `-1n2` and `-1 -2` are `-2`).
 */

/** Everything grep's options decide. */
export interface GrepConfig {
  matcher: 'G' | 'E' | 'F' | 'P' | undefined;
  /** -e patterns and -f files, in command-line order. */
  patternSources: { kind: 'e' | 'f'; value: string }[];
  ignoreCase: boolean;
  word: boolean;
  line: boolean;
  nullData: boolean;
  noMessages: boolean;
  invert: boolean;
  version: boolean;
  help: boolean;
  /** -m: Infinity when absent or negative. */
  maxCount: number;
  byteOffset: boolean;
  lineNumber: boolean;
  /** -H true, -h false, undefined: by the number of files. */
  withFilename: boolean | undefined;
  label: string;
  onlyMatching: boolean;
  quiet: boolean;
  binaryFiles: 'binary' | 'text' | 'without-match';
  directories: 'read' | 'recurse' | 'skip';
  devicesSkip: boolean;
  /** -R rather than -r: follow symbolic links found while recursing. */
  dereference: boolean;
  include: string[];
  exclude: string[];
  excludeFrom: string[];
  excludeDir: string[];
  list: 'l' | 'L' | undefined;
  count: boolean;
  initialTab: boolean;
  nullAfterName: boolean;
  /** -A / -B: -1 when not given (then -C / -NUM decides). */
  after: number;
  before: number;
  context: number;
  /** undefined: --no-group-separator. */
  groupSeparator: string | undefined;
  color: 'always' | 'never' | 'auto';
  /** -u was given: grep warns that it is obsolete. */
  unixByteOffsets: boolean;
  operands: string[];
}

/** A parse failure: `message` is printed after `grep: `; `usage` adds the two usage lines. */
export interface GrepOptionError {
  message: string;
  usage: boolean;
  /** Extra lines after the message (argmatch's list of valid arguments). */
  extra?: string;
  /** Exit status: 2, or 1 for argmatch's errors (ARGMATCH_DIE is usage (EXIT_FAILURE)). */
  status?: number;
}

interface LongOption {
  name: string;
  arg: 'none' | 'required' | 'optional';
  key: string;
}

/** long_options[] of grep 3.8, in its order (getopt lists ambiguous candidates in this order). */
const LONG: LongOption[] = [
  ['basic-regexp', 'none', 'G'],
  ['extended-regexp', 'none', 'E'],
  ['fixed-regexp', 'none', 'F'],
  ['fixed-strings', 'none', 'F'],
  ['perl-regexp', 'none', 'P'],
  ['after-context', 'required', 'A'],
  ['before-context', 'required', 'B'],
  ['binary-files', 'required', 'binary-files'],
  ['byte-offset', 'none', 'b'],
  ['context', 'required', 'C'],
  ['color', 'optional', 'color'],
  ['colour', 'optional', 'color'],
  ['count', 'none', 'c'],
  ['devices', 'required', 'D'],
  ['directories', 'required', 'd'],
  ['dereference-recursive', 'none', 'R'],
  ['exclude', 'required', 'exclude'],
  ['exclude-from', 'required', 'exclude-from'],
  ['exclude-dir', 'required', 'exclude-dir'],
  ['file', 'required', 'f'],
  ['files-with-matches', 'none', 'l'],
  ['files-without-match', 'none', 'L'],
  ['group-separator', 'required', 'group-separator'],
  ['help', 'none', 'help'],
  ['include', 'required', 'include'],
  ['ignore-case', 'none', 'i'],
  ['no-ignore-case', 'none', 'no-ignore-case'],
  ['initial-tab', 'none', 'T'],
  ['label', 'required', 'label'],
  ['line-buffered', 'none', 'line-buffered'],
  ['line-number', 'none', 'n'],
  ['line-regexp', 'none', 'x'],
  ['max-count', 'required', 'm'],
  ['no-filename', 'none', 'h'],
  ['no-group-separator', 'none', 'no-group-separator'],
  ['no-messages', 'none', 's'],
  ['null', 'none', 'Z'],
  ['null-data', 'none', 'z'],
  ['only-matching', 'none', 'o'],
  ['quiet', 'none', 'q'],
  ['recursive', 'none', 'r'],
  ['regexp', 'required', 'e'],
  ['invert-match', 'none', 'v'],
  ['silent', 'none', 'q'],
  ['text', 'none', 'a'],
  ['binary', 'none', 'U'],
  ['unix-byte-offsets', 'none', 'u'],
  ['version', 'none', 'V'],
  ['with-filename', 'none', 'H'],
  ['word-regexp', 'none', 'w'],
].map(([name, arg, key]) => ({ name, arg, key }) as LongOption);

/** short_options of grep 3.8: letters followed by ':' take an argument. */
const SHORT_WITH_ARG = 'ABCDXdefm';
const SHORT_FLAGS = 'EFGHIPTUVabchiLlnoqRrsuvwxyZz';

/** xstrtoimax as grep uses it: a decimal integer, clamped on overflow; undefined if malformed. */
function toInt(s: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

function contextLength(s: string): number | GrepOptionError {
  const n = toInt(s);
  if (n === undefined || n < 0) return { message: `${s}: invalid context length argument`, usage: false };
  return n;
}

/** The settings of a grep run with no options. */
export function defaultGrepConfig(): GrepConfig {
  return {
    matcher: undefined,
    patternSources: [],
    ignoreCase: false,
    word: false,
    line: false,
    nullData: false,
    noMessages: false,
    invert: false,
    version: false,
    help: false,
    maxCount: Infinity,
    byteOffset: false,
    lineNumber: false,
    withFilename: undefined,
    label: '(standard input)',
    onlyMatching: false,
    quiet: false,
    binaryFiles: 'binary',
    directories: 'read',
    devicesSkip: false,
    dereference: false,
    include: [],
    exclude: [],
    excludeFrom: [],
    excludeDir: [],
    list: undefined,
    count: false,
    initialTab: false,
    nullAfterName: false,
    after: -1,
    before: -1,
    context: -1,
    groupSeparator: '--',
    color: 'never',
    unixByteOffsets: false,
    operands: [],
  };
}

const MATCHERS: Record<string, GrepConfig['matcher']> = { grep: 'G', egrep: 'E', fgrep: 'F', perl: 'P' };

/** Applies one option; returns an error or undefined. */
function apply(c: GrepConfig, key: string, value: string | undefined): GrepOptionError | undefined {
  const setMatcher = (m: GrepConfig['matcher']) => {
    if (c.matcher !== undefined && c.matcher !== m) return { message: 'conflicting matchers specified', usage: false };
    c.matcher = m;
    return undefined;
  };
  const v = value ?? '';
  switch (key) {
    case 'A':
    case 'B':
    case 'C': {
      const n = contextLength(v);
      if (typeof n !== 'number') return n;
      if (key === 'A') c.after = n;
      else if (key === 'B') c.before = n;
      else c.context = n;
      return undefined;
    }
    case 'E':
    case 'F':
    case 'G':
    case 'P':
      return setMatcher(key);
    case 'X':
      if (!(v in MATCHERS)) return { message: `invalid matcher ${v}`, usage: false };
      return setMatcher(MATCHERS[v]);
    case 'D':
      if (v !== 'read' && v !== 'skip') return { message: 'unknown devices method', usage: false };
      c.devicesSkip = v === 'skip';
      return undefined;
    case 'd':
      if (v !== 'read' && v !== 'recurse' && v !== 'skip') {
        return { message: `invalid argument '${v}' for '--directories'`, usage: true, status: 1, extra: "Valid arguments are:\n  - 'read'\n  - 'recurse'\n  - 'skip'\n" };
      }
      c.directories = v;
      return undefined;
    case 'r':
    case 'R':
      c.directories = 'recurse';
      c.dereference = key === 'R';
      return undefined;
    case 'e':
    case 'f':
      c.patternSources.push({ kind: key, value: v });
      return undefined;
    case 'm': {
      const n = toInt(v);
      if (n === undefined) return { message: 'invalid max count', usage: false };
      c.maxCount = n < 0 ? Infinity : n;
      return undefined;
    }
    case 'binary-files':
      if (v !== 'binary' && v !== 'text' && v !== 'without-match') return { message: 'unknown binary-files type', usage: false };
      c.binaryFiles = v;
      return undefined;
    case 'color':
      if (value === undefined || ['always', 'yes', 'force'].includes(v)) c.color = value === undefined ? 'auto' : 'always';
      else if (['never', 'no', 'none'].includes(v)) c.color = 'never';
      else if (['auto', 'tty', 'if-tty'].includes(v)) c.color = 'auto';
      else c.help = true; // grep.c: an unknown WHEN shows the help (exit 0)
      return undefined;
  }
  const flags: Record<string, (cfg: GrepConfig) => void> = {
    H: (x) => (x.withFilename = true),
    h: (x) => (x.withFilename = false),
    I: (x) => (x.binaryFiles = 'without-match'),
    a: (x) => (x.binaryFiles = 'text'),
    T: (x) => (x.initialTab = true),
    U: () => undefined,
    u: (x) => (x.unixByteOffsets = true),
    V: (x) => (x.version = true),
    b: (x) => (x.byteOffset = true),
    c: (x) => (x.count = true),
    i: (x) => (x.ignoreCase = true),
    y: (x) => (x.ignoreCase = true),
    'no-ignore-case': (x) => (x.ignoreCase = false),
    L: (x) => (x.list = 'L'),
    l: (x) => (x.list = 'l'),
    n: (x) => (x.lineNumber = true),
    o: (x) => (x.onlyMatching = true),
    q: (x) => (x.quiet = true),
    s: (x) => (x.noMessages = true),
    v: (x) => (x.invert = true),
    w: (x) => (x.word = true),
    x: (x) => (x.line = true),
    Z: (x) => (x.nullAfterName = true),
    z: (x) => (x.nullData = true),
    help: (x) => (x.help = true),
    'line-buffered': () => undefined,
    'no-group-separator': (x) => (x.groupSeparator = undefined),
    'group-separator': (x) => (x.groupSeparator = v),
    label: (x) => (x.label = v),
    include: (x) => x.include.push(v),
    exclude: (x) => x.exclude.push(v),
    'exclude-from': (x) => x.excludeFrom.push(v),
    'exclude-dir': (x) => x.excludeDir.push(v),
  };
  flags[key](c);
  return undefined;
}

/** Parses grep's arguments; an error carries getopt's or grep's own wording. */
export function parseGrepArgs(args: readonly string[]): GrepConfig | GrepOptionError {
  const c = defaultGrepConfig();
  let digits = '';
  let digitsArg = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      c.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const exact = LONG.find((o) => o.name === name);
      const candidates = LONG.filter((o) => o.name.startsWith(name));
      const same = candidates.every((o) => o.key === candidates[0].key && o.arg === candidates[0].arg);
      const opt = exact ?? (candidates.length > 0 && same ? candidates[0] : undefined);
      if (!opt) {
        if (candidates.length > 1) {
          return { message: `option '${eq >= 0 ? a.slice(0, eq) : a}' is ambiguous; possibilities:${candidates.map((o) => ` '--${o.name}'`).join('')}`, usage: true };
        }
        return { message: `unrecognized option '${a}'`, usage: true };
      }
      let value: string | undefined;
      if (opt.arg === 'none') {
        if (eq >= 0) return { message: `option '--${opt.name}' doesn't allow an argument`, usage: true };
      } else if (eq >= 0) value = a.slice(eq + 1);
      else if (opt.arg === 'required') {
        if (i + 1 >= args.length) return { message: `option '--${opt.name}' requires an argument`, usage: true };
        value = args[++i];
      }
      const err = apply(c, opt.key, value);
      if (err) return err;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (ch >= '0' && ch <= '9') {
          // grep.c: a digit right after a digit of the same argument continues the number
          if (digitsArg !== i || !(a[j - 1] >= '0' && a[j - 1] <= '9')) digits = '';
          digitsArg = i;
          digits += ch;
          const n = contextLength(digits);
          if (typeof n !== 'number') return n;
          c.context = n;
          continue;
        }
        if (SHORT_WITH_ARG.includes(ch)) {
          let value = a.slice(j + 1);
          if (value === '') {
            if (i + 1 >= args.length) return { message: `option requires an argument -- '${ch}'`, usage: true };
            value = args[++i];
          }
          const err = apply(c, ch, value);
          if (err) return err;
          break;
        }
        if (!SHORT_FLAGS.includes(ch)) return { message: `invalid option -- '${ch}'`, usage: true };
        const err = apply(c, ch, undefined);
        if (err) return err;
      }
      continue;
    }
    c.operands.push(a);
  }
  return c;
}
