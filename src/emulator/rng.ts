/**
 * The world's only source of randomness: a seeded sfc32 generator. Pod name suffixes, MAC
 * addresses, container ids, UIDs and jitter all come from here, so a seed replays exactly.
 */
export class Rng {
  /**
   * sfc32's four words a, b, c, d. Kept in a typed array: words above 2^31 in plain fields are
   * boxed numbers in V8, so every draw would allocate four of them.
   */
  private readonly state = new Uint32Array(4);

  constructor(seed: number = 1) {
    // splitmix32 spreads a small seed over the four words of state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let i = 0; i < 4; i++) this.state[i] = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const st = this.state;
    const b = st[1];
    const c = st[2];
    const d = st[3];
    const t = (((st[0] + b) >>> 0) + d) >>> 0;
    st[3] = d + 1; // the array wraps at 2^32
    st[0] = b ^ (b >>> 9);
    st[1] = c + (c << 3);
    st[2] = (((c << 21) | (c >>> 11)) >>> 0) + t;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** Lower-case hexadecimal, e.g. Docker's 64-character ids. */
  hex(length: number): string {
    return this.string(length, '0123456789abcdef');
  }

  /** An RFC 4122 version-4 UUID, as Kubernetes uses for metadata.uid. */
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(4)];
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A child generator, so one subsystem's draws do not shift another's. */
  fork(): Rng {
    return new Rng(this.nextUint32());
  }
}
