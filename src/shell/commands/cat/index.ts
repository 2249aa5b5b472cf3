/**
 * `cat [-nbsE] [FILE…]`: copies files (or stdin, streamed chunk by chunk) to stdout.
 * Errors as coreutils: `cat: nope: No such file or directory`, `cat: dir: Is a directory`.
 */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'cat',
  summary: 'Concatenate files and print on the standard output.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'nbsEAuv', long: { number: { key: 'n' }, 'number-nonblank': { key: 'b' }, 'squeeze-blank': { key: 's' }, 'show-ends': { key: 'E' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'cat', parsed.error);
    const { opts, operands } = parsed.value;
    const transform = opts.has('n') || opts.has('b') || opts.has('s') || opts.has('E') || opts.has('A');
    let lineNo = 0;
    let lastBlank = false;
    let atLineStart = true;
    const emit = (text: string) => {
      if (!transform) {
        ctx.stdout.write(text);
        return;
      }
      let out = '';
      for (const piece of text.split(/(?<=\n)/)) {
        const blank = atLineStart && piece === '\n';
        if (opts.has('s') && blank && lastBlank) continue;
        if (atLineStart) {
          lastBlank = blank;
          if (opts.has('b') ? !blank : opts.has('n')) out += `${String(++lineNo).padStart(6)}\t`;
        }
        out += (opts.has('E') || opts.has('A')) && piece.endsWith('\n') ? `${piece.slice(0, -1)}$\n` : piece;
        atLineStart = piece.endsWith('\n');
      }
      ctx.stdout.write(out);
    };
    const fs = fsOf(ctx);
    let status = 0;
    for (const name of operands.length === 0 ? ['-'] : operands) {
      if (ctx.interrupt.interrupted) return 130;
      if (name === '-') {
        for (;;) {
          const chunk = await ctx.stdin.read();
          if (chunk === null) break;
          emit(chunk);
        }
        if (ctx.interrupt.interrupted) return 130;
        continue;
      }
      try {
        emit(fs.readFile(name));
      } catch (e) {
        ctx.stderr.write(`cat: ${name}: ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
