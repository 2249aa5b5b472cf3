/**
 * `kill` as bash's built-in does it: sends a signal to processes of the caller's PID namespace.
 * TERM (default), KILL, INT, HUP… end the process (status 128+signal); STOP/CONT change its state.
 * Errors use bash's words: `bash: kill: (42) - No such process`.
 */
import type { Command, CommandContext } from '../../types.ts';

const SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS'];

function signalNumber(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec) >= 0 && Number(spec) <= 64 ? Number(spec) : undefined;
  const name = spec.toUpperCase().replace(/^SIG/, '');
  const i = SIGNALS.indexOf(name === 'IO' ? 'POLL' : name);
  return i >= 0 ? i + 1 : undefined;
}

function listSignals(): string {
  const cells = SIGNALS.map((s, i) => `${String(i + 1).padStart(2)}) SIG${s}`);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 5) rows.push(cells.slice(i, i + 5).join('\t'));
  return `${rows.join('\n')}\n`;
}

async function run(ctx: CommandContext): Promise<number> {
  const args = [...ctx.args];
  let signal = 15;
  if (args[0] === '-l' || args[0] === '-L') {
    ctx.stdout.write(listSignals());
    return 0;
  }
  if (args[0] === '-s' || args[0] === '-n') {
    args.shift();
    const spec = args.shift() ?? '';
    const n = signalNumber(spec);
    if (n === undefined) {
      ctx.stderr.write(`bash: kill: ${spec}: invalid signal specification\n`);
      return 1;
    }
    signal = n;
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const spec = args.shift()!.slice(1);
    const n = signalNumber(spec);
    if (n === undefined) {
      ctx.stderr.write(`bash: kill: ${spec}: invalid signal specification\n`);
      return 1;
    }
    signal = n;
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    ctx.stderr.write('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  const linux = ctx.world.linux;
  const pidNs = ctx.process.ns.pid;
  let status = 0;
  for (const arg of args) {
    if (!/^-?\d+$/.test(arg)) {
      ctx.stderr.write(`bash: kill: ${arg}: arguments must be process or job IDs\n`);
      status = 1;
      continue;
    }
    const target = pidNs.members.get(Number(arg));
    if (!target || target.exited) {
      ctx.stderr.write(`bash: kill: (${arg}) - No such process\n`);
      status = 1;
      continue;
    }
    if (ctx.process.uid !== 0 && target.uid !== ctx.process.uid) {
      ctx.stderr.write(`bash: kill: (${arg}) - Operation not permitted\n`);
      status = 1;
      continue;
    }
    if (signal === 0) continue;
    if (signal === 19 || signal === 20) target.state = 'T';
    else if (signal === 18) target.state = 'S';
    else if (signal !== 17 && signal !== 28 && signal !== 23) {
      // PID 1 of a PID namespace ignores signals it has no handler for, except from an ancestor namespace.
      const isInit = target.pidIn(target.ns.pid) === 1 && target.ns.pid !== target.host.initial.pid;
      if (isInit && target.ns.pid === ctx.process.ns.pid) continue;
      if (target.pid === 1 && target.ns.pid === target.host.initial.pid) continue;
      linux.exit(target, 128 + signal);
    }
  }
  ctx.world.markChanged();
  return status;
}

export const command: Command = { name: 'kill', summary: 'send a signal to a process', run };
export default command;
