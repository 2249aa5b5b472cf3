/**
 * `unshare` (util-linux 2.38.1): runs a program in new namespaces. The command's own process
 * unshares; with --fork a child runs the program (the first process of a new PID namespace
 * is its PID 1); --mount-proc mounts a proc for that PID namespace in the new mount namespace.
 * Without a program it starts `$SHELL` as a login shell, as util-linux's exec_shell() does.
 */
import type { NamespaceKind } from '../../../emulator/linux/namespaces.ts';
import { isLinuxError } from '../../../emulator/linux/errors.ts';
import type { Command, CommandContext } from '../../types.ts';
import { defaultShell, execAs } from '../linux-common/exec.ts';
import { getopt } from '../linux-common/getopt.ts';
import type { LongOption } from '../linux-common/getopt.ts';
import { errx, tryHelp, versionLine } from '../linux-common/util-linux.ts';
import { UNSHARE_USAGE } from './usage.ts';

const LONG: LongOption[] = [
  { name: 'help', has: 0, key: 'h' },
  { name: 'version', has: 0, key: 'V' },
  { name: 'mount', has: 2, key: 'm' },
  { name: 'uts', has: 2, key: 'u' },
  { name: 'ipc', has: 2, key: 'i' },
  { name: 'net', has: 2, key: 'n' },
  { name: 'pid', has: 2, key: 'p' },
  { name: 'user', has: 2, key: 'U' },
  { name: 'cgroup', has: 2, key: 'C' },
  { name: 'time', has: 2, key: 'T' },
  { name: 'fork', has: 0, key: 'f' },
  { name: 'kill-child', has: 2, key: 'kill-child' },
  { name: 'mount-proc', has: 2, key: 'mount-proc' },
  { name: 'map-user', has: 1, key: 'map-user' },
  { name: 'map-users', has: 1, key: 'map-users' },
  { name: 'map-group', has: 1, key: 'map-group' },
  { name: 'map-groups', has: 1, key: 'map-groups' },
  { name: 'map-root-user', has: 0, key: 'r' },
  { name: 'map-current-user', has: 0, key: 'c' },
  { name: 'map-auto', has: 0, key: 'map-auto' },
  { name: 'propagation', has: 1, key: 'propagation' },
  { name: 'setgroups', has: 1, key: 'setgroups' },
  { name: 'keep-caps', has: 0, key: 'keep-caps' },
  { name: 'setuid', has: 1, key: 'S' },
  { name: 'setgid', has: 1, key: 'G' },
  { name: 'root', has: 1, key: 'R' },
  { name: 'wd', has: 1, key: 'w' },
  { name: 'monotonic', has: 1, key: 'monotonic' },
  { name: 'boottime', has: 1, key: 'boottime' },
];

const FLAG_KINDS: Record<string, NamespaceKind> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', U: 'user', C: 'cgroup', T: 'time' };
const UNSUPPORTED = new Set(['map-user', 'map-users', 'map-group', 'map-groups', 'map-auto', 'R', 'S', 'G', 'monotonic', 'boottime', 'setgroups']);

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, '+fhVmuinpCTUrR:w:S:G:c', LONG);
  if (!parsed.ok) return tryHelp(ctx.stderr, 'unshare', parsed.error);
  const kinds = new Set<NamespaceKind>();
  let fork = false;
  let mapRoot = false;
  let procDir: string | undefined;
  let wd: string | undefined;
  for (const [key, value] of parsed.value.options) {
    if (key === 'h') {
      ctx.stdout.write(UNSHARE_USAGE);
      return 0;
    }
    if (key === 'V') {
      ctx.stdout.write(versionLine('unshare'));
      return 0;
    }
    if (FLAG_KINDS[key]) {
      if (value !== undefined) return notAvailable(ctx, `unshare --${longName(key)}=<file>`);
      kinds.add(FLAG_KINDS[key]);
    } else if (key === 'f' || key === 'kill-child') fork = true;
    else if (key === 'mount-proc') {
      kinds.add('mnt');
      procDir = value ?? '/proc';
    } else if (key === 'r' || key === 'c') {
      kinds.add('user');
      mapRoot = key === 'r' || ctx.process.uid === 0;
    } else if (key === 'propagation') {
      if (!['slave', 'shared', 'private', 'unchanged'].includes(value ?? '')) return errx(ctx.stderr, 'unshare', `unsupported propagation mode: ${value}`);
    } else if (key === 'w') wd = value;
    else if (UNSUPPORTED.has(key)) return notAvailable(ctx, `unshare --${LONG.find((l) => l.key === key)?.name ?? key}`);
  }
  const linux = ctx.world.linux;
  const self = ctx.process;
  if (self.uid !== 0 && !kinds.has('user') && kinds.size > 0) return errx(ctx.stderr, 'unshare', 'unshare failed: Operation not permitted');
  linux.unshare(self, [...kinds], { mapRootUser: mapRoot });
  const argv = parsed.value.operands.length > 0 ? [...parsed.value.operands] : defaultShell(ctx);
  let target = self;
  if (fork) target = linux.spawn(self, { argv });
  try {
    if (procDir !== undefined) {
      try {
        linux.mount(target, 'proc', 'proc', procDir);
      } catch (err) {
        if (isLinuxError(err)) return errx(ctx.stderr, 'unshare', `mount ${procDir} failed: ${err.message}`);
        throw err;
      }
    }
    if (wd !== undefined) {
      // chdir(2)'s errno: ENOENT for a missing path, ENOTDIR for a file.
      let why = 'Not a directory';
      try {
        if (target.fs.stat(wd).type === 'dir') {
          target.cwd = target.fs.realpath(wd);
          why = '';
        }
      } catch (err) {
        why = isLinuxError(err) ? err.message : 'No such file or directory';
      }
      if (why) return errx(ctx.stderr, 'unshare', `cannot change directory to ${wd}: ${why}`);
    }
    const status = await execAs(ctx, target, argv);
    if (status === undefined) return errx(ctx.stderr, 'unshare', `failed to execute ${argv[0]}: No such file or directory`, 127);
    return status;
  } finally {
    if (target !== self) linux.exit(target, 0);
  }
}

function longName(key: string): string {
  return LONG.find((l) => l.key === key)?.name ?? key;
}

function notAvailable(ctx: CommandContext, what: string): number {
  ctx.stderr.write(`petlab: '${what}' is not available in this lab\n`);
  return 1;
}

export const command: Command = { name: 'unshare', summary: 'run a program with some namespaces unshared from the parent', run };
export default command;
