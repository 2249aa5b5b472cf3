/** `. FILE [ARG…]` / `source`: runs FILE's commands in the current shell. */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';

export const command: Command = {
  name: 'source',
  summary: 'Execute commands from a file in the current shell.',
  async run(ctx) {
    if (ctx.args.length === 0) {
      ctx.stderr.write(`bash: ${ctx.name}: filename argument required\n${ctx.name}: usage: ${ctx.name} filename [arguments]\n`);
      return 2;
    }
    const [file, ...args] = ctx.args;
    let text: string;
    try {
      text = fsOf(ctx).readFile(file);
    } catch (e) {
      ctx.stderr.write(`bash: ${file}: ${errText(e)}\n`);
      return 1;
    }
    if (!ctx.shell) return 1;
    return ctx.shell.source(text, ctx, args.length > 0 ? args : undefined, file);
  },
};
