/** `which NAME…`: the first match in $PATH; status 1 when any is missing (silently, as Debian's). */
import type { Command, CommandContext } from '../../types.ts';
import { fsOf } from '../../lib/files.ts';

/** The path of `name` in $PATH on the process's file system (emulated or not: /usr/sbin/nginx too). */
export function findInPath(ctx: CommandContext, name: string): string | undefined {
  const fs = fsOf(ctx);
  const path = ctx.env.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin';
  for (const dir of path.split(':')) {
    const candidate = `${dir || '.'}/${name}`;
    try {
      if (fs.stat(candidate).type === 'file') return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const command: Command = {
  name: 'which',
  summary: 'Locate a command in $PATH.',
  async run(ctx) {
    let status = 0;
    const names = ctx.args.filter((a) => a !== '-a');
    if (names.length === 0) return 1;
    for (const name of names) {
      const path = name.includes('/') ? name : findInPath(ctx, name);
      if (path) ctx.stdout.write(`${path}\n`);
      else status = 1;
    }
    return status;
  },
};
