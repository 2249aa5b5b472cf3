/** `sleep NUMBER[smhd]…`: waits on the world's virtual clock; Ctrl-C stops it (status 130). */
import type { Command } from '../../types.ts';
import { usageError } from '../../lib/options.ts';

const UNIT: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const command: Command = {
  name: 'sleep',
  summary: 'Delay for a specified amount of time.',
  async run(ctx) {
    if (ctx.args.length === 0) return usageError(ctx.stderr, 'sleep', 'missing operand');
    let ms = 0;
    for (const a of ctx.args) {
      const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
      if (!m) {
        if (/^-[^0-9.]/.test(a)) return usageError(ctx.stderr, 'sleep', `invalid option -- '${a[1]}'`);
        return usageError(ctx.stderr, 'sleep', `invalid time interval ‘${a}’`);
      }
      ms += Number(m[1]) * UNIT[m[2]];
    }
    const done = await ctx.sleep(Math.round(ms));
    return done ? 0 : 130;
  },
};
