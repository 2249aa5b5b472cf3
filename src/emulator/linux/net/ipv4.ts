/** IPv4 helpers: dotted quads as 32-bit numbers, prefixes, and CIDR parsing. */

/** `10.0.0.1` → 167772161, or undefined when not a dotted quad. */
export function parseIp(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** 167772161 → `10.0.0.1`. */
export function formatIp(ip: number): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

/** The netmask of a prefix length as a number. */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The network address of `ip/prefix`. */
export function networkOf(ip: number, prefix: number): number {
  return (ip & maskOf(prefix)) >>> 0;
}

/** The broadcast address of `ip/prefix`. */
export function broadcastOf(ip: number, prefix: number): number {
  return (networkOf(ip, prefix) | (~maskOf(prefix) >>> 0)) >>> 0;
}

/** True when `ip` lies in `net/prefix`. */
export function inPrefix(ip: number, net: number, prefix: number): boolean {
  return networkOf(ip, prefix) === networkOf(net, prefix);
}

/** `10.0.0.1/24` → { ip, prefix }; a bare address gets /32. Undefined when malformed. */
export function parseCidr(text: string): { ip: number; prefix: number } | undefined {
  const [addr, len, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const ip = parseIp(addr);
  if (ip === undefined) return undefined;
  if (len === undefined) return { ip, prefix: 32 };
  if (!/^\d{1,2}$/.test(len) || Number(len) > 32) return undefined;
  return { ip, prefix: Number(len) };
}

/** True for 127.0.0.0/8. */
export function isLoopback(ip: number): boolean {
  return ip >>> 24 === 127;
}
