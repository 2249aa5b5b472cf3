/** `mkdir [-p] [-v] [-m MODE] DIR…`. Errors: `mkdir: cannot create directory ‘x’: File exists`. */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'mkdir',
  summary: 'Make directories.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'pv', withArg: 'm', long: { parents: { key: 'p' }, verbose: { key: 'v' }, mode: { key: 'm', arg: true } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'mkdir', parsed.error);
    const { opts, operands } = parsed.value;
    if (operands.length === 0) return usageError(ctx.stderr, 'mkdir', 'missing operand');
    const fs = fsOf(ctx);
    const mode = opts.has('m') ? parseInt(String(opts.get('m')), 8) : undefined;
    let status = 0;
    for (const dir of operands) {
      try {
        if (opts.has('p')) {
          const parts = dir.split('/').filter(Boolean);
          let cur = dir.startsWith('/') ? '' : '.';
          for (const part of parts) {
            cur = cur === '' ? `/${part}` : `${cur}/${part}`;
            if (!fs.exists(cur)) {
              fs.mkdir(cur, { mode });
              if (opts.has('v')) ctx.stdout.write(`mkdir: created directory '${cur.replace(/^\.\//, '')}'\n`);
            } else if (fs.stat(cur).type !== 'dir') {
              fs.mkdir(cur);
            }
          }
        } else {
          fs.mkdir(dir, { mode });
          if (opts.has('v')) ctx.stdout.write(`mkdir: created directory '${dir}'\n`);
        }
      } catch (e) {
        ctx.stderr.write(`mkdir: cannot create directory ‘${dir}’: ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
