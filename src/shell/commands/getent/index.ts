/**
 * `getent` (glibc 2.36): `getent hosts NAME…` through NSS (files, then dns, per
 * /etc/nsswitch.conf), `getent ahosts`, `passwd` and `group` from the files. Exit 2 when a key
 * is not found, 1 for a missing database argument.
 */
import { resolveName } from '../../../emulator/linux/net/resolve.ts';
import type { Command, CommandContext } from '../../types.ts';

function hostsLine(ip: string, names: string[]): string {
  return `${ip.padEnd(15)} ${names.join(' ')}\n`;
}

async function run(ctx: CommandContext): Promise<number> {
  const [db, ...keys] = ctx.args;
  if (db === undefined) {
    ctx.stderr.write("Usage: getent [OPTION...] database [key ...]\nTry `getent --help' or `getent --usage' for more information.\n");
    return 1;
  }
  const fs = ctx.process.fs;
  const read = (path: string) => {
    try {
      return fs.readFile(path);
    } catch {
      return '';
    }
  };
  if (db === 'passwd' || db === 'group') {
    const lines = read(`/etc/${db}`).split('\n').filter((l) => l !== '');
    if (keys.length === 0) {
      ctx.stdout.write(lines.map((l) => `${l}\n`).join(''));
      return 0;
    }
    let status = 0;
    for (const key of keys) {
      const line = lines.find((l) => l.split(':')[0] === key || l.split(':')[2] === key);
      if (line) ctx.stdout.write(`${line}\n`);
      else status = 2;
    }
    return status;
  }
  if (db === 'hosts' || db === 'ahosts' || db === 'ahostsv4') {
    if (keys.length === 0) {
      const lines = read('/etc/hosts').split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      ctx.stdout.write(lines.map((l) => {
        const f = l.trim().split(/\s+/);
        return hostsLine(f[0], f.slice(1));
      }).join(''));
      return 0;
    }
    let status = 0;
    for (const key of keys) {
      const r = resolveName(ctx.world.linux.net, ctx.process, key);
      if (!r.ok) {
        status = 2;
        continue;
      }
      if (db === 'hosts') {
        const names = r.source === 'files' ? namesFromHosts(read('/etc/hosts'), r.addresses[0], key) : [key];
        for (const ip of r.addresses) ctx.stdout.write(hostsLine(ip, names));
      } else {
        for (const ip of r.addresses) {
          ctx.stdout.write(`${ip.padEnd(15)} STREAM ${key}\n${ip.padEnd(15)} DGRAM  \n${ip.padEnd(15)} RAW    \n`);
        }
      }
    }
    return status;
  }
  ctx.stderr.write(`Unknown database: ${db}\n`);
  return 1;
}

/** The canonical name and aliases of the /etc/hosts line that gave `ip` for `key`. */
function namesFromHosts(hosts: string, ip: string, key: string): string[] {
  for (const line of hosts.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f[0] === ip && f.slice(1).some((n) => n.toLowerCase() === key.toLowerCase())) return f.slice(1);
  }
  return [key];
}

export const command: Command = { name: 'getent', summary: 'get entries from Name Service Switch libraries', run };
export default command;
