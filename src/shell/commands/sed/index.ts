/**
 * `sed [-n] [-E|-r] [-i] [-e SCRIPT]… [SCRIPT] [FILE…]`: stream editing with s///, d, p, q, =,
 * a/i/c and line/regex/range addresses. `-i` edits files in place.
 */
import type { Command, CommandContext } from '../../types.ts';
import { errText, fsOf, splitLines } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';
import { RegexBudgetError } from '../../lib/regex.ts';
import { parseSed, SedError, substitute } from './script.ts';
import type { Address, SedCommand } from './script.ts';

function matches(a: Address, n: number, line: string, last: boolean): boolean {
  if (a.kind === 'line') return a.n === n;
  if (a.kind === 'last') return last;
  return a.re.test(line);
}

function selected(c: SedCommand, n: number, line: string, last: boolean): boolean {
  let hit: boolean;
  if (!c.from) hit = true;
  else if (!c.to) hit = matches(c.from, n, line, last);
  else if (c.active) {
    hit = true;
    const endByLine = c.to.kind === 'line' && n >= c.to.n;
    if (endByLine || (c.to.kind !== 'line' && matches(c.to, n, line, last))) c.active = false;
  } else if (matches(c.from, n, line, last)) {
    hit = true;
    c.active = !(c.to.kind === 'line' && c.to.n <= n);
  } else hit = false;
  return hit !== c.negate;
}

/** Runs `cmds` over `text`; returns the output and whether `q` stopped it. */
export function runSed(cmds: SedCommand[], text: string, quiet: boolean): { out: string; quit: boolean } {
  const lines = splitLines(text);
  let out = '';
  for (const c of cmds) c.active = false;
  for (let idx = 0; idx < lines.length; idx++) {
    let line = lines[idx];
    const n = idx + 1;
    const last = idx === lines.length - 1;
    let deleted = false;
    let append = '';
    let quit = false;
    for (const c of cmds) {
      if (!selected(c, n, line, last)) continue;
      if (c.name === 's' && c.re) {
        const done = c.re.replace(line, (m) => substitute(c.replacement ?? '', m), { global: c.global, nth: c.nth });
        line = done.text;
        if (done.count > 0 && c.print) out += `${line}\n`;
      } else if (c.name === 'd') {
        deleted = true;
        break;
      } else if (c.name === 'p') out += `${line}\n`;
      else if (c.name === '=') out += `${n}\n`;
      else if (c.name === 'a') append += `${c.text}\n`;
      else if (c.name === 'i') out += `${c.text}\n`;
      else if (c.name === 'c') {
        out += `${c.text}\n`;
        deleted = true;
        break;
      } else if (c.name === 'q') {
        quit = true;
        break;
      }
    }
    if (!deleted && !quiet) out += `${line}\n`;
    out += append;
    if (quit) return { out, quit: true };
  }
  return { out, quit: false };
}

export const command: Command = {
  name: 'sed',
  summary: 'Stream editor for filtering and transforming text.',
  async run(ctx) {
    try {
      return await runCommand(ctx);
    } catch (e) {
      // a back-reference pattern that ran out of its step budget (GNU sed's panic status 4)
      if (!(e instanceof RegexBudgetError)) throw e;
      ctx.stderr.write('sed: memory exhausted\n');
      return 4;
    }
  },
};

async function runCommand(ctx: CommandContext): Promise<number> {
  const parsed = parseOptions(ctx.args, { flags: 'nErisz', withArg: 'e', long: { quiet: { key: 'n' }, silent: { key: 'n' }, 'regexp-extended': { key: 'E' }, 'in-place': { key: 'i' }, expression: { key: 'e', arg: true } } });
  if (!parsed.ok) return usageError(ctx.stderr, 'sed', parsed.error);
  const { opts, list, operands } = parsed.value;
  const scripts = list.filter(([k]) => k === 'e').map(([, v]) => String(v));
  const files = [...operands];
  if (scripts.length === 0) {
    if (files.length === 0) {
      ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
      return 1;
    }
    scripts.push(files.shift() as string);
  }
  const extended = opts.has('E') || opts.has('r');
  let cmds: SedCommand[];
  try {
    cmds = scripts.flatMap((s, i) => parseSed(s, i + 1, extended));
  } catch (e) {
    if (e instanceof SedError) {
      ctx.stderr.write(e.raw ? `${e.message}\n` : `sed: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const fs = fsOf(ctx);
  const quiet = opts.has('n');
  if (opts.has('i')) {
    if (files.length === 0) {
      ctx.stderr.write('sed: no input files\n');
      return 1;
    }
    let status = 0;
    for (const f of files) {
      try {
        fs.writeFile(f, runSed(cmds, fs.readFile(f), quiet).out);
      } catch (e) {
        if (e instanceof RegexBudgetError) throw e;
        ctx.stderr.write(`sed: can't read ${f}: ${errText(e)}\n`);
        status = 2;
      }
    }
    return status;
  }
  let text = '';
  let status = 0;
  if (files.length === 0) text = await ctx.stdin.readAll();
  for (const f of files) {
    if (f === '-') {
      text += await ctx.stdin.readAll();
      continue;
    }
    try {
      text += fs.readFile(f);
    } catch (e) {
      ctx.stderr.write(`sed: can't read ${f}: ${errText(e)}\n`);
      status = 2;
    }
  }
  ctx.stdout.write(runSed(cmds, text, quiet).out);
  return status;
}
