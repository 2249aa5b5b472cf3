/** Moving an object's timestamps back in time (cluster bootstrap: objects as old as the cluster). */
import { rfc3339 } from './meta.ts';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/**
 * `v` with every RFC 3339 timestamp at or after `since` (ms) moved back by `shiftMs`.
 * Copy-on-write: a part without a timestamp to move is returned as it is (the same, possibly
 * frozen, object), so `v` itself comes back when nothing moves.
 */
export function shiftTimestamps(v: unknown, since: number, shiftMs: number): unknown {
  if (typeof v === 'string') {
    if (!TIMESTAMP.test(v)) return v;
    const ms = Date.parse(v);
    return ms >= since ? rfc3339(ms - shiftMs) : v;
  }
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = shiftTimestamps(v[i], since, shiftMs);
      if (x !== v[i]) (out ??= v.slice())[i] = x;
    }
    return out ?? v;
  }
  if (v && typeof v === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const k in v) {
      const old = (v as Record<string, unknown>)[k];
      const x = shiftTimestamps(old, since, shiftMs);
      if (x !== old) (out ??= { ...(v as Record<string, unknown>) })[k] = x;
    }
    return out ?? v;
  }
  return v;
}
