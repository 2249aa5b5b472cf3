/**
 * `rm [-r] [-f] [-v] FILE…`. Errors as coreutils: `rm: cannot remove 'x': No such file or
 * directory`, `rm: cannot remove 'd': Is a directory`, `rm: missing operand`.
 */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'rm',
  summary: 'Remove files or directories.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'rRfvdi', long: { recursive: { key: 'r' }, force: { key: 'f' }, verbose: { key: 'v' }, dir: { key: 'd' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'rm', parsed.error);
    const { opts, operands } = parsed.value;
    const force = opts.has('f');
    const recursive = opts.has('r') || opts.has('R');
    if (operands.length === 0) {
      if (force) return 0;
      return usageError(ctx.stderr, 'rm', 'missing operand');
    }
    const fs = fsOf(ctx);
    let status = 0;
    const removeTree = (path: string) => {
      const st = fs.lstat(path);
      if (st.type === 'dir') {
        for (const name of fs.readdir(path)) removeTree(`${path.replace(/\/$/, '')}/${name}`);
        fs.rmdir(path);
        if (opts.has('v')) ctx.stdout.write(`removed directory '${path}'\n`);
      } else {
        fs.rm(path);
        if (opts.has('v')) ctx.stdout.write(`removed '${path}'\n`);
      }
    };
    for (const f of operands) {
      const base = f.replace(/\/+$/, '').split('/').pop();
      if (base === '.' || base === '..') {
        ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${f}'\n`);
        status = 1;
        continue;
      }
      try {
        const st = fs.lstat(f);
        if (st.type === 'dir' && !recursive) {
          if (opts.has('d') && fs.readdir(f).length === 0) {
            fs.rmdir(f);
            continue;
          }
          ctx.stderr.write(`rm: cannot remove '${f}': Is a directory\n`);
          status = 1;
          continue;
        }
        removeTree(f);
      } catch (e) {
        if (force && errText(e) === 'No such file or directory') continue;
        ctx.stderr.write(`rm: cannot remove '${f}': ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
