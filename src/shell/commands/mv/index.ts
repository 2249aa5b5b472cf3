/** `mv [-v] SOURCE… DEST`. Errors as coreutils: `mv: cannot stat 'x': No such file or directory`. */
import type { Command } from '../../types.ts';
import { errText } from '../../lib/files.ts';
import { planTransfer } from '../../lib/transfer-targets.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'mv',
  summary: 'Move (rename) files.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'vfin', long: { verbose: { key: 'v' }, force: { key: 'f' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'mv', parsed.error);
    const { opts, operands } = parsed.value;
    const plan = planTransfer(ctx, 'mv', operands);
    if (typeof plan === 'number') return plan;
    const { fs } = plan;
    let status = 0;
    for (const [src, target] of plan.pairs) {
      try {
        fs.lstat(src);
      } catch (e) {
        ctx.stderr.write(`mv: cannot stat '${src}': ${errText(e)}\n`);
        status = 1;
        continue;
      }
      try {
        try {
          fs.rename(src, target);
        } catch (e) {
          if ((e as { code?: string }).code !== 'EXDEV') throw e;
          fs.copy(src, target, { recursive: true });
          fs.rm(src, { recursive: true });
        }
        if (opts.has('v')) ctx.stdout.write(`renamed '${src}' -> '${target}'\n`);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EINVAL') ctx.stderr.write(`mv: cannot move '${src}' to a subdirectory of itself, '${target}'\n`);
        else ctx.stderr.write(`mv: cannot move '${src}' to '${target}': ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
