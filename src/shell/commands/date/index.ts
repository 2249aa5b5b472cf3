/** `date [-u] [+FORMAT]`: the world's virtual time in UTC (the lab machines run in UTC). */
import type { Command } from '../../types.ts';
import { usageError } from '../../lib/options.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Formats `ms` (UTC) with strftime directives. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((ms - start) / 86_400_000) + 1;
  return format.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case 'a': return DAYS[d.getUTCDay()].slice(0, 3);
      case 'A': return DAYS[d.getUTCDay()];
      case 'b': case 'h': return MONTHS[d.getUTCMonth()].slice(0, 3);
      case 'B': return MONTHS[d.getUTCMonth()];
      case 'd': return p2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'y': return p2(d.getUTCFullYear() % 100);
      case 'Y': return String(d.getUTCFullYear());
      case 'H': return p2(d.getUTCHours());
      case 'I': return p2(((d.getUTCHours() + 11) % 12) + 1);
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 'N': return String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0');
      case 's': return String(Math.floor(ms / 1000));
      case 'j': return String(yday).padStart(3, '0');
      case 'u': return String(d.getUTCDay() || 7);
      case 'w': return String(d.getUTCDay());
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'R': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case 'D': return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
    }
    return m;
  });
}

export const command: Command = {
  name: 'date',
  summary: 'Print the system date and time.',
  async run(ctx) {
    let format = '%a %b %e %H:%M:%S %Z %Y';
    for (const a of ctx.args) {
      if (a === '-u' || a === '--utc' || a === '--universal') continue;
      if (a.startsWith('+')) format = a.slice(1);
      else if (a === '-I' || a === '--iso-8601') format = '%F';
      else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
      else if (a.startsWith('-')) return usageError(ctx.stderr, 'date', a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`);
      else {
        ctx.stderr.write(`date: invalid date ‘${a}’\n`);
        return 1;
      }
    }
    ctx.stdout.write(`${strftime(format, ctx.world.now())}\n`);
    return 0;
  },
};
