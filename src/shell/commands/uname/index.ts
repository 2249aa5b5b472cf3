/** `uname [-asnrvmpio]`: the kernel and host, from the process's host and UTS namespace. */
import type { Command } from '../../types.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'uname',
  summary: 'Print system information.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, {
      flags: 'asnrvmpio',
      long: { all: { key: 'a' }, 'kernel-name': { key: 's' }, nodename: { key: 'n' }, 'kernel-release': { key: 'r' }, 'kernel-version': { key: 'v' }, machine: { key: 'm' }, processor: { key: 'p' }, 'hardware-platform': { key: 'i' }, 'operating-system': { key: 'o' } },
    });
    if (!parsed.ok) return usageError(ctx.stderr, 'uname', parsed.error);
    const { opts, operands } = parsed.value;
    if (operands.length > 0) return usageError(ctx.stderr, 'uname', `extra operand ‘${operands[0]}’`);
    const proc = ctx.process as { hostname: string; host?: { kernelRelease: string; kernelVersion: string } };
    const fields: [string, string][] = [
      ['s', 'Linux'],
      ['n', proc.hostname],
      ['r', proc.host?.kernelRelease ?? '6.1.0-28-amd64'],
      ['v', proc.host?.kernelVersion ?? '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)'],
      ['m', 'x86_64'],
      ['p', 'unknown'],
      ['i', 'unknown'],
      ['o', 'GNU/Linux'],
    ];
    const all = opts.has('a');
    const chosen = fields.filter(([k, v]) => (all ? v !== 'unknown' : opts.has(k)));
    const out = chosen.length > 0 ? chosen : fields.slice(0, 1);
    ctx.stdout.write(`${out.map(([, v]) => v).join(' ')}\n`);
    return 0;
  },
};
