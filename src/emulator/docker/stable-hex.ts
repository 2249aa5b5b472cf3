/**
 * Stable pseudo-random hex derived from a string (FNV-1a seeding an xorshift stream). Image ids,
 * digests and layer ids of the built-in catalogue come from here, so they are the same in every
 * world and every run, like a real registry's content addresses.
 */
export function stableHex(seed: string, length: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = '';
  let x = h || 1;
  while (out.length < length) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += (x >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
