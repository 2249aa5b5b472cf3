/**
 * `stat [-L] [-c FORMAT] FILE...` (GNU coreutils 9.1, Debian 12): the default layout for files,
 * directories, symbolic links and character devices, and -c/--format with the common directives
 * (format.ts). -f, -t, --printf and --cached are not emulated: they say so (exit 1).
 */
import type { Command, CommandContext } from '../../types.ts';
import type { Stat } from '../../../emulator/linux/fs/vfs.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions } from '../../lib/options.ts';
import { groupName, userName } from '../../lib/users.ts';
import { coreutilsVersion } from '../chmod/help.ts';
import { defaultFormat, expandFormat } from './format.ts';
import type { StatInfo } from './format.ts';
import { STAT_HELP } from './help.ts';

function usage(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`stat: ${message}\nTry 'stat --help' for more information.\n`);
  return 1;
}

/** The world's first mount id (mountinfo numbers mounts from 21 relative to it). */
function mountBase(ctx: CommandContext): number {
  return (ctx.process as { host?: { linux?: { mountBase?: number } } }).host?.linux?.mountBase ?? 21;
}

export const command: Command = {
  name: 'stat',
  summary: 'Display file or file system status.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, {
      flags: 'Lft',
      withArg: 'c',
      long: {
        dereference: { key: 'L' }, 'file-system': { key: 'f' }, cached: { key: 'cached', arg: true }, format: { key: 'c', arg: true },
        printf: { key: 'printf', arg: true }, terse: { key: 't' }, help: { key: 'help' }, version: { key: 'version' },
      },
    });
    if (!parsed.ok) return usage(ctx, parsed.error);
    const { opts, operands } = parsed.value;
    if (opts.has('help') || opts.has('version')) {
      ctx.stdout.write(opts.has('help') ? STAT_HELP : coreutilsVersion('stat', 'Michael Meskes'));
      return 0;
    }
    if (operands.length === 0) return usage(ctx, 'missing operand');
    const unsupported = ['f', 't', 'printf', 'cached'].find((o) => opts.has(o));
    if (unsupported) {
      ctx.stderr.write(`petlab: 'stat ${unsupported.length > 1 ? '--' : '-'}${unsupported}' is not available in this lab\n`);
      return 1;
    }
    const fs = fsOf(ctx);
    const format = opts.get('c');
    const follow = opts.has('L');
    let status = 0;
    for (const name of operands) {
      let st: Stat;
      let target: string | undefined;
      try {
        st = follow ? fs.stat(name) : fs.lstat(name);
        if (st.type === 'symlink') target = fs.readlink(name);
      } catch (e) {
        ctx.stderr.write(`stat: cannot statx '${name}': ${errText(e)}\n`);
        status = 1;
        continue;
      }
      let devMinor = 0;
      let mountPoint = '/';
      try {
        const m = fs.mountOf(name);
        devMinor = m.id - mountBase(ctx) + 21;
        mountPoint = m.target;
      } catch {
        // a dangling symlink: its own directory's mount is not looked up
      }
      const info: StatInfo = {
        name, st, target, devMinor, mountPoint,
        user: userName(fs, st.uid) ?? 'UNKNOWN',
        group: groupName(fs, st.gid) ?? 'UNKNOWN',
      };
      ctx.stdout.write(typeof format === 'string' ? `${expandFormat(format, info)}\n` : defaultFormat(info));
    }
    return status;
  },
};
