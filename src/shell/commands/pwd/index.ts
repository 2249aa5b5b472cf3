/** `pwd`: prints the shell's working directory (bash's built-in, logical path). */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'pwd',
  summary: 'Print the name of the current working directory.',
  async run(ctx) {
    const bad = ctx.args.find((a) => a.startsWith('-') && a !== '-L' && a !== '-P');
    if (bad) {
      ctx.stderr.write(`bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`);
      return 2;
    }
    ctx.stdout.write(`${ctx.shell?.cwd ?? ctx.cwd}\n`);
    return 0;
  },
};
