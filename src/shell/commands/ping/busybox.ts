/**
 * BusyBox 1.36 ping (networking/ping.c), as alpine and busybox images ship it: "PING host
 * (ip): 56 data bytes", `seq=` from 0, and a shorter summary without time or mdev.
 */
import { parseIp } from '../../../emulator/linux/net/ipv4.ts';
import { resolveName } from '../../../emulator/linux/net/resolve.ts';
import type { CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';

const USAGE = `BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.

Usage: ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

	-4,-6		Force IP or IPv6 name resolution
	-c CNT		Send only CNT pings
	-s SIZE		Send SIZE data bytes in packets (default 56)
	-i SECS		Interval
	-A		Ping as soon as reply is received
	-t TTL		Set TTL
	-I IFACE/IP	Source interface or IP address
	-W SEC		Seconds to wait for the first response (default 10)
			(after all -c CNT packets are sent)
	-w SEC		Seconds until ping exits (default:infinite)
			(can exit earlier with -c CNT)
	-q		Quiet, only display output at start/finish
	-p HEXBYTE	Payload pattern
`;

const ms3 = (v: number) => v.toFixed(3);

/** Runs BusyBox ping; same virtual-time behaviour as the iputils one. */
export async function busyboxPing(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, '46c:s:i:At:I:W:w:qp:');
  if (!parsed.ok) {
    ctx.stderr.write(`ping: ${parsed.error}\n${USAGE}`);
    return 1;
  }
  const opts = new Map(parsed.value.options);
  const count = opts.has('c') ? Number(opts.get('c')) : Infinity;
  const size = opts.has('s') ? Number(opts.get('s')) : 56;
  const interval = opts.has('i') ? Number(opts.get('i')) * 1000 : 1000;
  const deadline = opts.has('w') ? Number(opts.get('w')) * 1000 : Infinity;
  const quiet = opts.has('q');
  const target = parsed.value.operands[0];
  if (target === undefined || parsed.value.operands.length > 1) {
    ctx.stderr.write(USAGE);
    return 1;
  }
  const proc = ctx.process;
  const net = ctx.world.linux.net;
  const resolved = resolveName(net, proc, target);
  if (!resolved.ok) {
    ctx.stderr.write(`ping: bad address '${target}'\n`);
    return 1;
  }
  const ipText = resolved.addresses[0];
  const dst = parseIp(ipText)!;
  const first = net.reach(proc.ns.net, dst, { proto: 'icmp' });
  if (!first.ok && first.reason === 'network-unreachable') {
    ctx.stdout.write(`PING ${target} (${ipText}): ${size} data bytes\n`);
    ctx.stderr.write('ping: sendto: Network unreachable\n');
    return 1;
  }
  ctx.stdout.write(`PING ${target} (${ipText}): ${size} data bytes\n`);
  const rng = ctx.world.linux.rng;
  const start = ctx.world.now();
  const rtts: number[] = [];
  let sent = 0;
  for (let seq = 0; sent < count; seq++) {
    if (ctx.interrupt.interrupted || ctx.world.now() - start >= deadline) break;
    sent++;
    const result = net.reach(proc.ns.net, dst, { proto: 'icmp' });
    let waited = 0;
    if (result.ok) {
      const base = result.netns === undefined ? 11 : result.netns === proc.ns.net ? 0.04 : 0.06 + 0.03 * result.hops;
      const rtt = base * (0.8 + rng.next() * 0.6);
      waited = Math.round(rtt);
      if (!(await ctx.sleep(waited))) break;
      rtts.push(rtt);
      const ttl = result.netns === undefined ? 56 : 64 - result.hops;
      if (!quiet) ctx.stdout.write(`${size + 8} bytes from ${ipText}: seq=${seq} ttl=${ttl} time=${ms3(rtt)} ms\n`);
    }
    if (sent >= count) break;
    if (!(await ctx.sleep(Math.max(0, interval - waited)))) break;
  }
  const received = rtts.length;
  const loss = sent === 0 ? 0 : Math.floor(((sent - received) * 100) / sent);
  let out = `\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
  if (received > 0) {
    const min = Math.min(...rtts);
    const max = Math.max(...rtts);
    const avg = rtts.reduce((a, b) => a + b, 0) / received;
    out += `round-trip min/avg/max = ${ms3(min)}/${ms3(avg)}/${ms3(max)} ms\n`;
  }
  ctx.stdout.write(out);
  return received > 0 ? 0 : 1;
}
