/** `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST`. */
import type { Command } from '../../types.ts';
import { usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'seq',
  summary: 'Print a sequence of numbers.',
  async run(ctx) {
    let sep = '\n';
    let equalWidth = false;
    const nums: string[] = [];
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i];
      if (a === '-s') sep = ctx.args[++i] ?? '';
      else if (a.startsWith('-s') && a.length > 2) sep = a.slice(2);
      else if (a === '-w') equalWidth = true;
      else if (/^-[^0-9.]/.test(a)) return usageError(ctx.stderr, 'seq', `invalid option -- '${a[1]}'`);
      else nums.push(a);
    }
    if (nums.length === 0) return usageError(ctx.stderr, 'seq', 'missing operand');
    if (nums.length > 3) return usageError(ctx.stderr, 'seq', `extra operand ‘${nums[3]}’`);
    for (const n of nums) {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(n)) return usageError(ctx.stderr, 'seq', `invalid floating point argument: ‘${n}’`);
    }
    const v = nums.map(Number);
    const [first, inc, last] = v.length === 1 ? [1, 1, v[0]] : v.length === 2 ? [v[0], 1, v[1]] : v;
    if (inc === 0) return usageError(ctx.stderr, 'seq', `invalid Zero increment value: ‘${nums[1]}’`);
    const decimals = Math.max(...nums.slice(0, nums.length === 3 ? 2 : 1).map((n) => (n.includes('.') ? n.split('.')[1].length : 0)));
    const count = Math.max(0, Math.floor((last - first) / inc + 1e-9) + 1);
    const format = (x: number) => x.toFixed(decimals);
    const width = equalWidth ? Math.max(format(first).length, format(first + (count - 1) * inc).length) : 0;
    const pad = (s: string) => (!equalWidth ? s : s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0'));
    // Written in chunks with a pause between them, so `seq 1000000 | head` stops early: a reader
    // that exits interrupts us (the pipeline reports 141, SIGPIPE), as does Ctrl-C (130, SIGINT).
    for (let k = 0; k < count; ) {
      const chunk: string[] = [];
      for (const end = Math.min(count, k + 4096); k < end; k++) chunk.push(pad(format(first + k * inc)));
      ctx.stdout.write(`${chunk.join(sep)}${k < count ? sep : '\n'}`);
      if (k < count && !(await ctx.sleep(0))) return 130;
    }
    return 0;
  },
};
