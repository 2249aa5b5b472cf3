/**
 * Fast random identifiers for the cluster's hot paths (a UID per object, an Event name suffix,
 * container ids). They draw exactly what `Rng.hex`/`Rng.uuid` draw — one `nextUint32()` per
 * character, in the same order, mapped the same way (`int(16)` is `floor(u / 2³² · 16)`, i.e.
 * `u >>> 28`) — so a seed gives the same strings; only the string building is cheaper.
 */
import type { Rng } from '../../rng.ts';

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const VARIANT_CODES = Array.from('89ab', (c) => c.charCodeAt(0));
const DASH = 45;
const FOUR = 52;
/** Character-code buffers by length, reused: resizing one shared buffer reallocated it on every call. */
const buffers: number[][] = [];

function buffer(length: number): number[] {
  let codes = buffers[length];
  if (codes === undefined) buffers[length] = codes = new Array<number>(length).fill(0);
  return codes;
}

/** `length` lower-case hexadecimal characters, as `rng.hex(length)` returns them. */
export function hexId(rng: Rng, length: number): string {
  const codes = buffer(length);
  for (let i = 0; i < length; i++) codes[i] = HEX_CODES[rng.nextUint32() >>> 28];
  return String.fromCharCode.apply(null, codes);
}

/**
 * Draws what `hexId(rng, length)` draws and returns the number its first `digits` characters
 * spell in hexadecimal (`parseInt(hexId(rng, length).slice(0, digits), 16)`), without the string.
 */
export function hexPrefixValue(rng: Rng, length: number, digits: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) {
    const nibble = rng.nextUint32() >>> 28;
    if (i < digits) value = value * 16 + nibble;
  }
  return value;
}

/** Character positions of the UUID's 32 digits (dashes at 8, 13, 18 and 23). */
const UUID_POS = Array.from({ length: 32 }, (_, i) => i + (i >= 8 ? 1 : 0) + (i >= 12 ? 1 : 0) + (i >= 16 ? 1 : 0) + (i >= 20 ? 1 : 0));

/**
 * An RFC 4122 version-4 UUID, as `rng.uuid()` returns it: 32 hex draws (the 13th is drawn and
 * replaced by the version `4`, the 17th drawn and then replaced by one more draw of the variant).
 */
export function uuidId(rng: Rng): string {
  const codes = buffer(36);
  codes[8] = codes[13] = codes[18] = codes[23] = DASH;
  for (let i = 0; i < 32; i++) codes[UUID_POS[i]] = HEX_CODES[rng.nextUint32() >>> 28];
  codes[UUID_POS[12]] = FOUR;
  codes[UUID_POS[16]] = VARIANT_CODES[rng.nextUint32() >>> 30];
  return String.fromCharCode.apply(null, codes);
}
