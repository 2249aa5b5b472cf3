/**
 * `wc [-lwcm] [FILE…]`: counts in coreutils' layout — one count alone is unpadded; otherwise
 * columns as wide as the digits of the files' total size (7 when reading stdin).
 */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';
import { utf8Length } from '../../lib/utf8.ts';

export const command: Command = {
  name: 'wc',
  summary: 'Print newline, word, and byte counts for each file.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'lwcmL', long: { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'wc', parsed.error);
    const { opts, operands } = parsed.value;
    let keys = ['l', 'w', 'm', 'c'].filter((k) => opts.has(k));
    if (keys.length === 0) keys = ['l', 'w', 'c'];
    const fs = fsOf(ctx);
    const rows: { counts: number[]; name?: string }[] = [];
    let status = 0;
    let regularTotal = 0;
    let nonRegular = false;
    const count = (text: string) => {
      const c: Record<string, number> = {
        l: (text.match(/\n/g) ?? []).length,
        w: text.split(/\s+/).filter(Boolean).length,
        c: utf8Length(text),
        m: [...text].length,
      };
      return keys.map((k) => c[k]);
    };
    const files = operands.length > 0 ? operands : ['-'];
    for (const f of files) {
      if (f === '-') {
        nonRegular = true;
        rows.push({ counts: count(await ctx.stdin.readAll()), name: operands.length > 0 ? '-' : undefined });
        continue;
      }
      try {
        const text = fs.readFile(f);
        regularTotal += utf8Length(text);
        rows.push({ counts: count(text), name: f });
      } catch (e) {
        ctx.stderr.write(`wc: ${f}: ${errText(e)}\n`);
        status = 1;
      }
    }
    if (rows.length > 1) rows.push({ counts: keys.map((_, i) => rows.reduce((a, r) => a + r.counts[i], 0)), name: 'total' });
    let width = String(regularTotal).length;
    if (nonRegular) width = Math.max(width, 7);
    if (keys.length === 1 && files.length === 1) width = 1;
    for (const r of rows) {
      const cells = r.counts.map((c) => String(c).padStart(width)).join(' ');
      ctx.stdout.write(`${cells}${r.name !== undefined ? ` ${r.name}` : ''}\n`);
    }
    return status;
  },
};
