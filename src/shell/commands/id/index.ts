/** `id [-u|-g|-G] [-n]`: the process's user and groups, as coreutils prints them. */
import type { Command } from '../../types.ts';
import { fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';
import { groupName, supplementaryGroups, userName } from '../../lib/users.ts';

export const command: Command = {
  name: 'id',
  summary: 'Print user and group information.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'ugGnr', long: { user: { key: 'u' }, group: { key: 'g' }, groups: { key: 'G' }, name: { key: 'n' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'id', parsed.error);
    const { opts, operands } = parsed.value;
    if (operands.length > 0) {
      ctx.stderr.write(`id: ‘${operands[0]}’: no such user\n`);
      return 1;
    }
    const proc = ctx.process as { uid: number; gid: number };
    const fs = fsOf(ctx);
    const uname = userName(fs, proc.uid);
    const gname = groupName(fs, proc.gid);
    const name = opts.has('n');
    const fmt = (id: number, n: string | undefined) => (n === undefined ? String(id) : `${id}(${n})`);
    const groups = [proc.gid, ...supplementaryGroups(fs, uname ?? '').filter((g) => g !== proc.gid)];
    if (opts.has('u')) ctx.stdout.write(`${name ? (uname ?? proc.uid) : proc.uid}\n`);
    else if (opts.has('g')) ctx.stdout.write(`${name ? (gname ?? proc.gid) : proc.gid}\n`);
    else if (opts.has('G')) ctx.stdout.write(`${groups.map((g) => (name ? (groupName(fs, g) ?? g) : g)).join(' ')}\n`);
    else {
      if (name) {
        ctx.stderr.write('id: cannot print only names or real IDs in default format\n');
        return 1;
      }
      ctx.stdout.write(`uid=${fmt(proc.uid, uname)} gid=${fmt(proc.gid, gname)} groups=${groups.map((g) => fmt(g, groupName(fs, g))).join(',')}\n`);
    }
    return 0;
  },
};
