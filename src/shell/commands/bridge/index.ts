/**
 * `bridge` ships with iproute2 on Debian 12 but is not emulated: it says so plainly instead of
 * pretending (exit 1).
 */
import type { Command, CommandContext } from '../../types.ts';

async function run(ctx: CommandContext): Promise<number> {
  ctx.stderr.write(`petlab: '${['bridge', ...ctx.args].join(' ')}' is not available in this lab\n`);
  return 1;
}

export const command: Command = { name: 'bridge', summary: 'not available in this lab (iproute2)', run };
export default command;
