/** `exit [N]`: ends the shell with status N (default, shown as -1 to the shell: the last command's). */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'exit',
  summary: 'Exit the shell.',
  async run(ctx) {
    const shell = ctx.shell;
    let status = -1;
    if (ctx.args.length > 0) {
      const a = ctx.args[0];
      if (!/^[+-]?[0-9]+$/.test(a)) {
        ctx.stderr.write(`bash: exit: ${a}: numeric argument required\n`);
        status = 2;
      } else if (ctx.args.length > 1) {
        ctx.stderr.write('bash: exit: too many arguments\n');
        return 1;
      } else status = Number(a) & 0xff;
    }
    shell?.exit(status);
    return status < 0 ? 0 : status;
  },
};
