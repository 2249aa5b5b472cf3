/**
 * `lsns` (util-linux 2.38.1): the namespaces of the processes the caller's /proc shows, one line
 * per namespace with how many processes use it and the lowest such PID and its command line.
 * Columns as libsmartcols lays them out: each as wide as its widest cell or its width hint
 * (NS 10, TYPE/NPROCS/PID/PPID 5), one space apart, numbers right-aligned, the last column unpadded. `-t net` adds NETNSID and NSFS.
 */
import type { Namespace, NamespaceKind, NetNamespace } from '../../../emulator/linux/namespaces.ts';
import { NAMESPACE_KINDS } from '../../../emulator/linux/namespaces.ts';
import type { Process } from '../../../emulator/linux/process.ts';
import type { Command, CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';
import type { LongOption } from '../linux-common/getopt.ts';
import { errx, tryHelp, versionLine } from '../linux-common/util-linux.ts';
import { LSNS_USAGE } from './usage.ts';

const LONG: LongOption[] = [
  { name: 'json', has: 0, key: 'J' },
  { name: 'task', has: 1, key: 'p' },
  { name: 'help', has: 0, key: 'h' },
  { name: 'output', has: 1, key: 'o' },
  { name: 'output-all', has: 0, key: 'output-all' },
  { name: 'notruncate', has: 0, key: 'u' },
  { name: 'version', has: 0, key: 'V' },
  { name: 'noheadings', has: 0, key: 'n' },
  { name: 'nowrap', has: 0, key: 'W' },
  { name: 'list', has: 0, key: 'l' },
  { name: 'raw', has: 0, key: 'r' },
  { name: 'type', has: 1, key: 't' },
  { name: 'tree', has: 2, key: 'T' },
];

interface Row {
  ns: Namespace;
  procs: Process[];
  lowest?: Process;
  lowestPid?: number;
}

interface Col {
  name: string;
  right: boolean;
  /** lsns.c infos[].whint: libsmartcols widens a column to this when header and data are narrower. */
  hint?: number;
  value(row: Row): string;
}

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'Jlp:o:nruhVt:T::W', LONG);
  if (!parsed.ok) return tryHelp(ctx.stderr, 'lsns', parsed.error);
  const types = new Set<NamespaceKind>();
  let taskPid: number | undefined;
  let headings = true;
  let raw = false;
  let listFormat = false;
  let treeRel: string | undefined;
  let outputs: string[] | undefined;
  for (const [key, value] of parsed.value.options) {
    if (key === 'h') {
      ctx.stdout.write(LSNS_USAGE);
      return 0;
    }
    if (key === 'V') {
      ctx.stdout.write(versionLine('lsns'));
      return 0;
    }
    if (key === 't') {
      const kind = NAMESPACE_KINDS.find((k) => k === value);
      if (!kind) return errx(ctx.stderr, 'lsns', `unknown namespace type: ${value}`);
      types.add(kind);
    } else if (key === 'p') {
      if (!/^\d+$/.test(value ?? '')) return errx(ctx.stderr, 'lsns', `invalid PID argument: '${value}'`);
      taskPid = Number(value);
    } else if (key === 'n') headings = false;
    else if (key === 'r') raw = true;
    else if (key === 'l') listFormat = true;
    else if (key === 'o') outputs = (value ?? '').split(',');
    else if (key === 'J') return notAvailable(ctx, 'lsns --json');
    else if (key === 'T') {
      // --tree=process is the default drawing; the namespace-relation trees are not modelled.
      const rel = (value ?? 'owner').replace(/^=/, '');
      if (!['parent', 'owner', 'process'].includes(rel)) return errx(ctx.stderr, 'lsns', `unknown tree type: ${rel}`);
      treeRel = rel;
    }
  }
  if (parsed.value.operands.length > 1) return tryHelp(ctx.stderr, 'lsns', 'too many arguments');
  const self = ctx.process;
  const pidNs = ctx.world.linux.procPidNs(self);
  const visible = pidNs ? ctx.world.linux.processesIn(pidNs).filter((p) => self.uid === 0 || p.uid === self.uid) : [];
  const rows = new Map<Namespace, Row>();
  for (const p of visible) {
    const pid = pidNs ? p.pidIn(pidNs) : undefined;
    for (const kind of NAMESPACE_KINDS) {
      const ns = p.ns[kind];
      let row = rows.get(ns);
      if (!row) rows.set(ns, (row = { ns, procs: [] }));
      row.procs.push(p);
      if (pid !== undefined && (row.lowestPid === undefined || pid < row.lowestPid)) {
        row.lowestPid = pid;
        row.lowest = p;
      }
    }
  }
  let list = [...rows.values()];
  const only = parsed.value.operands[0];
  if (only !== undefined) {
    // strtou64_or_err(argv[optind], "invalid namespace argument"), then "not found namespace: %ju".
    if (!/^\d+$/.test(only)) return errx(ctx.stderr, 'lsns', `invalid namespace argument: '${only}'`);
    list = list.filter((r) => String(r.ns.inode) === String(Number(only)));
    if (list.length === 0) return errx(ctx.stderr, 'lsns', `not found namespace: ${Number(only)}`);
  }
  if (treeRel !== undefined && treeRel !== 'process') return notAvailable(ctx, `lsns --tree=${treeRel}`);
  if (types.size > 0) list = list.filter((r) => types.has(r.ns.kind));
  if (taskPid !== undefined) {
    const task = pidNs?.members.get(taskPid);
    if (!task) return errx(ctx.stderr, 'lsns', `not found PID ${taskPid}`);
    list = list.filter((r) => NAMESPACE_KINDS.some((k) => task.ns[k] === r.ns));
  }
  list.sort((a, b) => a.ns.inode - b.ns.inode);
  const netOnly = types.size === 1 && types.has('net');
  const all = columns(self);
  const names = outputs ?? ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', ...(netOnly ? ['NETNSID', 'NSFS'] : []), 'COMMAND'];
  const cols: Col[] = [];
  for (const name of names) {
    const col = all[name.toUpperCase()];
    if (!col && ['PNS', 'ONS'].includes(name.toUpperCase())) return notAvailable(ctx, `lsns -o ${name.toUpperCase()}`);
    if (!col) return errx(ctx.stderr, 'lsns', `unknown column: ${name}`);
    cols.push(col);
  }
  // lsns.c: the default columns (no -o, no -l) use --tree=process: a namespace whose lowest
  // process is the child of another row's process is drawn under that row in COMMAND.
  const tree = (treeRel === 'process' || (outputs === undefined && !listFormat)) && !raw;
  const table = processTree(list, tree).map(({ row, art }) => cols.map((c) => (c.name === 'COMMAND' ? art + c.value(row) : c.value(row))));
  ctx.stdout.write(render(cols, headings ? [cols.map((c) => c.name), ...table] : table, raw));
  return 0;
}

interface TreeNode {
  row: Row;
  children: TreeNode[];
}

/**
 * The rows in libsmartcols tree order with their tree art (`├─`, `└─`, `│ `): add_scols_line()
 * hangs a row under the latest line of its lowest process's parent (`proc->parent->outline`),
 * rows taken in inode order; children print right after their parent. Flat when `tree` is false.
 */
function processTree(list: readonly Row[], tree: boolean): { row: Row; art: string }[] {
  if (!tree) return list.map((row) => ({ row, art: '' }));
  const outline = new Map<Process, TreeNode>();
  const roots: TreeNode[] = [];
  for (const row of list) {
    const node: TreeNode = { row, children: [] };
    const parentProc = row.lowest?.host.process(row.lowest.ppid);
    const parent = parentProc ? outline.get(parentProc) : undefined;
    (parent ? parent.children : roots).push(node);
    if (row.lowest) outline.set(row.lowest, node);
  }
  const out: { row: Row; art: string }[] = [];
  const walk = (nodes: TreeNode[], indent: string, depth: number) => {
    nodes.forEach((n, i) => {
      const last = i === nodes.length - 1;
      out.push({ row: n.row, art: depth === 0 ? '' : `${indent}${last ? '└─' : '├─'}` });
      walk(n.children, depth === 0 ? '' : `${indent}${last ? '  ' : '│ '}`, depth + 1);
    });
  };
  walk(roots, '', 0);
  return out;
}

function columns(self: Process): Record<string, Col> {
  const netnsid = (r: Row) => {
    if (r.ns.kind !== 'net') return '';
    const id = self.ns.net.stack.nsids.get(r.ns as NetNamespace);
    return id === undefined ? 'unassigned' : String(id);
  };
  return {
    NS: { name: 'NS', right: true, hint: 10, value: (r) => String(r.ns.inode) },
    TYPE: { name: 'TYPE', right: false, hint: 5, value: (r) => r.ns.kind },
    PATH: { name: 'PATH', right: false, value: (r) => (r.lowestPid === undefined ? '' : `/proc/${r.lowestPid}/ns/${r.ns.kind}`) },
    NPROCS: { name: 'NPROCS', right: true, hint: 5, value: (r) => String(r.procs.length) },
    PID: { name: 'PID', right: true, hint: 5, value: (r) => (r.lowestPid === undefined ? '' : String(r.lowestPid)) },
    PPID: { name: 'PPID', right: true, hint: 5, value: (r) => (r.lowest ? String(r.lowest.host.process(r.lowest.ppid)?.pidIn(r.lowest.ns.pid) ?? 0) : '') },
    COMMAND: { name: 'COMMAND', right: false, value: (r) => r.lowest?.argv.join(' ') ?? '' },
    UID: { name: 'UID', right: true, value: (r) => (r.lowest ? String(r.lowest.uid) : '') },
    USER: { name: 'USER', right: false, value: (r) => r.lowest?.user ?? '' },
    NETNSID: { name: 'NETNSID', right: true, value: netnsid },
    NSFS: { name: 'NSFS', right: false, value: (r) => nsfs(r.ns) },
  };
}

/** Where a network namespace is bind-mounted (`ip netns add` → /run/netns/NAME, Docker's path). */
function nsfs(ns: Namespace): string {
  if (ns.kind !== 'net') return '';
  const net = ns as NetNamespace;
  return net.name ? `/run/netns/${net.name}` : net.bindPath ?? '';
}

function render(cols: Col[], rows: string[][], raw: boolean): string {
  if (raw) return rows.map((r) => `${r.join(' ')}\n`).join('');
  // libsmartcols count_column_width(): the widest cell, or the width hint when that is larger
  // (hints >= 1 are absolute widths; the header is the minimum).
  const widths = cols.map((c, i) => Math.max(c.hint ?? 0, ...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => {
          if (cols[i].right) return cell.padStart(widths[i]);
          return i === cols.length - 1 ? cell : cell.padEnd(widths[i]);
        })
        .join(' ')
        .trimEnd(),
    )
    .map((l) => `${l}\n`)
    .join('');
}

function notAvailable(ctx: CommandContext, what: string): number {
  ctx.stderr.write(`petlab: '${what}' is not available in this lab\n`);
  return 1;
}

export const command: Command = { name: 'lsns', summary: 'list namespaces', run };
export default command;
