/**
 * `nc` (netcat-openbsd 1.219, Debian 12): `nc -zv HOST PORT` probes a TCP port, `nc HOST PORT`
 * sends stdin and prints the answer, `nc -l [-p] PORT` listens until one connection has been
 * served (or Ctrl-C). Reachability comes from the packet path; `-w` bounds connect time.
 */
import { parseIp } from '../../../emulator/linux/net/ipv4.ts';
import { resolveName } from '../../../emulator/linux/net/resolve.ts';
import type { Command, CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';

const SERVICES: Record<number, string> = { 21: 'ftp', 22: 'ssh', 25: 'smtp', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt' };

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, '46lknuvzp:w:q:Ns:');
  if (!parsed.ok) {
    ctx.stderr.write(`nc: ${parsed.error}\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n`);
    return 1;
  }
  const opts = new Map(parsed.value.options);
  const proto = opts.has('u') ? 'udp' : 'tcp';
  const verbose = opts.has('v');
  const [a, b] = parsed.value.operands;
  const net = ctx.world.linux.net;
  const proc = ctx.process;
  if (opts.has('l')) {
    const port = Number(opts.get('p') ?? a);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      ctx.stderr.write(`nc: port number invalid: ${opts.get('p') ?? a ?? ''}\n`);
      return 1;
    }
    if (proc.ns.net.stack.listeners.some((l) => l.proto === proto && l.port === port)) {
      ctx.stderr.write('nc: Address already in use\n');
      return 1;
    }
    if (verbose) ctx.stderr.write(`Listening on 0.0.0.0 ${port}\n`);
    let served = false;
    let wake: (() => void) | undefined;
    const close = net.listen(proc.ns.net, {
      proto, port, ip: 0, program: 'nc', pid: proc.pid,
      handle: (request) => {
        ctx.stdout.write(`${request}\n`);
        served = !opts.has('k');
        wake?.();
        return undefined;
      },
    });
    try {
      while (!served && !ctx.interrupt.interrupted) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          const stop = ctx.interrupt.onInterrupt(() => resolve());
          void ctx.sleep(1000).then(() => {
            stop();
            resolve();
          });
        });
      }
    } finally {
      close();
    }
    return ctx.interrupt.interrupted ? 130 : 0;
  }
  if (a === undefined || b === undefined) {
    ctx.stderr.write('usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n');
    return 1;
  }
  const port = Number(b);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    ctx.stderr.write(`nc: port number invalid: ${b}\n`);
    return 1;
  }
  const resolved = resolveName(net, proc, a);
  if (!resolved.ok) {
    ctx.stderr.write(`nc: getaddrinfo for host "${a}" port ${port}: ${resolved.reason === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`);
    return 1;
  }
  const ip = resolved.addresses[0];
  const result = net.reach(proc.ns.net, parseIp(ip)!, { proto, port });
  const service = SERVICES[port] ?? '*';
  if (!result.ok) {
    if (result.reason === 'timeout') {
      const w = opts.has('w') ? Number(opts.get('w')) * 1000 : 130_000;
      if (!(await ctx.sleep(w))) return 130;
    }
    const why = result.reason === 'refused' ? 'Connection refused' : result.reason === 'timeout' ? (opts.has('w') ? 'Operation now in progress' : 'Connection timed out') : result.reason === 'network-unreachable' ? 'Network is unreachable' : 'No route to host';
    if (verbose || result.reason !== 'refused' || opts.has('z')) ctx.stderr.write(`nc: connect to ${a} port ${port} (${proto}) failed: ${why}\n`);
    return 1;
  }
  if (verbose) ctx.stderr.write(`Connection to ${a} ${port} port [${proto}/${service}] succeeded!\n`);
  if (opts.has('z')) return 0;
  const input = await ctx.stdin.readAll();
  const answer = result.listener?.handle(input.replace(/\n$/, '')) ?? (result.site ? result.site.body('/') : undefined);
  if (answer !== undefined) ctx.stdout.write(answer);
  return 0;
}

export const command: Command = { name: 'nc', summary: 'arbitrary TCP and UDP connections and listens', run };
export default command;
