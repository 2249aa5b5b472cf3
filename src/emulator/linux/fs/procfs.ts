/**
 * procfs, generated on every read from the world: one instance per `mount -t proc`, bound to the
 * PID namespace of the process that mounted it (so `unshare --pid --fork` without `--mount-proc`
 * still shows the host's processes, as on Linux). Nothing is stored per process.
 */
import type { PidNamespace } from '../namespaces.ts';
import { NAMESPACE_KINDS } from '../namespaces.ts';
import type { Process } from '../process.ts';
import type { MountTable } from './mounts.ts';
import { GenDir, GenFile, GenLink } from './nodes.ts';
import type { DirNode, Inode, LookupContext } from './nodes.ts';

const STATIC = ['cmdline', 'cpuinfo', 'filesystems', 'loadavg', 'meminfo', 'mounts', 'net', 'self', 'sys', 'thread-self', 'uptime', 'version'];
const PER_PID = ['cgroup', 'cmdline', 'comm', 'cwd', 'environ', 'exe', 'gid_map', 'mountinfo', 'mounts', 'net', 'ns', 'root', 'stat', 'status', 'uid_map'];
const NS_LINKS = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'];

/** The root directory of a proc mount for `pidNs`. `now` gives the virtual time. */
export function procRoot(pidNs: PidNamespace, now: () => number): DirNode {
  const t = now();
  const looker = (ctx: LookupContext): Process | undefined => (ctx.pid === undefined ? undefined : pidNs.host.process(ctx.pid));
  const visible = (pid: number): Process | undefined => {
    const p = pidNs.members.get(pid);
    return p && !p.exited ? p : undefined;
  };
  // /proc/self does not exist for a process this PID namespace cannot see (lookup gives ENOENT).
  const selfLink = (suffix: string, ctx: LookupContext) => {
    const p = looker(ctx);
    const pid = p ? p.pidIn(pidNs) : undefined;
    return pid === undefined ? undefined : new GenLink(t, () => `${pid}${suffix}`);
  };
  const host = pidNs.host;
  const statics: Record<string, (ctx: LookupContext) => Inode | undefined> = {
    cmdline: () => new GenFile(t, () => `BOOT_IMAGE=/boot/vmlinuz-${host.kernelRelease} root=/dev/vda1 ro quiet\n`),
    cpuinfo: () => new GenFile(t, () => cpuinfo()),
    filesystems: () => new GenFile(t, () => 'nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tcgroup2\nnodev\tdevpts\nnodev\tmqueue\nnodev\toverlay\n\text4\n'),
    loadavg: () => new GenFile(t, () => `0.08 0.03 0.01 1/${pidNs.members.size} ${pidNs.nextPid - 1}\n`),
    meminfo: () => new GenFile(t, () => 'MemTotal:        4026400 kB\nMemFree:         3112052 kB\nMemAvailable:    3641208 kB\n'),
    mounts: () => new GenLink(t, () => 'self/mounts'),
    net: () => new GenLink(t, () => 'self/net'),
    self: (ctx) => selfLink('', ctx),
    'thread-self': (ctx) => selfLink('/task', ctx),
    sys: () => sysDir(pidNs, t, looker),
    uptime: () => new GenFile(t, () => {
      const up = (now() - host.bootTime) / 1000;
      return `${up.toFixed(2)} ${(up * 1.9).toFixed(2)}\n`;
    }),
    version: () => new GenFile(t, () => `Linux version ${host.kernelRelease} (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) ${host.kernelVersion}\n`),
  };
  return new GenDir(
    t,
    () => [...[...pidNs.members.keys()].filter((pid) => visible(pid)).sort((a, b) => a - b).map(String), ...STATIC],
    (name, ctx) => {
      if (/^[1-9]\d*$/.test(name)) {
        const p = visible(Number(name));
        return p ? pidDir(p, pidNs, t, now) : undefined;
      }
      return statics[name]?.(ctx);
    },
  );
}

function pidDir(p: Process, pidNs: PidNamespace, t: number, now: () => number): DirNode {
  const parent = p.host.process(p.ppid);
  const files: Record<string, () => Inode> = {
    cgroup: () => new GenFile(t, () => '0::/\n'),
    cmdline: () => new GenFile(t, () => p.argv.map((a) => `${a}\0`).join('')),
    comm: () => new GenFile(t, () => `${p.comm}\n`),
    cwd: () => new GenLink(t, () => p.cwd),
    environ: () => new GenFile(t, () => Object.entries(p.env).map(([k, v]) => `${k}=${v}\0`).join('')),
    exe: () => new GenLink(t, () => (p.argv[0]?.startsWith('/') ? p.argv[0] : `/usr/bin/${p.comm}`)),
    gid_map: () => new GenFile(t, () => formatMap(p.ns.user.gidMap)),
    mountinfo: () => new GenFile(t, () => formatMountinfo(p.ns.mnt.mounts, p.host.linux.mountBase)),
    mounts: () => new GenFile(t, () => formatMounts(p.ns.mnt.mounts)),
    net: () => new GenDir(t, () => ['dev'], (n) => (n === 'dev' ? new GenFile(t, () => netDev(p)) : undefined)),
    ns: () => nsDir(p, t),
    root: () => new GenLink(t, () => '/'),
    stat: () => new GenFile(t, () => `${p.pidIn(pidNs)} (${p.comm}) ${p.state} ${parent?.pidIn(pidNs) ?? 0} 0 0 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 ${Math.floor((p.startTime - p.host.bootTime) / 10)}\n`),
    status: () => new GenFile(t, () => status(p, pidNs)),
    uid_map: () => new GenFile(t, () => formatMap(p.ns.user.uidMap)),
  };
  void now;
  return new GenDir(t, () => PER_PID, (name) => files[name]?.());
}

function nsDir(p: Process, t: number): DirNode {
  return new GenDir(
    t,
    () => NS_LINKS,
    (name) => {
      if (name === 'pid_for_children') return new GenLink(t, () => (p.pidForChildren ?? p.ns.pid).link);
      if (name === 'time_for_children') return new GenLink(t, () => p.ns.time.link);
      const kind = NAMESPACE_KINDS.find((k) => k === name);
      return kind ? new GenLink(t, () => p.ns[kind].link) : undefined;
    },
    0o511,
  );
}

function sysDir(pidNs: PidNamespace, t: number, looker: (ctx: LookupContext) => Process | undefined): DirNode {
  const dir = (entries: Record<string, () => Inode>) => new GenDir(t, () => Object.keys(entries), (n) => entries[n]?.());
  const me = (ctx: LookupContext) => looker(ctx) ?? pidNs.host.init;
  return dir({
    kernel: () =>
      dir({
        hostname: () => new GenFile(t, (ctx) => `${me(ctx).ns.uts.hostname}\n`, (data, ctx) => {
          me(ctx).ns.uts.hostname = data.replace(/\n$/, '').slice(0, 64);
        }),
        osrelease: () => new GenFile(t, () => `${pidNs.host.kernelRelease}\n`),
        ostype: () => new GenFile(t, () => 'Linux\n'),
      }),
    net: () =>
      dir({
        ipv4: () =>
          dir({
            ip_forward: () => new GenFile(t, (ctx) => (me(ctx).ns.net.stack.ipForward ? '1\n' : '0\n'), (data, ctx) => {
              me(ctx).ns.net.stack.ipForward = data.trim() === '1';
            }),
          }),
      }),
  });
}

function status(p: Process, pidNs: PidNamespace): string {
  const parent = p.host.process(p.ppid);
  const chain = p.pids.slice(pidNs.level).join('\t');
  const state = { R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)' }[p.state];
  return [
    `Name:\t${p.comm}`,
    'Umask:\t0022',
    `State:\t${state}`,
    `Tgid:\t${p.pidIn(pidNs)}`,
    'Ngid:\t0',
    `Pid:\t${p.pidIn(pidNs)}`,
    `PPid:\t${parent?.pidIn(pidNs) ?? 0}`,
    'TracerPid:\t0',
    `Uid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}`,
    `Gid:\t${p.gid}\t${p.gid}\t${p.gid}\t${p.gid}`,
    'FDSize:\t256',
    `Groups:\t${p.gid} `,
    `NStgid:\t${chain}`,
    `NSpid:\t${chain}`,
    `NSpgid:\t${chain}`,
    `NSsid:\t${chain}`,
    `VmSize:\t${String(p.vsz).padStart(8)} kB`,
    `VmRSS:\t${String(p.rss).padStart(8)} kB`,
    'Threads:\t1',
    '',
  ].join('\n');
}

function formatMap(map: [number, number, number][]): string {
  return map.map(([a, b, c]) => `${String(a).padStart(10)} ${String(b).padStart(10)} ${String(c).padStart(10)}\n`).join('');
}

/** /proc/mounts lines: `source target fstype options 0 0`. */
export function formatMounts(table: MountTable): string {
  return table.all().map((m) => `${m.source} ${m.target} ${m.fstype} ${m.options} 0 0\n`).join('');
}

function formatMountinfo(table: MountTable, base: number): string {
  const all = table.all();
  const id = (n: number) => n - base + 21;
  return all
    .map((m) => {
      const parent = all.filter((x) => x !== m && x.id < m.id && (x.target === '/' || m.target.startsWith(`${x.target}/`))).pop();
      return `${id(m.id)} ${parent ? id(parent.id) : 1} 0:${id(m.id)} / ${m.target} ${m.options} - ${m.fstype} ${m.source} ${m.readOnly ? 'ro' : 'rw'}\n`;
    })
    .join('');
}

function netDev(p: Process): string {
  const head = 'Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  return head + p.ns.net.stack.all().map((l) => `${l.name.padStart(6)}:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n`).join('');
}

function cpuinfo(): string {
  const one = (n: number) => `processor\t: ${n}\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\ncpu cores\t: 2\n\n`;
  return one(0) + one(1);
}
