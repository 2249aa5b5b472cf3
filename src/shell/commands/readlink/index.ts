/**
 * `readlink [-f|-e|-m] [-n] FILE…`: the target of a symbolic link (`readlink /proc/$$/ns/net`
 * → `net:[4026531840]`). Without -f/-e a non-link prints nothing and gives status 1.
 */
import { normalize } from '../../../emulator/linux/fs/path.ts';
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'readlink',
  summary: 'Print resolved symbolic links or canonical file names.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'femnqsvz', long: { canonicalize: { key: 'f' }, 'canonicalize-existing': { key: 'e' }, 'canonicalize-missing': { key: 'm' }, 'no-newline': { key: 'n' }, verbose: { key: 'v' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'readlink', parsed.error);
    const { opts, operands } = parsed.value;
    if (operands.length === 0) return usageError(ctx.stderr, 'readlink', 'missing operand');
    const fs = fsOf(ctx);
    const verbose = opts.has('v');
    let status = 0;
    const out: string[] = [];
    for (const f of operands) {
      try {
        if (opts.has('f') || opts.has('e')) {
          try {
            out.push(fs.realpath(f));
          } catch (e) {
            if (opts.has('e')) throw e;
            const parent = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) || '/' : '.';
            out.push(normalize(f.slice(f.lastIndexOf('/') + 1), fs.realpath(parent)));
          }
        } else if (opts.has('m')) out.push(normalize(f, ctx.cwd));
        else out.push(fs.readlink(f));
      } catch (e) {
        if (verbose || opts.has('e')) ctx.stderr.write(`readlink: ${f}: ${errText(e)}\n`);
        status = 1;
      }
    }
    if (out.length > 0) ctx.stdout.write(opts.has('n') && out.length === 1 ? out[0] : `${out.join('\n')}\n`);
    return status;
  },
};
