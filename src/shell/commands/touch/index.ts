/** `touch FILE…`: creates empty files or updates their times. `touch: cannot touch 'a/b': …`. */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'touch',
  summary: 'Change file timestamps (creating empty files).',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'acm', long: { 'no-create': { key: 'c' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'touch', parsed.error);
    const { opts, operands } = parsed.value;
    if (operands.length === 0) return usageError(ctx.stderr, 'touch', 'missing file operand');
    const fs = fsOf(ctx);
    let status = 0;
    for (const f of operands) {
      if (opts.has('c') && !fs.exists(f)) continue;
      try {
        fs.touch(f);
      } catch (e) {
        ctx.stderr.write(`touch: cannot touch '${f}': ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
