/** `uniq [-c] [-d] [-u] [-i] [INPUT [OUTPUT]]`: collapses adjacent duplicate lines. */
import type { Command } from '../../types.ts';
import { forEachInput, splitLines } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'uniq',
  summary: 'Report or omit repeated lines.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'cdui', long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'uniq', parsed.error);
    const { opts, operands } = parsed.value;
    const lines: string[] = [];
    const status = await forEachInput(ctx, operands.slice(0, 1), (text) => {
      lines.push(...splitLines(text));
    });
    if (status !== 0) return status;
    const same = (a: string, b: string) => (opts.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    const groups: { line: string; n: number }[] = [];
    for (const l of lines) {
      const g = groups[groups.length - 1];
      if (g && same(g.line, l)) g.n++;
      else groups.push({ line: l, n: 1 });
    }
    let out = '';
    for (const g of groups) {
      if (opts.has('d') && g.n < 2) continue;
      if (opts.has('u') && g.n > 1) continue;
      out += opts.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`;
    }
    ctx.stdout.write(out);
    return 0;
  },
};
