/**
 * `ps` (procps-ng 4.0.2): lists the processes of the PID namespace that the caller's /proc
 * shows — so after `unshare --pid --fork` without `--mount-proc`, ps still lists the host's
 * processes, as on Linux. Supports the BSD (`aux`, `ax`, `o`), UNIX (`-e`, `-A`, `-f`, `-o`,
 * `-p`, `-C`) and `--no-headers` forms tutorials use.
 */
import { letSiblingsStart } from '../linux-common/siblings.ts';
import type { Process } from '../../../emulator/linux/process.ts';
import type { Command, CommandContext } from '../../types.ts';
import { COLUMNS, renderRow } from './columns.ts';
import type { Column, RowContext } from './columns.ts';
import { busyboxPs } from './busybox.ts';
import { isBusyBox } from '../linux-common/busybox.ts';

const USAGE_TAIL = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

interface Selection {
  all: boolean;
  withoutTty: boolean;
  bsdAll: boolean;
  pids: number[];
  commands: string[];
  users: string[];
  format: string[];
  headers: boolean;
  forest: boolean;
}

const FULL: Column = { header: 'UID', width: 8, align: 'l', value: (r) => r.proc.user };

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`error: ${message}\n${USAGE_TAIL}`);
  return 1;
}

async function run(ctx: CommandContext): Promise<number> {
  if (isBusyBox(ctx.process, 'ps')) return busyboxPs(ctx);
  const sel: Selection = { all: false, withoutTty: false, bsdAll: false, pids: [], commands: [], users: [], format: [], headers: true, forest: false };
  let style: 'default' | 'bsd-u' | 'full' = 'default';
  const custom: Column[] = [];
  const args = [...ctx.args];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    if (a === '--no-headers' || a === '--no-heading') {
      sel.headers = false;
      continue;
    }
    if (a === '--forest') {
      sel.forest = true;
      continue;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split('=');
      if (name === 'pid') sel.pids.push(...(value ?? next() ?? '').split(',').map(Number));
      else if (name === 'format') {
        const err = addFormat(value ?? next() ?? '', custom);
        if (err) return fail(ctx, err);
      } else if (name === 'help') return notAvailable(ctx, 'ps --help');
      else return fail(ctx, 'unknown gnu long option');
      continue;
    }
    if (a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const rest = () => (a.slice(j + 1) !== '' ? a.slice(j + 1) : next() ?? '');
        if (c === 'e' || c === 'A') sel.all = true;
        else if (c === 'f') style = 'full';
        else if (c === 'a' || c === 'x') sel.all = sel.all || c === 'x';
        else if (c === 'o') {
          const err = addFormat(rest(), custom);
          if (err) return fail(ctx, err);
          break;
        } else if (c === 'p' || c === 'q') {
          sel.pids.push(...rest().split(',').map(Number));
          break;
        } else if (c === 'C') {
          sel.commands.push(...rest().split(','));
          break;
        } else if (c === 'u' || c === 'U') {
          sel.users.push(...rest().split(','));
          break;
        } else if (c === 'w' || c === 'H') continue;
        else return fail(ctx, 'unsupported SysV option');
      }
      continue;
    }
    for (let j = 0; j < a.length; j++) {
      const c = a[j];
      if (c === 'a') sel.bsdAll = true;
      else if (c === 'x') sel.withoutTty = true;
      else if (c === 'u') style = 'bsd-u';
      else if (c === 'f') sel.forest = true;
      else if (c === 'w') continue;
      else if (c === 'o') {
        const err = addFormat(a.slice(j + 1) || next() || '', custom);
        if (err) return fail(ctx, err);
        break;
      } else if (c === 'p') {
        sel.pids.push(...(a.slice(j + 1) || next() || '').split(',').map(Number));
        break;
      } else if (/[0-9]/.test(c)) {
        sel.pids.push(Number(a.slice(j)));
        break;
      } else return fail(ctx, 'unsupported option (BSD syntax)');
    }
  }
  await letSiblingsStart();
  const self = ctx.process;
  const ns = ctx.world.linux.procPidNs(self);
  if (!ns) {
    ctx.stderr.write('Error, do this: mount -t proc proc /proc\n');
    return 1;
  }
  const columns = custom.length > 0 ? custom : formatFor(style);
  let procs = ctx.world.linux.processesIn(ns).filter((p) => selected(p, self, sel));
  const prefixes = new Map<Process, string>();
  if (sel.forest) procs = forestOrder(procs, prefixes);
  const now = ctx.world.now();
  const out: string[] = [];
  if (sel.headers && columns.some((c) => c.header !== '')) out.push(renderRow(columns, columns.map((c) => c.header)).trimEnd());
  const treeColumn = columns.findIndex((c) => c === COLUMNS.args || c === COLUMNS.command || c === COLUMNS.cmd || c === COLUMNS.comm || c === COLUMNS.ucmd);
  for (const proc of procs) {
    const row: RowContext = { proc, ns, self, now };
    const cells = columns.map((c) => c.value(row));
    if (treeColumn >= 0 && prefixes.has(proc)) cells[treeColumn] = prefixes.get(proc)! + cells[treeColumn];
    out.push(renderRow(columns, cells));
  }
  ctx.stdout.write(out.map((l) => `${l}\n`).join(''));
  return sel.pids.length > 0 && procs.length === 0 ? 1 : 0;
}

function selected(p: Process, self: Process, sel: Selection): boolean {
  const explicit = sel.pids.length > 0 || sel.commands.length > 0 || sel.users.length > 0;
  if (explicit) {
    return (
      sel.pids.includes(pidSeen(p, self)) ||
      sel.commands.includes(p.comm) ||
      sel.users.includes(p.user) ||
      sel.users.includes(String(p.uid))
    );
  }
  if (sel.all || (sel.bsdAll && sel.withoutTty)) return true;
  if (sel.bsdAll) return p.tty !== undefined;
  if (sel.withoutTty) return p.uid === self.uid;
  return p.tty === self.tty && p.uid === self.uid;
}

/**
 * procps's forest (`ps f`, `--forest`): depth-first from processes whose parent is not listed,
 * children by pid, each prefixed with " \\_ " and " |  " / "    " for its ancestors' levels.
 */
function forestOrder(procs: Process[], prefixes: Map<Process, string>): Process[] {
  const listed = new Set(procs);
  const children = new Map<number, Process[]>();
  for (const p of procs) {
    const list = children.get(p.ppid) ?? [];
    list.push(p);
    children.set(p.ppid, list);
  }
  const out: Process[] = [];
  const visit = (p: Process, lead: string, depth: number, last: boolean) => {
    prefixes.set(p, depth === 0 ? '' : `${lead} \\_ `);
    out.push(p);
    const kids = children.get(p.pid) ?? [];
    const nextLead = depth === 0 ? '' : `${lead}${last ? '    ' : ' |  '}`;
    kids.forEach((k, i) => visit(k, nextLead, depth + 1, i === kids.length - 1));
  };
  const roots = procs.filter((p) => !listed.has(p.host.process(p.ppid)!));
  for (const r of roots) visit(r, '', 0, true);
  return out;
}

function pidSeen(p: Process, self: Process): number {
  const ns = self.host.linux.procPidNs(self);
  return (ns && p.pidIn(ns)) ?? -1;
}

function formatFor(style: 'default' | 'bsd-u' | 'full'): Column[] {
  const c = COLUMNS;
  if (style === 'bsd-u') return [c.user, c.pid, c['%cpu'], c['%mem'], c.vsz, c.rss, c.tname, c.stat, c.start_time, c.bsdtime, c.command];
  if (style === 'full') return [FULL, c.pid, c.ppid, c.c, c.stime, c.tname, c.time, c.cmd];
  return [c.pid, c.tname, c.time, c.ucmd];
}

/** Adds `-o` specifiers (`pid,comm`, `pid=`, `user=NAME`); returns an error text for unknown ones. */
function addFormat(spec: string, into: Column[]): string | undefined {
  const items = spec.split(/[,\s]+/).filter((s) => s !== '');
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const eq = item.indexOf('=');
    const name = (eq >= 0 ? item.slice(0, eq) : item).toLowerCase();
    const column = COLUMNS[name];
    if (!column) return `unknown user-defined format specifier "${name}"`;
    if (eq >= 0) {
      // `pid=HEADER` takes the rest of the spec as the header, commas included.
      const header = [item.slice(eq + 1), ...items.slice(i + 1)].join(',');
      into.push({ ...column, header, width: Math.max(column.width, header.length) });
      return undefined;
    }
    into.push(column);
  }
  return undefined;
}

function notAvailable(ctx: CommandContext, what: string): number {
  ctx.stderr.write(`petlab: '${what}' is not available in this lab\n`);
  return 1;
}

export const command: Command = { name: 'ps', summary: 'report a snapshot of the current processes', run };
export default command;
