/**
 * IPv4 addresses as unsigned 32-bit numbers, and CIDR blocks. Parsing is strict (Go's netip
 * rules: four decimal octets, no leading zeros), because Docker's validation messages depend on it.
 */

/** A CIDR block; `base` may have host bits set (Docker reports that as an error). */
export interface Cidr {
  readonly base: number;
  readonly bits: number;
}

/** Parses `a.b.c.d`; undefined when it is not a valid IPv4 address. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n >>> 0;
}

/** Formats a 32-bit number as `a.b.c.d`. */
export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses `a.b.c.d/n`; undefined when invalid. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const base = parseIPv4(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (base === undefined || !/^(0|[1-9][0-9]?)$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (bits > 32) return undefined;
  return { base, bits };
}

/** The netmask of a prefix length as a number. */
export function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** The block with host bits cleared. */
export function masked(c: Cidr): Cidr {
  return { base: (c.base & maskOf(c.bits)) >>> 0, bits: c.bits };
}

/** `a.b.c.d/n`. */
export function formatCidr(c: Cidr): string {
  return `${formatIPv4(c.base)}/${c.bits}`;
}

/** Whether `ip` lies in `c`. */
export function contains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.bits)) >>> 0) === ((c.base & maskOf(c.bits)) >>> 0);
}

/** Whether two blocks share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  const bits = Math.min(a.bits, b.bits);
  return ((a.base & maskOf(bits)) >>> 0) === ((b.base & maskOf(bits)) >>> 0);
}

/** Number of addresses in a block. */
export function sizeOf(c: Cidr): number {
  return 2 ** (32 - c.bits);
}
