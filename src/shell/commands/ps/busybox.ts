/**
 * BusyBox 1.36 ps (procps/ps.c with the desktop -o engine), as alpine and busybox images ship
 * it: every process of /proc, columns `PID USER TIME COMMAND`; BSD/UNIX selection flags are
 * accepted and ignored, `-o` picks columns.
 */
import type { Process } from '../../../emulator/linux/process.ts';
import type { CommandContext } from '../../types.ts';

interface BbColumn {
  header: string;
  width: number;
  right: boolean;
  value(p: Process, pid: number, ppid: number): string;
}

const BB: Record<string, BbColumn> = {
  pid: { header: 'PID', width: 5, right: true, value: (_p, pid) => String(pid) },
  ppid: { header: 'PPID', width: 5, right: true, value: (_p, _pid, ppid) => String(ppid) },
  user: { header: 'USER', width: 8, right: false, value: (p) => p.user.slice(0, 8) },
  time: { header: 'TIME', width: 5, right: true, value: () => '0:00' },
  args: { header: 'COMMAND', width: 0, right: false, value: (p) => p.argv.join(' ') },
  comm: { header: 'COMMAND', width: 0, right: false, value: (p) => p.comm },
  vsz: { header: 'VSZ', width: 4, right: true, value: (p) => String(p.vsz) },
  rss: { header: 'RSS', width: 4, right: true, value: (p) => String(p.rss) },
  stat: { header: 'STAT', width: 4, right: false, value: (p) => p.state },
};

function cell(c: BbColumn, text: string, last: boolean): string {
  if (last && !c.right) return text;
  return c.right ? text.padStart(c.width) : text.padEnd(c.width);
}

/** Runs BusyBox ps. */
export function busyboxPs(ctx: CommandContext): number {
  const names: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i];
    if (a === '-o') names.push(...(ctx.args[++i] ?? '').split(','));
    else if (a.startsWith('-o')) names.push(...a.slice(2).split(','));
    else if (!/^-?[aAefwlTxu]*$/.test(a)) {
      ctx.stderr.write(`ps: invalid option -- '${a.replace(/^-/, '')[0] ?? a}'\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n`);
      return 1;
    }
  }
  const columns: BbColumn[] = [];
  for (const spec of names.length > 0 ? names : ['pid', 'user', 'time', 'args']) {
    const [name, header] = spec.split('=');
    const c = BB[name];
    if (!c) {
      ctx.stderr.write(`ps: bad -o argument '${name}', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n`);
      return 1;
    }
    columns.push(header === undefined ? c : { ...c, header });
  }
  const ns = ctx.world.linux.procPidNs(ctx.process);
  if (!ns) return 0;
  const rows = ctx.world.linux.processesIn(ns).map((p) => {
    const pid = p.pidIn(ns) ?? 0;
    const ppid = p.host.process(p.ppid)?.pidIn(ns) ?? 0;
    return columns.map((c, i) => cell(c, c.value(p, pid, ppid), i === columns.length - 1));
  });
  const header = columns.map((c, i) => (i === columns.length - 1 ? c.header : c.header.padEnd(c.width))).join(' ');
  ctx.stdout.write([header, ...rows.map((r) => r.join(' '))].map((l) => `${l}\n`).join(''));
  return 0;
}
