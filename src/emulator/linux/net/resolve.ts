/**
 * Name resolution as glibc does it for `getent hosts`, `ping`, `curl`: /etc/hosts first (files),
 * then each nameserver of /etc/resolv.conf (dns) — reached over the packet path, answered by the
 * resolver registered for that address (or the upstream internet's).
 */
import type { Process } from '../process.ts';
import { parseIp } from './ipv4.ts';
import type { Network } from './network.ts';

export type Resolution =
  | { ok: true; addresses: string[]; source: 'files' | 'dns' | 'literal'; server?: string }
  /** NXDOMAIN from a server, or no server answering (`timeout`). */
  | { ok: false; reason: 'nxdomain' | 'timeout'; server?: string };

/** Resolves `name` for `proc` (its files and network namespace). */
export function resolveName(net: Network, proc: Process, name: string): Resolution {
  if (parseIp(name) !== undefined) return { ok: true, addresses: [name], source: 'literal' };
  const hosts = readOr(proc, '/etc/hosts');
  const wanted = name.toLowerCase();
  const fromFiles: string[] = [];
  for (const line of hosts.split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 2 || parseIp(fields[0]) === undefined) continue;
    if (fields.slice(1).some((n) => n.toLowerCase() === wanted)) fromFiles.push(fields[0]);
  }
  if (fromFiles.length > 0) return { ok: true, addresses: fromFiles, source: 'files' };
  const servers = nameservers(readOr(proc, '/etc/resolv.conf'));
  const searches = search(readOr(proc, '/etc/resolv.conf'));
  const candidates = wanted.includes('.') || searches.length === 0 ? [wanted, ...searches.map((s) => `${wanted}.${s}`)] : [...searches.map((s) => `${wanted}.${s}`), wanted];
  for (const server of servers) {
    const ip = parseIp(server);
    if (ip === undefined) continue;
    // A registered server decides itself who reaches it (its scope: Docker's 127.0.0.11, a
    // cluster's Service IP that answers DNS but not ping); the upstream ones need a path.
    const registered = net.dns.serverAt(ip, proc.ns.net);
    const resolver = registered ?? (net.internet.nameservers.has(ip) ? (n: string) => net.internet.resolve(n) : undefined);
    if (!resolver) continue;
    if (!registered && !net.reach(proc.ns.net, ip, { proto: 'icmp' }).ok) continue;
    for (const candidate of candidates) {
      const addresses = resolver(candidate, proc.ns.net);
      if (addresses && addresses.length > 0) return { ok: true, addresses, source: 'dns', server };
    }
    return { ok: false, reason: 'nxdomain', server };
  }
  return { ok: false, reason: 'timeout', server: servers[0] };
}

function readOr(proc: Process, path: string): string {
  try {
    return proc.fs.readFile(path);
  } catch {
    return '';
  }
}

function nameservers(conf: string): string[] {
  return conf.split('\n').map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1]).filter((s): s is string => s !== undefined);
}

function search(conf: string): string[] {
  const line = conf.split('\n').find((l) => /^\s*search\s/.test(l));
  return line ? line.trim().split(/\s+/).slice(1) : [];
}

