/**
 * `%.Nf` as C's printf does it: the exact binary value, ties rounded to even (printf "%.1f" 2.25
 * gives 2.2, where JavaScript's toFixed gives 2.3).
 */
export function cFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  const p = Math.max(0, Math.min(digits, 60));
  const exact = Math.abs(x).toFixed(Math.min(100, p + 40));
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 1 + p);
  const js = x.toFixed(p);
  if (!/^50*$/.test(rest)) return js;
  // An exact tie: keep the even neighbour.
  const kept = exact.slice(0, dot + 1 + p).replace(/\.$/, '');
  const lastDigit = Number(kept[kept.length - 1]);
  if (lastDigit % 2 === 0) return (x < 0 ? '-' : '') + kept;
  return js;
}
