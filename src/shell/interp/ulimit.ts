/**
 * `ulimit [-SHa] [-cdefilmnpqrstuvxR [limit]]` as bash 5.2's built-in (builtins/ulimit.def): shows
 * and lowers the shell's resource limits. The limits are the shell's own record (a subshell gets a
 * copy); nothing else enforces them. Values are those of a root shell in a Debian 12 container:
 * open files 1048576 soft and hard (containerd's default, also the kernel's nr_open), max user
 * processes — and pending signals, which the kernel derives from the same max_threads / 2 — 10813
 * (the fork bound of fork-limit.ts), stack 8192 kB soft / unlimited hard, core 0 soft / unlimited
 * hard, max locked memory 8192 kB, POSIX message queues 819200 bytes, pipe size 8 × 512 bytes.
 * Errors as bash: `bash: ulimit: -z: invalid option` + usage (status 2), `bash: ulimit: x: invalid
 * number` (1), `bash: ulimit: open files: cannot modify limit: Operation not permitted` (1) when a
 * hard limit would rise (a container's root lacks CAP_SYS_RESOURCE; open files can never pass
 * nr_open), `…: Invalid argument` when the soft would exceed the hard.
 */
import type { IO, Shell } from './shell.ts';
import { PROCESS_LIMIT } from './fork-limit.ts';

/** One resource's limits; Infinity is `unlimited`. Values are in the units ulimit shows. */
export interface Limit {
  soft: number;
  hard: number;
}

interface Resource {
  option: string;
  description: string;
  units: string;
  soft: number;
  hard: number;
  readOnly?: boolean;
}

/** bash 5.2's table, in the order `ulimit -a` prints it. */
const RESOURCES: readonly Resource[] = [
  { option: 'R', description: 'real-time non-blocking time', units: 'microseconds', soft: Infinity, hard: Infinity },
  { option: 'c', description: 'core file size', units: 'blocks', soft: 0, hard: Infinity },
  { option: 'd', description: 'data seg size', units: 'kbytes', soft: Infinity, hard: Infinity },
  { option: 'e', description: 'scheduling priority', units: '', soft: 0, hard: 0 },
  { option: 'f', description: 'file size', units: 'blocks', soft: Infinity, hard: Infinity },
  { option: 'i', description: 'pending signals', units: '', soft: PROCESS_LIMIT, hard: PROCESS_LIMIT },
  { option: 'l', description: 'max locked memory', units: 'kbytes', soft: 8192, hard: 8192 },
  { option: 'm', description: 'max memory size', units: 'kbytes', soft: Infinity, hard: Infinity },
  { option: 'n', description: 'open files', units: '', soft: 1048576, hard: 1048576 },
  { option: 'p', description: 'pipe size', units: '512 bytes', soft: 8, hard: 8, readOnly: true },
  { option: 'q', description: 'POSIX message queues', units: 'bytes', soft: 819200, hard: 819200 },
  { option: 'r', description: 'real-time priority', units: '', soft: 0, hard: 0 },
  { option: 's', description: 'stack size', units: 'kbytes', soft: 8192, hard: Infinity },
  { option: 't', description: 'cpu time', units: 'seconds', soft: Infinity, hard: Infinity },
  { option: 'u', description: 'max user processes', units: '', soft: PROCESS_LIMIT, hard: PROCESS_LIMIT },
  { option: 'v', description: 'virtual memory', units: 'kbytes', soft: Infinity, hard: Infinity },
  { option: 'x', description: 'file locks', units: '', soft: Infinity, hard: Infinity },
];

/** fs.nr_open: RLIMIT_NOFILE can never rise above it, not even for root (EPERM). */
const NR_OPEN = 1048576;

const USAGE = 'ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n';

const limitsOf = new WeakMap<Shell, Map<string, Limit>>();

/** The shell's limits record, created with the defaults above on first use. */
export function shellLimits(shell: Shell): Map<string, Limit> {
  let limits = limitsOf.get(shell);
  if (!limits) limitsOf.set(shell, (limits = new Map(RESOURCES.map((r) => [r.option, { soft: r.soft, hard: r.hard }]))));
  return limits;
}

/** Gives a subshell a copy of its parent's limits (as fork(2) does). */
export function inheritLimits(parent: Shell, child: Shell): void {
  const limits = limitsOf.get(parent);
  if (limits) limitsOf.set(child, new Map([...limits].map(([k, v]) => [k, { ...v }])));
}

/** Runs `ulimit ARGS`; returns its status (see the file comment for the errors). */
export function runUlimit(shell: Shell, args: readonly string[], io: IO): number {
  const limits = shellLimits(shell);
  let soft = false;
  let hard = false;
  let all = false;
  const cmds: { option: string; value?: string }[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'S') soft = true;
      else if (c === 'H') hard = true;
      else if (c === 'a') all = true;
      else if (RESOURCES.some((r) => r.option === c)) {
        // bash's internal_getopt ";": an optional argument, the rest of the word or the next word
        const rest = a.slice(j + 1);
        if (rest !== '') cmds.push({ option: c, value: rest });
        else if (i + 1 < args.length && !args[i + 1].startsWith('-')) cmds.push({ option: c, value: args[++i] });
        else cmds.push({ option: c });
        break;
      } else {
        io.stderr.write(`bash: ulimit: -${c}: invalid option\n${USAGE}`);
        return 2;
      }
    }
  }
  const show = (r: Resource) => {
    const l = limits.get(r.option) as Limit;
    const v = soft || !hard ? l.soft : l.hard;
    return v === Infinity ? 'unlimited' : String(v);
  };
  const line = (r: Resource) => `${r.description.padEnd(20)}${`(${r.units ? `${r.units}, ` : ''}-${r.option})`.padStart(20)} ${show(r)}\n`;
  if (all) {
    io.stdout.write(RESOURCES.map(line).join(''));
    return 0;
  }
  if (cmds.length === 0) cmds.push({ option: 'f' });
  const last = cmds[cmds.length - 1];
  if (last.value === undefined && i < args.length) last.value = args[i];
  const shown = cmds.filter((c) => c.value === undefined).length;
  let status = 0;
  for (const c of cmds) {
    const r = RESOURCES.find((x) => x.option === c.option) as Resource;
    if (c.value === undefined) {
      io.stdout.write(shown > 1 ? line(r) : `${show(r)}\n`);
      continue;
    }
    const current = limits.get(r.option) as Limit;
    let value: number;
    if (c.value === 'unlimited') value = Infinity;
    else if (c.value === 'hard') value = current.hard;
    else if (c.value === 'soft') value = current.soft;
    else if (/^[0-9]+$/.test(c.value)) value = Number(c.value);
    else {
      io.stderr.write(`bash: ulimit: ${c.value}: invalid number\n`);
      return 1;
    }
    const next = { soft: soft || !hard ? value : current.soft, hard: hard || !soft ? value : current.hard };
    // setrlimit(2): EINVAL for a soft above the hard (and for the pipe size, which is no rlimit);
    // EPERM for raising a hard limit without CAP_SYS_RESOURCE (not in a container's root) and,
    // for RLIMIT_NOFILE, above nr_open
    const error = r.readOnly || next.soft > next.hard ? 'Invalid argument' : next.hard > current.hard || (r.option === 'n' && next.hard > NR_OPEN) ? 'Operation not permitted' : undefined;
    if (error) {
      io.stderr.write(`bash: ulimit: ${r.description}: cannot modify limit: ${error}\n`);
      status = 1;
      continue;
    }
    limits.set(r.option, next);
  }
  return status;
}
