/**
 * `cp [-r] [-v] SOURCE… DEST`. Errors as coreutils: `cp: cannot stat 'x': No such file or
 * directory`, `cp: -r not specified; omitting directory 'd'`, `cp: missing file operand`.
 */
import type { Command } from '../../types.ts';
import { errText } from '../../lib/files.ts';
import { planTransfer } from '../../lib/transfer-targets.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'cp',
  summary: 'Copy files and directories.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'rRavfipn', long: { recursive: { key: 'r' }, archive: { key: 'a' }, verbose: { key: 'v' }, force: { key: 'f' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'cp', parsed.error);
    const { opts, operands } = parsed.value;
    const recursive = opts.has('r') || opts.has('R') || opts.has('a');
    const plan = planTransfer(ctx, 'cp', operands);
    if (typeof plan === 'number') return plan;
    const { fs } = plan;
    let status = 0;
    for (const [src, target] of plan.pairs) {
      try {
        const st = fs.stat(src);
        if (st.type === 'dir' && !recursive) {
          ctx.stderr.write(`cp: -r not specified; omitting directory '${src}'\n`);
          status = 1;
          continue;
        }
        fs.copy(src, target, { recursive });
        if (opts.has('v')) ctx.stdout.write(`'${src}' -> '${target}'\n`);
      } catch (e) {
        const text = errText(e);
        if (!fs.exists(src)) ctx.stderr.write(`cp: cannot stat '${src}': ${text}\n`);
        // the target opened but refused the data (/dev/full: ENOSPC): coreutils' `error writing`
        else if ((e as { code?: unknown }).code === 'ENOSPC') ctx.stderr.write(`cp: error writing '${target}': ${text}\n`);
        else ctx.stderr.write(`cp: cannot create regular file '${target}': ${text}\n`);
        status = 1;
      }
    }
    return status;
  },
};
