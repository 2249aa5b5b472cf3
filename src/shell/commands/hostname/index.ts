/**
 * `hostname` (Debian's hostname 3.23): shows or sets the hostname of the caller's UTS namespace,
 * so `unshare --uts` followed by `hostname NAME` changes only the new namespace's name.
 */
import { resolveName } from '../../../emulator/linux/net/resolve.ts';
import { formatIp } from '../../../emulator/linux/net/ipv4.ts';
import type { Command, CommandContext } from '../../types.ts';
import { getopt } from '../linux-common/getopt.ts';
import type { LongOption } from '../linux-common/getopt.ts';

const LONG: LongOption[] = [
  { name: 'alias', has: 0, key: 'a' },
  { name: 'all-fqdns', has: 0, key: 'A' },
  { name: 'boot', has: 0, key: 'b' },
  { name: 'domain', has: 0, key: 'd' },
  { name: 'fqdn', has: 0, key: 'f' },
  { name: 'long', has: 0, key: 'f' },
  { name: 'file', has: 1, key: 'F' },
  { name: 'ip-address', has: 0, key: 'i' },
  { name: 'all-ip-addresses', has: 0, key: 'I' },
  { name: 'short', has: 0, key: 's' },
  { name: 'yp', has: 0, key: 'y' },
  { name: 'nis', has: 0, key: 'y' },
  { name: 'help', has: 0, key: 'h' },
  { name: 'version', has: 0, key: 'V' },
];

const USAGE = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;

/** RFC 1123 labels, as hostname's check_name() accepts them. */
function validName(name: string): boolean {
  return /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(name);
}

async function run(ctx: CommandContext): Promise<number> {
  const parsed = getopt(ctx.args, 'aAbdfF:iIsyhV', LONG);
  if (!parsed.ok) {
    ctx.stderr.write(`hostname: ${parsed.error}\n${USAGE}`);
    return 1;
  }
  const proc = ctx.process;
  const uts = proc.ns.uts;
  const opts = new Map(parsed.value.options);
  if (opts.has('h')) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  if (opts.has('V')) {
    ctx.stdout.write('hostname 3.23\n');
    return 0;
  }
  let name: string | undefined = parsed.value.operands[0];
  if (opts.has('F')) {
    try {
      name = proc.fs.readFile(opts.get('F') ?? '').split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
    } catch (err) {
      ctx.stderr.write(`hostname: ${opts.get('F')}: ${(err as Error).message}\n`);
      return 1;
    }
  }
  if (name !== undefined) {
    if (proc.uid !== 0) return fail(ctx, 'you must be root to change the host name');
    if (name.length > 64) return fail(ctx, 'name too long');
    if (!validName(name)) return fail(ctx, 'the specified hostname is invalid');
    uts.hostname = name;
    ctx.world.markChanged();
    return 0;
  }
  const current = uts.hostname;
  if (opts.has('I')) {
    const ips = proc.ns.net.stack.all().filter((l) => l.up && l.kind !== 'loopback').flatMap((l) => l.addresses.map((a) => formatIp(a.ip)));
    ctx.stdout.write(`${ips.map((ip) => `${ip} `).join('')}\n`);
    return 0;
  }
  if (opts.has('i')) {
    const r = resolveName(ctx.world.linux.net, proc, current);
    if (!r.ok) return fail(ctx, r.reason === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known');
    ctx.stdout.write(`${r.addresses.join(' ')}\n`);
    return 0;
  }
  if (opts.has('s')) ctx.stdout.write(`${current.split('.')[0]}\n`);
  else if (opts.has('d')) ctx.stdout.write(`${current.includes('.') ? current.slice(current.indexOf('.') + 1) : ''}\n`);
  else if (opts.has('y')) {
    if (uts.domainname === '(none)') return fail(ctx, 'Local domain name not set');
    ctx.stdout.write(`${uts.domainname}\n`);
  } else ctx.stdout.write(`${current}\n`);
  return 0;
}

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`hostname: ${message}\n`);
  return 1;
}

export const command: Command = { name: 'hostname', summary: 'show or set the system host name', run };
export default command;
