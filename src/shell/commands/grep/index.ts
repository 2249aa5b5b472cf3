/**
 * `grep [-iEFvnclqrwhHo] PATTERN [FILE…]` (also `-e PATTERN`): reads stdin line by line as it
 * streams in. Status 0 when a line matched, 1 when none, 2 on error (a missing file, a bad
 * regex: `grep: Unmatched [, [^, [:, [., or [=`).
 */
import type { Command } from '../../types.ts';
import { errText, fsOf, splitLines } from '../../lib/files.ts';
import { parseOptions } from '../../lib/options.ts';
import { compilePosix, RegexBudgetError } from '../../lib/regex.ts';

export const command: Command = {
  name: 'grep',
  summary: 'Print lines that match patterns.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, {
      flags: 'iEFGvnclLqrRwhHosx',
      withArg: 'emA',
      long: { 'ignore-case': { key: 'i' }, 'extended-regexp': { key: 'E' }, 'fixed-strings': { key: 'F' }, 'invert-match': { key: 'v' }, 'line-number': { key: 'n' }, count: { key: 'c' }, quiet: { key: 'q' }, silent: { key: 'q' }, recursive: { key: 'r' }, 'word-regexp': { key: 'w' }, 'files-with-matches': { key: 'l' }, 'only-matching': { key: 'o' }, regexp: { key: 'e', arg: true }, 'no-filename': { key: 'h' }, 'with-filename': { key: 'H' }, color: { key: 'color', arg: false }, 'max-count': { key: 'm', arg: true } },
    });
    if (!parsed.ok) {
      ctx.stderr.write(`grep: ${parsed.error}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
      return 2;
    }
    const { opts, list, operands } = parsed.value;
    const patterns = list.filter(([k]) => k === 'e').map(([, v]) => String(v));
    const files = [...operands];
    if (patterns.length === 0) {
      if (files.length === 0) {
        ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
      }
      patterns.push(files.shift() as string);
    }
    const extended = opts.has('E');
    const source = patterns.join('\n').split('\n');
    const regex = compilePosix(source, { extended, ignoreCase: opts.has('i'), fixed: opts.has('F'), word: opts.has('w'), line: opts.has('x') });
    if (typeof regex === 'string') {
      ctx.stderr.write(`grep: ${regex}\n`);
      return 2;
    }
    const invert = opts.has('v');
    const maxCount = opts.has('m') ? Number(opts.get('m')) : Infinity;
    const recursive = opts.has('r') || opts.has('R');
    const fs = fsOf(ctx);
    if (recursive && files.length === 0) files.push('.');
    const expanded: string[] = [];
    let status = 1;
    let errors = false;
    const walk = (path: string) => {
      let st;
      try {
        st = fs.stat(path);
      } catch (e) {
        if (!opts.has('s')) ctx.stderr.write(`grep: ${path}: ${errText(e)}\n`);
        errors = true;
        return;
      }
      if (st.type === 'dir') {
        if (!recursive) {
          ctx.stderr.write(`grep: ${path}: Is a directory\n`);
          errors = true;
          return;
        }
        for (const n of fs.readdir(path)) walk(path === '.' && files.length === 1 && operands.length <= 1 ? n : `${path.replace(/\/$/, '')}/${n}`);
        return;
      }
      expanded.push(path);
    };
    for (const f of files) if (f === '-') expanded.push('-');
    else walk(f);
    const showNames = opts.has('H') || (!opts.has('h') && (files.length > 1 || expanded.length > 1 || recursive));
    const matchLine = (line: string) => regex.test(line) !== invert;
    const quiet = opts.has('q');
    const scan = async (name: string, next: () => Promise<string | null>): Promise<void> => {
      let count = 0;
      let n = 0;
      for (;;) {
        if (count >= maxCount) break;
        const line = await next();
        if (line === null) break;
        n++;
        if (!matchLine(line)) continue;
        count++;
        status = 0;
        if (quiet) return;
        if (opts.has('l')) break;
        if (opts.has('c')) continue;
        const prefix = `${showNames ? `${name}:` : ''}${opts.has('n') ? `${n}:` : ''}`;
        if (opts.has('o') && !invert) {
          for (const m of regex.matchAll(line)) if (m[0]) ctx.stdout.write(`${prefix}${m[0]}\n`);
        } else ctx.stdout.write(`${prefix}${line}\n`);
      }
      if (opts.has('c')) ctx.stdout.write(`${showNames ? `${name}:` : ''}${count}\n`);
      if (opts.has('l') && count > 0) ctx.stdout.write(`${name}\n`);
    };
    try {
      for (const f of expanded.length > 0 || files.length > 0 ? expanded : ['-']) {
        if (ctx.interrupt.interrupted) return 130;
        if (f === '-') {
          await scan('(standard input)', () => ctx.stdin.readLine());
        } else {
          let lines: string[];
          try {
            lines = splitLines(fs.readFile(f));
          } catch (e) {
            ctx.stderr.write(`grep: ${f}: ${errText(e)}\n`);
            errors = true;
            continue;
          }
          let i = 0;
          await scan(f, async () => (i < lines.length ? lines[i++] : null));
        }
        if (quiet && status === 0) return 0;
      }
    } catch (e) {
      // a back-reference pattern that ran out of its step budget: GNU grep's xalloc_die
      if (!(e instanceof RegexBudgetError)) throw e;
      ctx.stderr.write('grep: memory exhausted\n');
      return 2;
    }
    return errors && !(quiet && status === 0) ? 2 : status;
  },
};
