/** `tee [-a] [FILE…]`: copies stdin to stdout and files as it arrives. */
import { normalize } from '../../../emulator/linux/fs/path.ts';
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'tee',
  summary: 'Read from standard input and write to standard output and files.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'ai', long: { append: { key: 'a' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'tee', parsed.error);
    const { opts, operands } = parsed.value;
    const fs = fsOf(ctx);
    let status = 0;
    const files: { name: string; path: string }[] = [];
    for (const f of operands) {
      try {
        if (opts.has('a')) fs.appendFile(f, '');
        else fs.writeFile(f, '');
        files.push({ name: f, path: normalize(f, ctx.cwd) });
      } catch (e) {
        ctx.stderr.write(`tee: ${f}: ${errText(e)}\n`);
        status = 1;
      }
    }
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      ctx.stdout.write(chunk);
      for (const f of [...files]) {
        try {
          fs.appendFile(f.path, chunk);
        } catch (e) {
          // coreutils tee: a file that refuses a write (/dev/full) is reported once and dropped
          if ((e as { code?: unknown }).code === 'ENOENT') continue; // unlinked while open: writes vanish
          ctx.stderr.write(`tee: ${f.name}: ${errText(e)}\n`);
          files.splice(files.indexOf(f), 1);
          status = 1;
        }
      }
    }
    return ctx.interrupt.interrupted ? 130 : status;
  },
};
