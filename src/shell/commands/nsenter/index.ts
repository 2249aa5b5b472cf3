/**
 * `nsenter` (util-linux 2.38.1): runs a program in the namespaces of another process (-t PID)
 * or of namespace files (`--net=/var/run/netns/red`). Entering a PID namespace forks, so the
 * program gets a pid there; entering a mount namespace moves the cwd to its root, as setns(2)
 * does. Without a program it starts `$SHELL` as a login shell.
 */
import type { Namespace, NamespaceKind } from '../../../emulator/linux/namespaces.ts';
import type { Process } from '../../../emulator/linux/process.ts';
import type { Command, CommandContext } from '../../types.ts';
import { defaultShell, execAs } from '../linux-common/exec.ts';
import { getopt } from '../linux-common/getopt.ts';
import type { LongOption } from '../linux-common/getopt.ts';
import { errx, tryHelp, versionLine } from '../linux-common/util-linux.ts';
import { NSENTER_USAGE } from './usage.ts';
import { namespaceFromFile } from './ns-file.ts';

const LONG: LongOption[] = [
  { name: 'all', has: 0, key: 'a' },
  { name: 'help', has: 0, key: 'h' },
  { name: 'version', has: 0, key: 'V' },
  { name: 'target', has: 1, key: 't' },
  { name: 'mount', has: 2, key: 'm' },
  { name: 'uts', has: 2, key: 'u' },
  { name: 'ipc', has: 2, key: 'i' },
  { name: 'net', has: 2, key: 'n' },
  { name: 'pid', has: 2, key: 'p' },
  { name: 'user', has: 2, key: 'U' },
  { name: 'cgroup', has: 2, key: 'C' },
  { name: 'time', has: 2, key: 'T' },
  { name: 'setuid', has: 1, key: 'S' },
  { name: 'setgid', has: 1, key: 'G' },
  { name: 'preserve-credentials', has: 0, key: 'preserve' },
  { name: 'root', has: 2, key: 'r' },
  { name: 'wd', has: 2, key: 'w' },
  { name: 'no-fork', has: 0, key: 'F' },
];

/** nsenter's namespace_files[] order: user, cgroup, ipc, uts, net, pid, mnt, time. */
const ORDER: NamespaceKind[] = ['user', 'cgroup', 'ipc', 'uts', 'net', 'pid', 'mnt', 'time'];
const FLAG_KINDS: Record<string, NamespaceKind> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', U: 'user', C: 'cgroup', T: 'time' };

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, '+ahVt:m::u::i::n::p::C::U::T::S:G:r::w::F', LONG);
  if (!parsed.ok) return tryHelp(ctx.stderr, 'nsenter', parsed.error);
  const self = ctx.process;
  const linux = ctx.world.linux;
  const enabled = new Map<NamespaceKind, Namespace | undefined>();
  let targetPid: number | undefined;
  let all = false;
  let fork: boolean | undefined;
  let doRoot = false;
  let doWd = false;
  for (const [key, value] of parsed.value.options) {
    if (key === 'h') {
      ctx.stdout.write(NSENTER_USAGE);
      return 0;
    }
    if (key === 'V') {
      ctx.stdout.write(versionLine('nsenter'));
      return 0;
    }
    if (key === 't') {
      if (!/^\d+$/.test(value ?? '')) return errx(ctx.stderr, 'nsenter', `failed to parse pid: '${value}'`);
      targetPid = Number(value);
    } else if (key === 'a') all = true;
    else if (key === 'F') fork = false;
    else if (key === 'r') doRoot = true;
    else if (key === 'w') doWd = true;
    else if (FLAG_KINDS[key]) {
      const kind = FLAG_KINDS[key];
      if (value === undefined) enabled.set(kind, undefined);
      else {
        const file = value.replace(/^=/, '');
        const ns = namespaceFromFile(self, file, kind);
        if (typeof ns === 'string') return errx(ctx.stderr, 'nsenter', `cannot open ${file}: ${ns}`);
        enabled.set(kind, ns);
      }
    } else if (key === 'S' || key === 'G') {
      // uid/gid switching: the learner is root in every namespace here, so nothing changes.
      if (!/^\d+$/.test(value ?? '')) return errx(ctx.stderr, 'nsenter', `failed to parse ${key === 'S' ? 'uid' : 'gid'}: '${value}'`);
    }
  }
  const pidNs = linux.procPidNs(self);
  const target: Process | undefined = targetPid !== undefined && pidNs ? pidNs.members.get(targetPid) : undefined;
  if (all) {
    if (targetPid === undefined) return errx(ctx.stderr, 'nsenter', 'no target PID specified for --all');
    for (const kind of ORDER) {
      if (enabled.has(kind)) continue;
      // is_same_namespace() stats the target's ns/user first.
      if (kind === 'user' && !target) return errx(ctx.stderr, 'nsenter', `stat of /proc/${targetPid}/ns/user failed: No such file or directory`);
      if (kind === 'user' && target && target.ns.user === self.ns.user) continue;
      enabled.set(kind, undefined);
    }
  }
  for (const kind of ORDER) {
    if (!enabled.has(kind) || enabled.get(kind)) continue;
    if (targetPid === undefined) return errx(ctx.stderr, 'nsenter', `neither filename nor target pid supplied for ns/${kind}`);
    if (!target) return errx(ctx.stderr, 'nsenter', `cannot open /proc/${targetPid}/ns/${kind}: No such file or directory`);
    enabled.set(kind, kind === 'pid' ? target.ns.pid : target.ns[kind]);
  }
  // 2.38.1 has no "no namespace specified" check (added in 2.40): without namespaces it just runs
  // the program.
  if ((doRoot || doWd) && !target) {
    if (targetPid === undefined) return errx(ctx.stderr, 'nsenter', `neither filename nor target pid supplied for ${doRoot ? 'root' : 'cwd'}`);
    return errx(ctx.stderr, 'nsenter', `cannot open /proc/${targetPid}/${doRoot ? 'root' : 'cwd'}: No such file or directory`);
  }
  for (const kind of ORDER) {
    const ns = enabled.get(kind);
    if (ns) linux.setns(self, ns, [kind]);
  }
  if (target && enabled.has('user')) {
    self.uid = 0;
    self.user = 'root';
  }
  if (doWd && target) self.cwd = target.cwd;
  const argv = parsed.value.operands.length > 0 ? [...parsed.value.operands] : defaultShell(ctx);
  const forked = fork ?? enabled.has('pid');
  const proc = forked ? linux.spawn(self, { argv }) : self;
  try {
    const status = await execAs(ctx, proc, argv);
    if (status === undefined) return errx(ctx.stderr, 'nsenter', `failed to execute ${argv[0]}: No such file or directory`, 127);
    return status;
  } finally {
    if (proc !== self) linux.exit(proc, 0);
  }
}

export const command: Command = { name: 'nsenter', summary: 'run program in different namespaces', run };
export default command;
