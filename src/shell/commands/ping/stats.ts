/** iputils ping's number formats: per-reply `time=` and the closing statistics block. */

/** `time=` of one reply: 3 decimals under 1 ms, 2 under 10, 1 under 100, none above (ping_common.c). */
export function formatRtt(ms: number): string {
  const us = Math.round(ms * 1000);
  if (us >= 100000 - 50) return String(Math.floor((us + 500) / 1000));
  if (us >= 10000 - 5) return ((us + 50) / 1000).toFixed(1);
  if (us >= 1000) return ((us + 5) / 1000).toFixed(2);
  return (us / 1000).toFixed(3);
}

/** The block printed when ping ends (after -c replies, -w, or Ctrl-C). */
export function statistics(target: string, sent: number, received: number, errors: number, elapsedMs: number, rtts: readonly number[]): string {
  const loss = sent === 0 ? 0 : ((sent - received) * 100) / sent;
  let s = `\n--- ${target} ping statistics ---\n`;
  s += `${sent} packets transmitted, ${received} received, ${errors > 0 ? `+${errors} errors, ` : ''}${formatPercent(loss)}% packet loss, time ${Math.round(elapsedMs)}ms\n`;
  if (rtts.length > 0) {
    const min = Math.min(...rtts);
    const max = Math.max(...rtts);
    const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
    const sq = rtts.reduce((a, b) => a + b * b, 0) / rtts.length;
    const mdev = Math.sqrt(Math.max(0, sq - avg * avg));
    s += `rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((v) => v.toFixed(3)).join('/')} ms\n`;
  }
  return s;
}

/** printf("%g") for a percentage: up to 6 significant digits, no trailing zeros. */
function formatPercent(v: number): string {
  return String(Number(v.toPrecision(6)));
}
