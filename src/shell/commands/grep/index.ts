/**
 * GNU grep 3.8 (Debian 12), also as egrep and fgrep: every option of `grep --help` except -P (no Perl engine here: it says
 * so, exit 1). Reads stdin line by line as it streams in. Status 0 when a line was selected, 1
 * when none, 2 on error (a missing file, a bad regex: `grep: Unmatched [, [^, [:, [., or [=`,
 * a bad option: getopt's words and the usage lines); -q with a selected line is 0 regardless.
 */
import type { Command, CommandContext } from '../../types.ts';
import { errText, fsOf, splitLines } from '../../lib/files.ts';
import { compilePosix, RegexBudgetError } from '../../lib/regex.ts';
import { utf8Length } from '../../lib/utf8.ts';
import { matchPattern } from '../../interp/pattern.ts';
import { GREP_HELP, GREP_USAGE, GREP_VERSION } from './help.ts';
import { isBusyBox } from '../linux-common/busybox.ts';
import { BUSYBOX_GREP_USAGE, busyBoxRegexError, parseBusyBoxGrepArgs } from './busybox.ts';
import { parseGrepArgs } from './options.ts';
import type { GrepConfig } from './options.ts';
import { scanInput } from './scan.ts';
import type { ScanRun, ScanSettings } from './scan.ts';

/** INTMAX_MAX's digits: the -T width of a line number or offset in an input of unknown size. */
const UNKNOWN_SIZE_WIDTH = 19;

export const command: Command = {
  name: 'grep',
  summary: 'Print lines that match patterns.',
  async run(ctx) {
    const busybox = isBusyBox(ctx.process, 'grep');
    // Debian's egrep and fgrep are scripts running `grep -E "$@"` / `grep -F "$@"`
    const as = ctx.name.replace(/.*\//, '');
    const args = as === 'egrep' ? ['-E', ...ctx.args] : as === 'fgrep' ? ['-F', ...ctx.args] : ctx.args;
    const cfg = busybox ? parseBusyBoxGrepArgs(args) : parseGrepArgs(args);
    if ('message' in cfg) {
      ctx.stderr.write(`grep: ${cfg.message}\n${cfg.extra ?? ''}${cfg.usage ? (busybox ? BUSYBOX_GREP_USAGE : GREP_USAGE) : ''}`);
      return cfg.status ?? 2;
    }
    if (cfg.help) {
      ctx.stdout.write(GREP_HELP);
      return 0;
    }
    if (cfg.version) {
      ctx.stdout.write(GREP_VERSION);
      return 0;
    }
    if (cfg.unixByteOffsets) ctx.stderr.write('grep: warning: --unix-byte-offsets (-u) is obsolete\n');
    if (cfg.matcher === 'P') {
      ctx.stderr.write("petlab: 'grep -P' is not available in this lab\n");
      return 1;
    }
    try {
      return await grep(ctx, cfg, busybox);
    } catch (e) {
      // a back-reference pattern that ran out of its step budget: GNU grep's xalloc_die
      if (!(e instanceof RegexBudgetError)) throw e;
      ctx.stderr.write('grep: memory exhausted\n');
      return 2;
    }
  },
};

/** Collects the patterns of -e and -f (or the first operand); a string is an error to print. */
async function patternsOf(ctx: CommandContext, cfg: GrepConfig): Promise<string[] | string | undefined> {
  const fs = fsOf(ctx);
  const patterns: string[] = [];
  if (cfg.patternSources.length === 0) {
    const first = cfg.operands.shift();
    if (first === undefined) return undefined;
    return first.split('\n');
  }
  for (const src of cfg.patternSources) {
    if (src.kind === 'e') {
      patterns.push(...src.value.split('\n'));
      continue;
    }
    let text: string;
    if (src.value === '-') {
      text = '';
      for (let chunk = await ctx.stdin.readLine(); chunk !== null; chunk = await ctx.stdin.readLine()) text += `${chunk}\n`;
    } else {
      try {
        text = fs.readFile(src.value);
      } catch (e) {
        return `grep: ${src.value}: ${errText(e)}\n`;
      }
    }
    patterns.push(...splitLines(text));
  }
  return patterns;
}

async function grep(ctx: CommandContext, cfg: GrepConfig, busybox: boolean): Promise<number> {
  const fs = fsOf(ctx);
  const patterns = await patternsOf(ctx, cfg);
  if (patterns === undefined) {
    ctx.stderr.write(busybox ? BUSYBOX_GREP_USAGE : GREP_USAGE);
    return 2;
  }
  if (typeof patterns === 'string') {
    ctx.stderr.write(patterns);
    return 2;
  }
  // grep.c: no patterns at all (-f /dev/null) is the empty pattern with -v flipped
  let invert = cfg.invert;
  let { word, line } = cfg;
  if (patterns.length === 0) {
    patterns.push('');
    invert = !invert;
    word = line = false;
  }
  // grep.c: when nothing can be selected (-m 0, -v with the empty pattern), exit 1 unread, except -L
  const hopeless = cfg.maxCount === 0 || (patterns.length === 1 && patterns[0] === '' && invert && !word && !line);
  if (hopeless && cfg.list !== 'L' && !busybox) return 1;
  // GNU grep warns (once per operator) about a repetition operator with nothing to repeat;
  // Debian's grep 3.8 has the stray-backslash warning (`stray \ before -`) patched off
  const warnings: string[] = [];
  const regex = compilePosix(patterns, { extended: cfg.matcher === 'E', ignoreCase: cfg.ignoreCase, fixed: cfg.matcher === 'F', word, line, grep: !busybox, warnings });
  if (typeof regex !== 'string') for (const w of warnings) ctx.stderr.write(`grep: warning: ${w}\n`);
  if (typeof regex === 'string') {
    // BusyBox compiles each pattern on its own and names the one that failed
    const bad = busybox ? (patterns.find((p) => typeof compilePosix([p], { extended: cfg.matcher === 'E', ignoreCase: cfg.ignoreCase }) === 'string') ?? patterns[0]) : '';
    ctx.stderr.write(busybox ? busyBoxRegexError(bad, regex) : `grep: ${regex}\n`);
    return 2;
  }
  const excludes = [...cfg.exclude];
  for (const f of cfg.excludeFrom) {
    try {
      excludes.push(...splitLines(fs.readFile(f)));
    } catch (e) {
      ctx.stderr.write(`grep: ${f}: ${errText(e)}\n`);
      return 2;
    }
  }
  const recursive = cfg.directories === 'recurse';
  // BusyBox reads stdin when no FILE is given, even with -r
  const operands = cfg.operands.length > 0 ? cfg.operands : [recursive && !busybox ? '.' : '-'];
  const implicitDot = cfg.operands.length === 0 && recursive && !busybox;
  const showNames = cfg.withFilename ?? (cfg.operands.length > 1 ? true : undefined);
  const color = cfg.color === 'always' || (cfg.color === 'auto' && ctx.stdout.isTTY === true && (ctx.env.get('TERM') ?? 'dumb') !== 'dumb');
  const listing = cfg.list !== undefined;
  const settings: ScanSettings = {
    regex,
    invert,
    maxCount: cfg.maxCount,
    after: cfg.after >= 0 ? cfg.after : cfg.context,
    before: cfg.before >= 0 ? cfg.before : cfg.context,
    printLines: !cfg.quiet && !cfg.count && !listing,
    onlyMatching: cfg.onlyMatching,
    lineNumber: cfg.lineNumber,
    byteOffset: cfg.byteOffset,
    initialTab: cfg.initialTab,
    nullAfterName: cfg.nullAfterName,
    groupSeparator: cfg.groupSeparator,
    color,
    busybox,
    eol: cfg.nullData ? '\0' : '\n',
    write: (t) => ctx.stdout.write(t),
  };
  const run: ScanRun = { used: false, lastLine: 0 };
  const nameColor = (n: string) => (color ? `\x1b[35m\x1b[K${n}\x1b[m\x1b[K` : n);
  const sepColor = (c: string) => (color ? `\x1b[36m\x1b[K${c}\x1b[m\x1b[K` : c);
  let status = 1;
  let errors = false;
  const fail = (msg: string) => {
    errors = true;
    if (!cfg.noMessages) ctx.stderr.write(`grep: ${msg}\n`);
  };

  /** Searches one input; returns true when grep should stop (-q after a selected line). */
  const search = async (name: string, text: string | null, named: boolean): Promise<boolean> => {
    const binary = text !== null && cfg.binaryFiles !== 'text' && !cfg.nullData && text.includes('\0');
    let next: () => Promise<string | null>;
    if (binary && cfg.binaryFiles === 'without-match') next = async () => null;
    else if (text === null) {
      // stdin streams; with -z its NUL-separated records come from the whole input
      if (cfg.nullData) {
        let all = '';
        for (let c = await ctx.stdin.readLine(); c !== null; c = await ctx.stdin.readLine()) all += `${c}\n`;
        const recs = splitRecords(all, '\0');
        let i = 0;
        next = async () => (i < recs.length ? recs[i++] : null);
      } else next = () => ctx.stdin.readLine();
    } else {
      const recs = splitRecords(text, cfg.nullData ? '\0' : '\n');
      let i = 0;
      next = async () => (i < recs.length ? recs[i++] : null);
    }
    const width = text === null ? UNKNOWN_SIZE_WIDTH : String(utf8Length(text) + (cfg.lineNumber ? 1 : 0)).length;
    const input = { name: named ? name : undefined, offsetWidth: width, binary, detectBinary: text === null && cfg.binaryFiles === 'binary' && !cfg.nullData, next };
    const count = await scanInput(settings, run, input);
    // BusyBox -L: a file listed is the match (grep_file returns 1 for it, 0 for a file with lines)
    if (busybox && cfg.list === 'L' ? count === 0 : count > 0) status = 0;
    if (cfg.quiet) return count > 0;
    if (cfg.count) ctx.stdout.write(`${named ? nameColor(name) + (cfg.nullAfterName ? '\0' : sepColor(':')) : ''}${count}\n`);
    if ((cfg.list === 'l' && count > 0) || (cfg.list === 'L' && count === 0)) ctx.stdout.write(`${nameColor(name)}${cfg.nullAfterName ? '\0' : '\n'}`);
    if (input.binary && count > 0 && settings.printLines) ctx.stderr.write(`grep: ${name}: binary file matches\n`);
    return false;
  };

  const visit = async (path: string, top: boolean): Promise<boolean> => {
    if (ctx.interrupt.interrupted) return true;
    let st;
    try {
      st = top || cfg.dereference ? fs.stat(path) : fs.lstat(path);
    } catch (e) {
      fail(`${path}: ${errText(e)}`);
      return false;
    }
    if (st.type === 'symlink') return false; // -r skips links met while recursing
    const base = path.replace(/\/+$/, '').replace(/.*\//, '');
    if (st.type === 'dir') {
      if (cfg.directories === 'skip') return false;
      if (!recursive) {
        if (busybox) return false; // fopen works, reading gives nothing: no message
        fail(`${path}: Is a directory`);
        return false;
      }
      if (!(top && implicitDot) && cfg.excludeDir.some((g) => matchPattern(g, base))) return false;
      for (const n of fs.readdir(path).sort()) {
        const child = implicitDot && top && path === '.' ? n : `${path.replace(/\/+$/, '')}/${n}`;
        if (await visit(child, false)) return true;
      }
      return false;
    }
    if (excludes.some((g) => matchPattern(g, base))) return false;
    if (cfg.include.length > 0 && !cfg.include.some((g) => matchPattern(g, base))) return false;
    let text: string;
    try {
      text = fs.readFile(path);
    } catch (e) {
      fail(`${path}: ${errText(e)}`);
      return false;
    }
    return search(path, text, showNames ?? !top);
  };

  for (const op of operands) {
    if (ctx.interrupt.interrupted) return 130;
    const stop = op === '-' ? await search(cfg.label, null, showNames ?? false) : await visit(op, true);
    if (stop) return 0;
  }
  if (ctx.interrupt.interrupted) return 130;
  return errors ? 2 : status;
}

/** Splits text into records at `sep`, without the empty piece after a final separator. */
function splitRecords(text: string, sep: string): string[] {
  if (text === '') return [];
  const recs = text.split(sep);
  if (recs[recs.length - 1] === '') recs.pop();
  return recs;
}
