/**
 * `sed [-n] [-E|-r] [-i] [-e SCRIPT]… [SCRIPT] [FILE…]`: stream editing with s///, d, p, q, =,
 * a/i/c and line/regex/range addresses. `-i` edits files in place.
 */
import type { Command } from '../../types.ts';
import { errText, fsOf, splitLines } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';
import { parseSed, SedError, substitute } from './script.ts';
import type { Address, SedCommand } from './script.ts';

function matches(a: Address, n: number, line: string, last: boolean): boolean {
  if (a.kind === 'line') return a.n === n;
  if (a.kind === 'last') return last;
  a.re.lastIndex = 0;
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
        let count = 0;
        let changed = false;
        const re = new RegExp(c.re.source, c.re.flags.includes('g') || c.nth ? `${c.re.flags.replace('g', '')}g` : c.re.flags);
        line = line.replace(re, (...args) => {
          count++;
          const groups = args.slice(0, -2).filter((a) => typeof a === 'string' || a === undefined) as string[];
          if (c.nth !== undefined ? count !== c.nth && !(c.global && count > c.nth) : !c.global && count > 1) return groups[0];
          changed = true;
          return substitute(c.replacement ?? '', groups);
        });
        if (changed && c.print) out += `${line}\n`;
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
        ctx.stderr.write(`sed: ${e.message}\n`);
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
  },
};
