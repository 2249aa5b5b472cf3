/** iputils ping's number formats: per-reply `time=` and the closing statistics block. */

/**
 * `time=` of one reply (ping_common.c gather_statistics): from whole microseconds, rounded to
 * 3 decimals under 1 ms, 2 under 10, 1 under 100 and none above — by adding half a unit and
 * cutting with integer division, never rounding twice.
 */
export function formatRtt(ms: number): string {
  const us = toMicros(ms);
  const div = (a: number, b: number) => Math.trunc(a / b);
  if (us >= 100000 - 50) return String(div(us + 500, 1000));
  if (us >= 10000 - 5) return `${div(us + 50, 1000)}.${div((us + 50) % 1000, 100)}`;
  if (us >= 1000) return `${div(us + 5, 1000)}.${String(div((us + 5) % 1000, 10)).padStart(2, '0')}`;
  return `${div(us, 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

/**
 * The block printed when ping ends (after -c replies, -w, or Ctrl-C), as ping_common.c finish()
 * computes it: round trips are whole microseconds (`tsum`, `tsum2`), the average and the variance
 * use integer division, mdev is the truncated square root, each printed as `%ld.%03ld`. `pipe N`
 * (the most probes ever outstanding) follows when it is above 1.
 */
export function statistics(target: string, sent: number, received: number, errors: number, elapsedMs: number, rtts: readonly number[], pipesize = 1): string {
  const loss = sent === 0 ? 0 : ((sent - received) * 100) / sent;
  let s = `\n--- ${target} ping statistics ---\n`;
  s += `${sent} packets transmitted, ${received} received, ${errors > 0 ? `+${errors} errors, ` : ''}${formatPercent(loss)}% packet loss, time ${Math.round(elapsedMs)}ms\n`;
  const tail: string[] = [];
  if (rtts.length > 0) {
    const us = rtts.map(toMicros);
    const total = us.length;
    const tsum = us.reduce((a, b) => a + b, 0);
    const tsum2 = us.reduce((a, b) => a + b * b, 0);
    const tmavg = Math.trunc(tsum / total);
    const tmvar = Math.trunc((tsum2 - Math.trunc((tsum * tsum) / total)) / total);
    const tmdev = Math.trunc(Math.sqrt(Math.abs(tmvar)));
    tail.push(`rtt min/avg/max/mdev = ${[Math.min(...us), tmavg, Math.max(...us), tmdev].map(fixed3).join('/')} ms`);
  }
  if (pipesize > 1) tail.push(`pipe ${pipesize}`);
  return tail.length > 0 ? `${s}${tail.join(', ')}\n` : s;
}

/** A round trip in whole microseconds, as the timestamps in the echo payload give it. */
export function toMicros(ms: number): number {
  return Math.round(ms * 1000);
}

/** `%ld.%03ld` of a microsecond count. */
function fixed3(us: number): string {
  return `${Math.trunc(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

/** printf("%g") for a percentage: up to 6 significant digits, no trailing zeros. */
function formatPercent(v: number): string {
  return String(Number(v.toPrecision(6)));
}
