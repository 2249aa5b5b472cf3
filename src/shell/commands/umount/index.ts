/** `umount` (util-linux 2.38.1): removes the topmost mount at a path in the caller's mount namespace. */
import { normalize } from '../../../emulator/linux/fs/path.ts';
import type { Command, CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';
import { tryHelp, versionLine } from '../linux-common/util-linux.ts';

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'alfnrvhV', [
    { name: 'lazy', has: 0, key: 'l' },
    { name: 'force', has: 0, key: 'f' },
    { name: 'help', has: 0, key: 'h' },
    { name: 'version', has: 0, key: 'V' },
  ]);
  if (!parsed.ok) return tryHelp(ctx.stderr, 'umount', parsed.error);
  if (parsed.value.options.some(([k]) => k === 'V')) {
    ctx.stdout.write(versionLine('umount'));
    return 0;
  }
  const targets = parsed.value.operands;
  if (targets.length === 0) return tryHelp(ctx.stderr, 'umount', 'bad usage');
  const proc = ctx.process;
  let status = 0;
  for (const target of targets) {
    if (proc.uid !== 0) {
      ctx.stderr.write(`umount: ${target}: must be superuser to unmount.\n`);
      status = 32;
      continue;
    }
    if (!proc.fs.exists(target)) {
      ctx.stderr.write(`umount: ${target}: no mount point specified.\n`);
      status = 32;
      continue;
    }
    const abs = normalize(proc.fs.realpath(target));
    if (!proc.ns.mnt.mounts.at(abs)) {
      ctx.stderr.write(`umount: ${target}: not mounted.\n`);
      status = 32;
      continue;
    }
    ctx.world.linux.umount(proc, abs);
  }
  return status;
}

export const command: Command = { name: 'umount', summary: 'unmount filesystems', run };
export default command;
