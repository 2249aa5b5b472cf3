/**
 * `nslookup`: bind9's on Debian, BusyBox's in alpine/busybox containers. Asks the first
 * nameserver of /etc/resolv.conf (or the one given) through the world's DNS hook, applying the
 * search list; /etc/hosts is not consulted, as with the real tools. Answers for cluster.local
 * come from an authoritative server (no "Non-authoritative answer:" line).
 */
import { parseIp } from '../../../emulator/linux/net/ipv4.ts';
import type { Command, CommandContext } from '../../types.ts';
import { busyBoxMinor, isBusyBox } from '../linux-common/busybox.ts';

function readConf(ctx: CommandContext): { servers: string[]; search: string[]; ndots: number } {
  let text = '';
  try {
    text = ctx.process.fs.readFile('/etc/resolv.conf');
  } catch {
    // no resolv.conf: glibc falls back to 127.0.0.1
  }
  const servers: string[] = [];
  let search: string[] = [];
  let ndots = 1;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === 'nameserver' && f[1]) servers.push(f[1]);
    if (f[0] === 'search') search = f.slice(1);
    if (f[0] === 'options') for (const o of f.slice(1)) if (o.startsWith('ndots:')) ndots = Number(o.slice(6));
  }
  return { servers: servers.length > 0 ? servers : ['127.0.0.1'], search, ndots };
}

async function run(ctx: CommandContext): Promise<number> {
  const busybox = isBusyBox(ctx.process, 'nslookup');
  const args = ctx.args.filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (name === undefined) {
    ctx.stderr.write(busybox ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n' : "petlab: 'nslookup' interactive mode is not available in this lab\n");
    return 1;
  }
  const conf = readConf(ctx);
  const server = args[1] ?? conf.servers[0];
  const serverIp = parseIp(server);
  const net = ctx.world.linux.net;
  // BusyBox before 1.29 (busybox:1.28 of the Kubernetes tutorials) printed "Address 1:" lines with PTR names.
  const old = busybox && (busyBoxMinor(ctx.process) ?? 36) < 29;
  const ptr = (ip: string) => (serverIp === undefined ? undefined : net.dns.reverseAt(serverIp, ip, ctx.process.ns.net));
  const withName = (ip: string) => (ptr(ip) ? `${ip} ${ptr(ip)}` : ip);
  const head = old
    ? `Server:    ${server}\nAddress 1: ${withName(server)}\n\n`
    : busybox
      ? `Server:\t\t${server}\nAddress:\t${server}:53\n\n`
      : `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  const registered = serverIp === undefined ? undefined : net.dns.serverAt(serverIp, ctx.process.ns.net);
  const resolver = registered ?? (serverIp !== undefined && net.internet.nameservers.has(serverIp) ? (n: string) => net.internet.resolve(n) : undefined);
  // A registered server's scope says who reaches it; the upstream ones need a path over the network.
  const reachable = registered !== undefined || (serverIp !== undefined && net.reach(ctx.process.ns.net, serverIp, { proto: 'icmp' }).ok);
  if (!resolver || !reachable) {
    if (!(await ctx.sleep(busybox ? 10_000 : 15_000))) return 130;
    if (busybox) ctx.stderr.write(`;; connection timed out; no servers could be reached\n\n`);
    else ctx.stdout.write(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const dots = name.split('.').length - 1;
  const absolute = name.endsWith('.');
  const candidates = absolute ? [name.slice(0, -1)] : dots >= conf.ndots ? [name, ...conf.search.map((s) => `${name}.${s}`)] : [...conf.search.map((s) => `${name}.${s}`), name];
  for (const candidate of candidates) {
    const answer = resolver(candidate, ctx.process.ns.net);
    if (answer && answer.length > 0 && old) {
      ctx.stdout.write(`${head}Name:      ${name}\n${answer.map((ip, i) => `Address ${i + 1}: ${withName(ip)}\n`).join('')}\n`);
      return 0;
    }
    if (answer && answer.length > 0) {
      const authoritative = /\.cluster\.local$/.test(candidate);
      let out = head + (authoritative ? '' : 'Non-authoritative answer:\n');
      for (const ip of answer) out += `Name:\t${candidate}\nAddress: ${ip}\n`;
      ctx.stdout.write(`${out}\n`);
      return 0;
    }
  }
  if (old) {
    ctx.stdout.write(head);
    ctx.stderr.write(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  ctx.stdout.write(`${head}** server can't find ${absolute ? name.slice(0, -1) : name}: NXDOMAIN\n\n`);
  return 1;
}

export const command: Command = { name: 'nslookup', summary: 'query Internet name servers', run };
export default command;
