/**
 * BusyBox 1.36 grep (findutils/grep.c, built with FEATURE_GREP_CONTEXT as in alpine and busybox
 * images): options `lnqvscFiHhe:f:LorRm:wxA:B:C:EaI` and `--color[=WHEN]` (ignored), parsed by
 * getopt32 on musl's getopt_long, whose errors read `grep: unrecognized option: k`; a bad
 * command line prints BusyBox's usage and exits 2. -C gives way to an -A/-B after it only;
 * -c, -q, -l and -L turn off -n and context.
 */
import type { GrepConfig, GrepOptionError } from './options.ts';
import { defaultGrepConfig } from './options.ts';

/** BusyBox's `grep --help` text (stderr, as bb_show_usage prints it). */
export const BUSYBOX_GREP_USAGE = `BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.

Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...

Search for PATTERN in FILEs (or stdin)

\t-H\tAdd 'filename:' prefix
\t-h\tDo not add 'filename:' prefix
\t-n\tAdd 'line_no:' prefix
\t-l\tShow only names of files that match
\t-L\tShow only names of files that don't match
\t-c\tShow only count of matching lines
\t-o\tShow only the matching part of line
\t-q\tQuiet. Return 0 if PATTERN is found, 1 otherwise
\t-v\tSelect non-matching lines
\t-s\tSuppress open and read errors
\t-r\tRecurse
\t-R\tRecurse and dereference symlinks
\t-i\tIgnore case
\t-w\tMatch whole words only
\t-x\tMatch whole lines only
\t-F\tPATTERN is a literal (not regexp)
\t-E\tPATTERN is an extended regexp
\t-m N\tMatch up to N times per file
\t-A N\tPrint N lines of trailing context
\t-B N\tPrint N lines of leading context
\t-C N\tSame as '-A N -B N'
\t-e PTRN\tPattern to match
\t-f FILE\tRead pattern from file
`;

const WITH_ARG = 'efmABC';
const FLAGS = 'lnqvscFiHhLorRwxEaI';

/** musl's regerror texts for glibc's (our matcher speaks glibc). */
const MUSL_REGERROR: Record<string, string> = {
  'Unmatched [, [^, [:, [., or [=': "Missing ']'",
  'Unmatched ( or \\(': "Missing ')'",
  'Unmatched ) or \\)': "Missing ')'",
  'Unmatched \\{': "Missing '}'",
  'Invalid content of \\{\\}': 'Invalid contents of {}',
  'Invalid range end': 'Invalid character range',
  'Invalid character class name': 'Unknown character class name',
  'Invalid preceding regular expression': 'Repetition not preceded by valid expression',
  'Regular expression too big': 'Out of memory',
};

/** BusyBox's `bad regex` error for a pattern that did not compile (glibc's `message`). */
export function busyBoxRegexError(pattern: string, message: string): string {
  return `grep: bad regex '${pattern}': ${MUSL_REGERROR[message] ?? message}\n`;
}

/** Parses BusyBox grep's arguments; errors are printed followed by the usage, exit 2. */
export function parseBusyBoxGrepArgs(args: readonly string[]): GrepConfig | GrepOptionError {
  const c = defaultGrepConfig();
  const num = (v: string): number | GrepOptionError => {
    // getopt32's "+" arguments: xatoi_positive
    if (!/^\d+$/.test(v) || Number(v) > 2147483647) return { message: `invalid number '${v}'`, usage: false };
    return Number(v);
  };
  let copt = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      c.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const name = a.slice(2).replace(/=.*/, '');
      if (name.length > 0 && 'color'.startsWith(name)) continue; // --color[=WHEN]: accepted, ignored
      return { message: `unrecognized option: ${a.slice(2)}`, usage: true };
    }
    if (!a.startsWith('-') || a === '-') {
      c.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const ch = a[j];
      if (WITH_ARG.includes(ch)) {
        let v = a.slice(j + 1);
        if (v === '') {
          if (i + 1 >= args.length) return { message: `option requires an argument: ${ch}`, usage: true };
          v = args[++i];
        }
        if (ch === 'e' || ch === 'f') c.patternSources.push({ kind: ch, value: v });
        else {
          const n = num(v);
          if (typeof n !== 'number') return n;
          if (ch === 'm') c.maxCount = n;
          else if (ch === 'A') c.after = n;
          else if (ch === 'B') c.before = n;
          else {
            // getopt32 "C-AB": -C clears an -A/-B given before it
            copt = n;
            c.after = c.before = -1;
          }
        }
        break;
      }
      if (!FLAGS.includes(ch)) return { message: `unrecognized option: ${ch}`, usage: true };
      const set: Record<string, () => void> = {
        l: () => (c.list = 'l'),
        L: () => (c.list = 'L'),
        n: () => (c.lineNumber = true),
        q: () => (c.quiet = true),
        v: () => (c.invert = true),
        s: () => (c.noMessages = true),
        c: () => (c.count = true),
        F: () => (c.matcher = 'F'),
        E: () => (c.matcher = c.matcher === 'F' ? 'F' : 'E'),
        i: () => (c.ignoreCase = true),
        H: () => (c.withFilename = true),
        h: () => (c.withFilename = false),
        o: () => (c.onlyMatching = true),
        r: () => (c.directories = 'recurse'),
        R: () => {
          c.directories = 'recurse';
          c.dereference = true;
        },
        w: () => (c.word = true),
        x: () => (c.line = true),
        a: () => undefined,
        I: () => undefined,
      };
      set[ch]();
    }
  }
  if (c.after < 0) c.after = copt;
  if (c.before < 0) c.before = copt;
  // no context at all unless a length is above 0 (print_line: `lines_before || lines_after`)
  if (c.after <= 0 && c.before <= 0) c.after = c.before = -1;
  if (c.count || c.quiet || c.list !== undefined) {
    c.lineNumber = false;
    c.after = c.before = -1;
  }
  c.binaryFiles = 'text'; // BB_AUDIT: always acts as -a
  c.groupSeparator = '--';
  return c;
}
