/**
 * `mount` (util-linux 2.38.1): without arguments lists the caller's mount namespace
 * (`SOURCE on TARGET type FSTYPE (OPTIONS)`), `-t TYPE` filters; `mount -t proc proc /proc`
 * mounts a proc for the caller's PID namespace, `-t tmpfs` an empty tmpfs, `--bind A B` shows
 * directory A at B (in the caller's mount namespace only).
 */
import { isLinuxError } from '../../../emulator/linux/errors.ts';
import type { Command, CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';
import type { LongOption } from '../linux-common/getopt.ts';
import { tryHelp, versionLine } from '../linux-common/util-linux.ts';

const LONG: LongOption[] = [
  { name: 'types', has: 1, key: 't' },
  { name: 'options', has: 1, key: 'o' },
  { name: 'all', has: 0, key: 'a' },
  { name: 'bind', has: 0, key: 'B' },
  { name: 'rbind', has: 0, key: 'R' },
  { name: 'make-private', has: 0, key: 'make-private' },
  { name: 'make-rprivate', has: 0, key: 'make-rprivate' },
  { name: 'make-shared', has: 0, key: 'make-shared' },
  { name: 'make-rshared', has: 0, key: 'make-rshared' },
  { name: 'make-slave', has: 0, key: 'make-slave' },
  { name: 'make-rslave', has: 0, key: 'make-rslave' },
  { name: 'read-only', has: 0, key: 'r' },
  { name: 'verbose', has: 0, key: 'v' },
  { name: 'help', has: 0, key: 'h' },
  { name: 'version', has: 0, key: 'V' },
];

const FSTYPES = new Set(['proc', 'tmpfs', 'sysfs', 'devpts', 'mqueue', 'cgroup2', 'ramfs']);

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'at:o:BRrvhV', LONG);
  if (!parsed.ok) return tryHelp(ctx.stderr, 'mount', parsed.error);
  let type: string | undefined;
  let propagation = false;
  let bind = false;
  for (const [key, value] of parsed.value.options) {
    if (key === 'h') return notAvailable(ctx, 'mount --help');
    if (key === 'V') {
      ctx.stdout.write(versionLine('mount').replace('\n', ' (libmount 2.38.1: selinux, smack, btrfs, verity, namespaces, assert, debug)\n'));
      return 0;
    }
    if (key === 't') type = value;
    else if (key === 'B' || key === 'R') bind = true;
    else if (key.startsWith('make-')) propagation = true;
  }
  const proc = ctx.process;
  const [first, second, extra] = parsed.value.operands;
  if (extra !== undefined) return tryHelp(ctx.stderr, 'mount', 'bad usage');
  if (propagation) {
    // Mount propagation is not modelled: every mount namespace is already private.
    return first === undefined ? tryHelp(ctx.stderr, 'mount', 'bad usage') : 0;
  }
  if (first === undefined) {
    const wanted = type?.split(',');
    const lines = proc.ns.mnt.mounts
      .all()
      .filter((m) => !wanted || wanted.includes(m.fstype))
      .map((m) => `${m.source} on ${m.target} type ${m.fstype} (${m.options})\n`);
    ctx.stdout.write(lines.join(''));
    return 0;
  }
  if (proc.uid !== 0) {
    ctx.stderr.write('mount: only root can do that.\n');
    return 1;
  }
  if (second === undefined) {
    ctx.stderr.write(`mount: ${first}: can't find in /etc/fstab.\n`);
    return 1;
  }
  if (bind) {
    try {
      ctx.world.linux.bindMount(proc, first, second);
    } catch (err) {
      if (isLinuxError(err, 'ENOENT')) {
        ctx.stderr.write(proc.fs.exists(first) ? `mount: ${second}: mount point does not exist.\n` : `mount: ${second}: special device ${first} does not exist.\n`);
        return 32;
      }
      if (isLinuxError(err, 'ENOTDIR')) {
        ctx.stderr.write(`mount: ${second}: mount point is not a directory.\n`);
        return 32;
      }
      throw err;
    }
    ctx.world.markChanged();
    return 0;
  }
  if (type === undefined || !FSTYPES.has(type)) {
    if (type === undefined) return notAvailable(ctx, `mount ${first} ${second}`);
    ctx.stderr.write(`mount: ${second}: unknown filesystem type '${type}'.\n       dmesg(1) may have more information after failed mount system call.\n`);
    return 32;
  }
  try {
    ctx.world.linux.mount(proc, type, first, second);
  } catch (err) {
    if (isLinuxError(err, 'ENOENT')) {
      ctx.stderr.write(`mount: ${second}: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n`);
      return 32;
    }
    if (isLinuxError(err, 'ENOTDIR')) {
      ctx.stderr.write(`mount: ${second}: mount point is not a directory.\n       dmesg(1) may have more information after failed mount system call.\n`);
      return 32;
    }
    throw err;
  }
  ctx.world.markChanged();
  return 0;
}

function notAvailable(ctx: CommandContext, what: string): number {
  ctx.stderr.write(`petlab: '${what}' is not available in this lab\n`);
  return 1;
}

export const command: Command = { name: 'mount', summary: 'mount a filesystem', run };
export default command;
