/** `ip netns` (iproute2 6.1 ip/ipnetns.c): list, add, delete, exec, identify, pids. */
import { isLinuxError } from '../../../emulator/linux/errors.ts';
import { execAs } from '../linux-common/exec.ts';
import { IpExit, matches, notAvailable, unknownCommand } from './common.ts';
import type { IpContext } from './common.ts';

const RUN_DIR = '/var/run/netns';

/** Runs `ip netns ARGS` (async: `exec` runs a program). */
export async function ipNetns(ip: IpContext, args: string[]): Promise<number> {
  const [verb = 'list', ...rest] = args;
  if (matches(verb, 'list') || matches(verb, 'show') || verb === 'lst') return list(ip);
  if (matches(verb, 'add')) return add(ip, rest);
  if (matches(verb, 'delete')) return del(ip, rest);
  if (matches(verb, 'exec')) return exec(ip, rest);
  if (matches(verb, 'identify')) return identify(ip, rest);
  if (matches(verb, 'pids')) return pids(ip, rest);
  if (matches(verb, 'help')) throw notAvailable('ip netns help');
  throw unknownCommand(verb, 'netns');
}

function list(ip: IpContext): number {
  const host = ip.ctx.process.host;
  // /var/run/netns is a tmpfs directory: readdir returns the newest entry first.
  const names = [...host.namedNetns.keys()].reverse();
  const lines = names.map((name) => {
    const id = ip.netns.stack.nsids.get(host.namedNetns.get(name)!);
    return id === undefined ? `${name}\n` : `${name} (id: ${id})\n`;
  });
  ip.ctx.stdout.write(lines.join(''));
  return 0;
}

function checkName(name: string | undefined): string {
  if (name === undefined) throw new IpExit('No netns name specified\n', 255);
  if (name === '' || name === '.' || name === '..' || name.includes('/')) throw new IpExit(`Invalid netns name "${name}"\n`, 255);
  return name;
}

function add(ip: IpContext, args: string[]): number {
  const name = checkName(args[0]);
  const proc = ip.ctx.process;
  try {
    ip.net.addNamed(proc, name);
  } catch (err) {
    if (isLinuxError(err, 'EEXIST')) throw new IpExit(`Cannot create namespace file "${RUN_DIR}/${name}": File exists\n`, 1);
    throw err;
  }
  try {
    proc.fs.mkdir(RUN_DIR, { recursive: true });
    proc.fs.writeFile(`${RUN_DIR}/${name}`, '');
  } catch {
    // The bind mount lives in the kernel model; the file is only for `ls`.
  }
  return 0;
}

function del(ip: IpContext, args: string[]): number {
  const name = checkName(args[0]);
  const proc = ip.ctx.process;
  try {
    ip.net.deleteNamed(proc.host, name);
  } catch (err) {
    if (isLinuxError(err, 'ENOENT')) throw new IpExit(`Cannot remove namespace file "${RUN_DIR}/${name}": No such file or directory\n`, 1);
    throw err;
  }
  proc.fs.rm(`${RUN_DIR}/${name}`, { force: true });
  return 0;
}

async function exec(ip: IpContext, args: string[]): Promise<number> {
  const name = checkName(args[0]);
  const argv = args.slice(1);
  const proc = ip.ctx.process;
  // netns_exec() checks the argument count before netns_switch() opens the namespace.
  if (argv.length === 0) throw new IpExit('No command specified\n', 255);
  const ns = proc.host.namedNetns.get(name);
  if (!ns) throw new IpExit(`Cannot open network namespace "${name}": No such file or directory\n`, 1);
  const linux = ip.ctx.world.linux;
  // netns_switch(): a private mount namespace (to remount /sys), then setns to the netns.
  linux.unshare(proc, ['mnt']);
  linux.setns(proc, ns, ['net']);
  proc.cwd = ip.ctx.cwd;
  const status = await execAs(ip.ctx, proc, argv);
  // lib/exec.c cmd_exec(): the message, then _exit(1) in the process that tried execvp().
  if (status === undefined) throw new IpExit(`exec of "${argv[0]}" failed: No such file or directory\n`, 1);
  return status;
}

function identify(ip: IpContext, args: string[]): number {
  const proc = ip.ctx.process;
  let target = proc;
  if (args[0] !== undefined) {
    const pidNs = ip.ctx.world.linux.procPidNs(proc);
    const found = /^\d+$/.test(args[0]) ? pidNs?.members.get(Number(args[0])) : undefined;
    if (!found) throw new IpExit(`Cannot open network namespace: No such file or directory\n`, 1);
    target = found;
  }
  const names = [...proc.host.namedNetns.entries()].filter(([, ns]) => ns === target.ns.net).map(([n]) => `${n}\n`);
  ip.ctx.stdout.write(names.join(''));
  return 0;
}

function pids(ip: IpContext, args: string[]): number {
  const name = checkName(args[0]);
  const proc = ip.ctx.process;
  const ns = proc.host.namedNetns.get(name);
  if (!ns) throw new IpExit(`Cannot open network namespace "${name}": No such file or directory\n`, 1);
  const pidNs = ip.ctx.world.linux.procPidNs(proc);
  const list = pidNs ? ip.ctx.world.linux.processesIn(pidNs).filter((p) => p.ns.net === ns).map((p) => `${p.pidIn(pidNs)}\n`) : [];
  ip.ctx.stdout.write(list.join(''));
  return 0;
}
