/**
 * One HTTP exchange over the packet path, shared by curl and wget: resolve the host (files,
 * then DNS), decide reachability for TCP to the port, and ask the listener (a container's web
 * server, a published port) or the public site for the response.
 */
import { parseIp } from '../../../emulator/linux/net/ipv4.ts';
import { resolveName } from '../../../emulator/linux/net/resolve.ts';
import type { Process } from '../../../emulator/linux/process.ts';
import type { World } from '../../../emulator/world.ts';

export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
}

/** Parses `http://host[:port]/path` (scheme optional, as curl allows). Undefined when malformed. */
export function parseUrl(text: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?][^\s]*)?$/i.exec(text);
  if (!m) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port > 65535) return undefined;
  const path = m[4] ? (m[4].startsWith('?') ? `/${m[4]}` : m[4]) : '/';
  return { scheme, host: m[2], port, path };
}

export type HttpOutcome =
  | { kind: 'response'; ip: string; status: number; reason: string; headers: [string, string][]; body: string }
  | { kind: 'resolve-failed'; timeout: boolean }
  | { kind: 'refused'; ip: string }
  | { kind: 'unreachable'; ip: string; error: 'Network is unreachable' | 'No route to host' }
  | { kind: 'timeout'; ip: string }
  | { kind: 'empty'; ip: string };

/** Performs `method url` as `proc`. Pure: the caller decides how long a timeout takes. */
export function httpRequest(world: World, proc: Process, url: Url, method = 'GET'): HttpOutcome {
  const net = world.linux.net;
  const resolved = resolveName(net, proc, url.host);
  if (!resolved.ok) return { kind: 'resolve-failed', timeout: resolved.reason === 'timeout' };
  const ip = resolved.addresses[0];
  const dst = parseIp(ip)!;
  const path = net.reach(proc.ns.net, dst, { proto: 'tcp', port: url.port });
  if (!path.ok) {
    if (path.reason === 'refused') return { kind: 'refused', ip };
    if (path.reason === 'network-unreachable') return { kind: 'unreachable', ip, error: 'Network is unreachable' };
    if (path.reason === 'host-unreachable') return { kind: 'unreachable', ip, error: 'No route to host' };
    return { kind: 'timeout', ip };
  }
  let raw: string | undefined;
  if (path.site) raw = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: ${path.site.body(url.path).length}\r\n\r\n${path.site.body(url.path)}`;
  else raw = path.listener?.handle(`${method} ${url.path} HTTP/1.1`);
  if (raw === undefined) return { kind: 'empty', ip };
  return { kind: 'response', ip, ...parseResponse(raw) };
}

function parseResponse(raw: string): { status: number; reason: string; headers: [string, string][]; body: string } {
  const m = /^HTTP\/\d(?:\.\d)? (\d{3}) ?([^\r\n]*)\r?\n/.exec(raw);
  if (!m) return { status: 200, reason: 'OK', headers: [], body: raw };
  const end = raw.search(/\r?\n\r?\n/);
  const head = end >= 0 ? raw.slice(0, end) : raw;
  const sep = end >= 0 ? /\r?\n\r?\n/.exec(raw.slice(end))![0].length : 0;
  const body = end >= 0 ? raw.slice(end + sep) : '';
  const headers = head
    .split(/\r?\n/)
    .slice(1)
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
  return { status: Number(m[1]), reason: m[2], headers, body };
}
