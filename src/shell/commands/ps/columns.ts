/**
 * procps-ng 4.0.2 output columns (ps/output.c format_array): header, minimum width, alignment
 * and value. Cells are padded to the width and separated by one space; a wider value pushes the
 * rest of its row right, as procps does. The last column is not padded.
 */
import type { PidNamespace } from '../../../emulator/linux/namespaces.ts';
import type { Process } from '../../../emulator/linux/process.ts';

/** What a column needs to render one process. */
export interface RowContext {
  proc: Process;
  /** The PID namespace of the /proc ps reads. */
  ns: PidNamespace;
  /** The ps process itself (its STAT gets `+` and R). */
  self: Process;
  now: number;
}

export interface Column {
  header: string;
  width: number;
  align: 'l' | 'r';
  value(r: RowContext): string;
}

const MEM_TOTAL_KB = 4026400;

const pid = (r: RowContext, p: Process | undefined) => (p ? String(p.pidIn(r.ns) ?? 0) : '0');
const parentOf = (r: RowContext) => r.proc.host.process(r.proc.ppid);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** START/STIME: HH:MM within the last 24 hours, else e.g. `Nov28`. */
export function startText(start: number, now: number): string {
  if (now - start < 24 * 3600_000) return hhmm(start);
  const d = new Date(start);
  return `${MONTHS[d.getUTCMonth()]}${String(d.getUTCDate()).padStart(2, '0')}`;
}

function stat(r: RowContext): string {
  const p = r.proc;
  let s = p === r.self ? 'R' : p.state;
  if ((p.argv[0] ?? '').startsWith('-') || (p.pidIn(p.host.initial.pid) === 1)) s += 's';
  if (p === r.self || pipelineSibling(p, r.self)) s += '+';
  return s;
}

/**
 * A later stage of ps's own pipeline (same parent and terminal, forked after ps), so in the
 * terminal's foreground process group: `grep bash` in `ps aux | grep bash` shows `S+`.
 * Background jobs of the same shell were forked before ps and keep a plain `S`.
 */
function pipelineSibling(p: Process, self: Process): boolean {
  return p.ppid === self.ppid && p.pid > self.pid && p.tty !== undefined && p.tty === self.tty;
}

function nsColumn(header: string, kind: 'pid' | 'net' | 'mnt' | 'uts' | 'ipc' | 'user' | 'cgroup'): Column {
  return { header, width: 10, align: 'r', value: (r) => String(r.proc.ns[kind].inode) };
}

function elapsed(r: RowContext): string {
  let s = Math.max(0, Math.floor((r.now - r.proc.startTime) / 1000));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  if (days > 0) return `${days}-${String(h).padStart(2, '0')}:${mmss}`;
  return h > 0 ? `${String(h).padStart(2, '0')}:${mmss}` : mmss;
}

const args = (r: RowContext) => r.proc.argv.join(' ') || `[${r.proc.comm}]`;

/** Format specifiers by name (the `-o` keywords). */
export const COLUMNS: Readonly<Record<string, Column>> = {
  pid: { header: 'PID', width: 7, align: 'r', value: (r) => pid(r, r.proc) },
  ppid: { header: 'PPID', width: 7, align: 'r', value: (r) => pid(r, parentOf(r)) },
  user: { header: 'USER', width: 8, align: 'l', value: (r) => (r.proc.user.length > 8 ? `${r.proc.user.slice(0, 7)}+` : r.proc.user) },
  uid: { header: 'UID', width: 5, align: 'r', value: (r) => String(r.proc.uid) },
  uname: { header: 'USER', width: 8, align: 'l', value: (r) => r.proc.user },
  ruser: { header: 'RUSER', width: 8, align: 'l', value: (r) => r.proc.user },
  '%cpu': { header: '%CPU', width: 4, align: 'r', value: () => '0.0' },
  pcpu: { header: '%CPU', width: 4, align: 'r', value: () => '0.0' },
  '%mem': { header: '%MEM', width: 4, align: 'r', value: (r) => ((r.proc.rss / MEM_TOTAL_KB) * 100).toFixed(1) },
  pmem: { header: '%MEM', width: 4, align: 'r', value: (r) => ((r.proc.rss / MEM_TOTAL_KB) * 100).toFixed(1) },
  vsz: { header: 'VSZ', width: 6, align: 'r', value: (r) => String(r.proc.vsz) },
  rss: { header: 'RSS', width: 5, align: 'r', value: (r) => String(r.proc.rss) },
  tty: { header: 'TT', width: 8, align: 'l', value: (r) => r.proc.tty ?? '?' },
  tname: { header: 'TTY', width: 8, align: 'l', value: (r) => r.proc.tty ?? '?' },
  stat: { header: 'STAT', width: 4, align: 'l', value: stat },
  s: { header: 'S', width: 1, align: 'l', value: (r) => (r.proc === r.self ? 'R' : r.proc.state) },
  start: { header: 'STARTED', width: 8, align: 'r', value: (r) => new Date(r.proc.startTime).toISOString().slice(11, 19) },
  start_time: { header: 'START', width: 5, align: 'r', value: (r) => startText(r.proc.startTime, r.now) },
  stime: { header: 'STIME', width: 5, align: 'l', value: (r) => startText(r.proc.startTime, r.now) },
  bsdstart: { header: 'START', width: 6, align: 'r', value: (r) => startText(r.proc.startTime, r.now) },
  bsdtime: { header: 'TIME', width: 6, align: 'r', value: () => '0:00' },
  time: { header: 'TIME', width: 8, align: 'r', value: () => '00:00:00' },
  etime: { header: 'ELAPSED', width: 11, align: 'r', value: elapsed },
  c: { header: 'C', width: 2, align: 'r', value: () => '0' },
  nlwp: { header: 'NLWP', width: 4, align: 'r', value: () => '1' },
  comm: { header: 'COMMAND', width: 15, align: 'l', value: (r) => r.proc.comm },
  ucmd: { header: 'CMD', width: 15, align: 'l', value: (r) => r.proc.comm },
  args: { header: 'COMMAND', width: 27, align: 'l', value: args },
  command: { header: 'COMMAND', width: 27, align: 'l', value: args },
  cmd: { header: 'CMD', width: 27, align: 'l', value: args },
  pidns: nsColumn('PIDNS', 'pid'),
  netns: nsColumn('NETNS', 'net'),
  mntns: nsColumn('MNTNS', 'mnt'),
  utsns: nsColumn('UTSNS', 'uts'),
  ipcns: nsColumn('IPCNS', 'ipc'),
  userns: nsColumn('USERNS', 'user'),
  cgroupns: nsColumn('CGROUPNS', 'cgroup'),
};

/** One rendered line: cells padded to their widths, the last one bare. */
export function renderRow(columns: readonly Column[], cells: readonly string[]): string {
  return cells
    .map((cell, i) => {
      const c = columns[i];
      if (i === cells.length - 1 && c.align === 'l') return cell;
      return c.align === 'r' ? cell.padStart(c.width) : cell.padEnd(c.width);
    })
    .join(' ');
}
