/** `unset [-v] NAME…`: removes shell variables. */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'unset',
  summary: 'Unset values and attributes of shell variables and functions.',
  async run(ctx) {
    const vars = ctx.shell?.vars ?? ctx.env;
    let status = 0;
    for (const a of ctx.args) {
      if (a === '-v' || a === '-f') continue;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) {
        ctx.stderr.write(`bash: unset: \`${a}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      vars.unset(a);
    }
    return status;
  },
};
