/**
 * Resource quantities as kubectl sums and prints them in `describe node`: CPU in millicores
 * (`100m`, `1`), memory in bytes printed canonically (`170Mi`, `1Gi`, `1500k` stays decimal).
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The value of a quantity string in base units (cores, bytes), or 0 when it does not parse. */
export function parseQuantity(text: string | undefined): number {
  if (!text) return 0;
  const m = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(text.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const suffix = m[2];
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  return 0;
}

/** CPU cores as Quantity.String(): `100m`, `1`, `1500m`. */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Bytes as Quantity.String() of a BinarySI quantity: `70Mi`, `1Gi`, `0`. */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0';
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const unit = BINARY[suffix];
    if (bytes % unit === 0) return `${bytes / unit}${suffix}`;
  }
  return String(Math.round(bytes));
}

/** `100m (5%)`: a sum and its integer percentage of `allocatable` (kubectl truncates). */
export function withPercent(text: string, value: number, allocatable: number): string {
  const pct = allocatable > 0 ? Math.trunc((value / allocatable) * 100) : 0;
  return `${text} (${pct}%)`;
}
