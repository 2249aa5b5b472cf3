/**
 * `ping` (iputils 20221126, Debian 12; BusyBox's in alpine/busybox containers): one echo request per interval of virtual time, replies
 * decided by the packet path (`linux.net.reach`), until -c replies, the -w deadline or Ctrl-C,
 * then iputils' statistics. Unreachable destinations print iputils' words.
 */
import { formatIp, parseIp } from '../../../emulator/linux/net/ipv4.ts';
import { resolveName } from '../../../emulator/linux/net/resolve.ts';
import type { Command, CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';
import { PING_USAGE } from './usage.ts';
import { busyboxPing } from './busybox.ts';
import { isBusyBox } from '../linux-common/busybox.ts';
import { formatRtt, statistics, toMicros } from './stats.ts';

async function run(ctx: CommandContext): Promise<number> {
  if (isBusyBox(ctx.process, 'ping')) return busyboxPing(ctx);
  const parsed = getopt(ctx.args, 'aAbBc:CdDe:fhI:i:l:Lm:M:nOp:qQ:Rs:S:t:T:UvVw:W:46');
  if (!parsed.ok) {
    ctx.stderr.write(`ping: ${parsed.error}\n${PING_USAGE}`);
    return 2;
  }
  const opts = new Map(parsed.value.options);
  if (opts.has('V')) {
    ctx.stdout.write('ping from iputils 20221126\n');
    return 0;
  }
  if (opts.has('h')) {
    ctx.stdout.write(PING_USAGE);
    return 2;
  }
  const count = opts.has('c') ? Number(opts.get('c')) : Infinity;
  if (opts.has('c') && (!Number.isInteger(count) || count <= 0)) {
    // iputils_common.c strtol_or_err(): a non-number is only named, a number out of range gets the range.
    const text = opts.get('c') ?? '';
    ctx.stderr.write(/^[+-]?\d+$/.test(text.trim()) ? `ping: invalid argument: '${text}': out of range: 1 <= value <= 9223372036854775807\n` : `ping: invalid argument: '${text}'\n`);
    return 1;
  }
  const interval = opts.has('i') ? Number(opts.get('i')) * 1000 : 1000;
  if (!Number.isFinite(interval) || interval < 0) {
    // ping.c: error(2, …, "bad timing interval: %s").
    ctx.stderr.write(`ping: bad timing interval: ${opts.get('i')}\n`);
    return 2;
  }
  const deadline = opts.has('w') ? Number(opts.get('w')) * 1000 : Infinity;
  const size = opts.has('s') ? Number(opts.get('s')) : 56;
  const quiet = opts.has('q');
  const target = parsed.value.operands[parsed.value.operands.length - 1];
  if (target === undefined) {
    ctx.stderr.write('ping: usage error: Destination address required\n');
    return 1;
  }
  const proc = ctx.process;
  const net = ctx.world.linux.net;
  const resolved = resolveName(net, proc, target);
  if (!resolved.ok) {
    ctx.stderr.write(`ping: ${target}: ${resolved.reason === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`);
    return 2;
  }
  const ipText = resolved.addresses[0];
  const dst = parseIp(ipText)!;
  const first = net.reach(proc.ns.net, dst, { proto: 'icmp' });
  if (!first.ok && first.reason === 'network-unreachable') {
    ctx.stderr.write('ping: connect: Network is unreachable\n');
    return 2;
  }
  const from = parseIp(target) === undefined ? `${reverseName(ctx, ipText) ?? ipText} (${ipText})` : ipText;
  ctx.stdout.write(`PING ${target} (${ipText}) ${size}(${size + 28}) bytes of data.\n`);
  const rng = ctx.world.linux.rng;
  const start = ctx.world.now();
  const rtts: number[] = [];
  let sent = 0;
  let errors = 0;
  for (let seq = 1; sent < count; seq++) {
    if (ctx.interrupt.interrupted || ctx.world.now() - start >= deadline) break;
    sent++;
    const result = net.reach(proc.ns.net, dst, { proto: 'icmp' });
    if (result.ok) {
      const base = result.netns === undefined ? 11 : result.netns === proc.ns.net ? 0.03 : 0.05 + 0.03 * result.hops;
      // Whole microseconds, as iputils measures them (per-reply time= and the statistics agree).
      const rtt = toMicros(base * (0.8 + rng.next() * 0.6)) / 1000;
      // Virtual time moves in whole milliseconds (fractional timers would not add up exactly).
      if (!(await ctx.sleep(Math.round(rtt)))) break;
      rtts.push(rtt);
      const ttl = result.netns === undefined ? 56 : 64 - result.hops;
      if (!quiet) ctx.stdout.write(`${size + 8} bytes from ${from}: icmp_seq=${seq} ttl=${ttl} time=${formatRtt(rtt)} ms\n`);
      if (sent >= count) break;
      if (!(await ctx.sleep(Math.max(0, interval - Math.round(rtt))))) break;
    } else {
      if (result.reason === 'host-unreachable') {
        errors++;
        if (!quiet) ctx.stdout.write(`From ${formatIp(result.from ?? result.src ?? dst)} icmp_seq=${seq} Destination Host Unreachable\n`);
      }
      if (sent >= count) break;
      if (!(await ctx.sleep(interval))) break;
    }
  }
  // iputils measures from the first send to the last event; a few ms of processing on top.
  const elapsed = ctx.world.now() - start + 1 + rng.int(5);
  // Unanswered ARP holds the probes for ~3 s before the kernel reports them, so up to 4 are
  // outstanding when the errors arrive (acknowledge() records that as pipesize: "pipe 4").
  const pipesize = errors > 0 ? Math.min(sent, 4) : 1;
  ctx.stdout.write(statistics(target, sent, rtts.length, errors, elapsed, rtts, pipesize));
  if (rtts.length === 0) return 1;
  return deadline !== Infinity && rtts.length < count && count !== Infinity ? 1 : 0;
}

/** The first name /etc/hosts gives `ip` (iputils resolves reply addresses for named targets). */
function reverseName(ctx: CommandContext, ip: string): string | undefined {
  let hosts: string;
  try {
    hosts = ctx.process.fs.readFile('/etc/hosts');
  } catch {
    return undefined;
  }
  for (const line of hosts.split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields[0] === ip && fields[1]) return fields[1];
  }
  return undefined;
}

export const command: Command = { name: 'ping', summary: 'send ICMP ECHO_REQUEST to network hosts', run };
export default command;
