/**
 * go-units' human-readable figures as docker/cli prints them: `HumanDuration` ("5 seconds",
 * "About a minute", "2 weeks"), `HumanSizeWithPrecision(size, 3)` ("192MB", "8.31MB").
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** `%.3g` with decimal (1000) units. */
export function humanSize(bytes: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < UNITS.length - 1) {
    size /= 1000;
    i++;
  }
  return `${formatG(size, 3)}${UNITS[i]}`;
}

/** Go's %.Ng: N significant digits, trailing zeros dropped. */
function formatG(v: number, digits: number): string {
  if (v === 0) return '0';
  const s = v.toPrecision(digits);
  if (s.includes('e')) return String(Number(s));
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** `Up 5 seconds`, `Exited (0) 3 seconds ago`, `Created` — the daemon's Status text. */
export function containerStatus(state: { status: string; exitCode: number; startedAt?: number; finishedAt?: number }, now: number): string {
  switch (state.status) {
    case 'running':
      return `Up ${humanDuration(now - (state.startedAt ?? now))}`;
    case 'paused':
      return `Up ${humanDuration(now - (state.startedAt ?? now))} (Paused)`;
    case 'restarting':
      return `Restarting (${state.exitCode}) ${humanDuration(now - (state.finishedAt ?? now))} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'exited':
      if (state.finishedAt === undefined) return 'Created';
      return `Exited (${state.exitCode}) ${humanDuration(now - state.finishedAt)} ago`;
    default:
      return 'Created';
  }
}
