/**
 * `sort [-nrufh] [-k N[,M]] [-t SEP] [FILE…]`: byte order (C.UTF-8), whole-line last-resort compare.
 * Errors as GNU coreutils 9: `sort: cannot read: x: No such file or directory`,
 * `sort: read failed: d: Is a directory` (status 2).
 */
import type { Command } from '../../types.ts';
import { errText, fsOf, splitLines } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numeric(s: string): number {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)/.exec(s);
  return m ? Number(m[0]) : 0;
}

function human(s: string): number {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))([KMGTPE]?)/i.exec(s);
  if (!m) return 0;
  return Number(m[1]) * 1024 ** ' KMGTPE'.indexOf(m[2].toUpperCase() || ' ');
}

export const command: Command = {
  name: 'sort',
  summary: 'Sort lines of text files.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'nrufhbs', withArg: 'kto', long: { numeric: { key: 'n' }, reverse: { key: 'r' }, unique: { key: 'u' }, 'ignore-case': { key: 'f' }, key: { key: 'k', arg: true }, 'field-separator': { key: 't', arg: true }, 'human-numeric-sort': { key: 'h' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'sort', parsed.error, 2);
    const { opts, operands } = parsed.value;
    const lines: string[] = [];
    const fs = fsOf(ctx);
    for (const name of operands.length === 0 ? ['-'] : operands) {
      if (name === '-') {
        lines.push(...splitLines(await ctx.stdin.readAll()));
        continue;
      }
      // coreutils words it by where it failed: opening ("cannot read") or reading ("read failed").
      let text: string;
      try {
        text = fs.readFile(name);
      } catch (e) {
        const code = (e as { code?: string }).code;
        ctx.stderr.write(`sort: ${code === 'EISDIR' ? 'read failed' : 'cannot read'}: ${name}: ${errText(e)}\n`);
        return 2;
      }
      lines.push(...splitLines(text));
    }
    const sep = opts.get('t') as string | undefined;
    let keyFrom = 0;
    let keyTo: number | undefined;
    const k = opts.get('k');
    if (typeof k === 'string') {
      const m = /^(\d+)(?:\.\d+)?[a-z]*(?:,(\d+)(?:\.\d+)?[a-z]*)?$/.exec(k);
      if (!m || Number(m[1]) === 0) {
        ctx.stderr.write(`sort: invalid number at field start: invalid count at start of '${k}'\n`);
        return 2;
      }
      keyFrom = Number(m[1]) - 1;
      keyTo = m[2] ? Number(m[2]) : undefined;
    }
    const keyOf = (line: string): string => {
      if (typeof k !== 'string') return line;
      const fields = sep !== undefined ? line.split(sep) : line.match(/\s*\S+/g) ?? [];
      const slice = fields.slice(keyFrom, keyTo);
      return sep !== undefined ? slice.join(sep) : slice.join('');
    };
    const fold = opts.has('f');
    const compareKeys = (a: string, b: string): number => {
      if (opts.has('n')) return numeric(a) - numeric(b);
      if (opts.has('h')) return human(a) - human(b);
      return fold ? cmp(a.toUpperCase(), b.toUpperCase()) : cmp(a, b);
    };
    const reverse = opts.has('r') ? -1 : 1;
    const sorted = lines
      .map((line) => ({ line, key: keyOf(line) }))
      .sort((x, y) => {
        const c = compareKeys(x.key, y.key);
        if (c !== 0) return c * reverse;
        if (opts.has('u') || opts.has('s')) return 0;
        return cmp(x.line, y.line) * reverse;
      });
    const out: string[] = [];
    for (const s of sorted) {
      if (opts.has('u') && out.length > 0 && compareKeys(keyOf(out[out.length - 1]), s.key) === 0) continue;
      out.push(s.line);
    }
    ctx.stdout.write(out.map((l) => `${l}\n`).join(''));
    return 0;
  },
};
