/**
 * AGE formatting, as apimachinery `pkg/util/duration.HumanDuration` and kubectl's
 * `translateTimestampSince` (printers.go) compute it: ~2–3 significant figures.
 */

/** HumanDuration of `ms` milliseconds: `45s`, `2m30s`, `10m`, `3h5m`, `2d4h`, `<invalid>`… */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * kubectl's `translateTimestampSince`: `<unknown>` for a missing timestamp, otherwise the
 * HumanDuration between the RFC 3339 `timestamp` and `now` (ms since the epoch).
 */
export function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = parseTimestamp(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

const parsed = new Map<string, number>();

/** Date.parse with a small cache: a table prints the same few creation timestamps many times. */
export function parseTimestamp(timestamp: string): number {
  let t = parsed.get(timestamp);
  if (t === undefined) {
    t = Date.parse(timestamp);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(timestamp, t);
  }
  return t;
}
