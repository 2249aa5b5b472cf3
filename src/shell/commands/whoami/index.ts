/** `whoami`: the user name of the effective uid. */
import type { Command } from '../../types.ts';
import { fsOf } from '../../lib/files.ts';
import { userName } from '../../lib/users.ts';

export const command: Command = {
  name: 'whoami',
  summary: 'Print effective user name.',
  async run(ctx) {
    if (ctx.args.length > 0) {
      const a = ctx.args[0];
      ctx.stderr.write(a.startsWith('-') ? `whoami: invalid option -- '${a.slice(1, 2)}'\nTry 'whoami --help' for more information.\n` : `whoami: extra operand ‘${a}’\nTry 'whoami --help' for more information.\n`);
      return 1;
    }
    const uid = (ctx.process as { uid: number }).uid;
    const name = userName(fsOf(ctx), uid);
    if (name === undefined) {
      ctx.stderr.write(`whoami: cannot find name for user ID ${uid}\n`);
      return 1;
    }
    ctx.stdout.write(`${name}\n`);
    return 0;
  },
};
