/**
 * `watch [-n SECS] [-t] COMMAND…`: runs the command every SECS of virtual time (default 2),
 * showing procps-ng's header (`Every 2.0s: date    petlab: Sun Nov 29 10:00:00 2026`) and its
 * output, until Ctrl-C. On a terminal each round clears the screen.
 */
import type { Command } from '../../types.ts';
import { BufferOutput } from '../../interp/streams.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3) format in UTC: `Sun Nov 29 10:00:00 2026`. */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export const command: Command = {
  name: 'watch',
  summary: 'Execute a program periodically, showing output fullscreen.',
  async run(ctx) {
    let interval = 2;
    let title = true;
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i];
      if (a === '-n' || a === '--interval') {
        const v = Number(ctx.args[++i]);
        if (!Number.isFinite(v)) {
          ctx.stderr.write(`watch: failed to parse argument: '${ctx.args[i] ?? ''}'\n`);
          return 1;
        }
        interval = Math.max(0.1, v);
      } else if (/^-n[0-9.]+$/.test(a)) interval = Math.max(0.1, Number(a.slice(2)));
      else if (a.startsWith('--interval=')) interval = Math.max(0.1, Number(a.slice(11)));
      else if (a === '-t' || a === '--no-title') title = false;
      else if (a === '--') {
        i++;
        break;
      } else if (a.startsWith('-')) {
        ctx.stderr.write(`watch: invalid option -- '${a.slice(1, 2)}'\n`);
        return 1;
      } else break;
    }
    const cmd = ctx.args.slice(i).join(' ');
    if (!cmd) {
      ctx.stderr.write('Usage:\n watch [options] command\n');
      return 1;
    }
    const width = ctx.terminal?.columns || 80;
    const host = (ctx.process as { hostname?: string }).hostname ?? 'localhost';
    do {
      const out = new BufferOutput();
      await ctx.spawnShell({ script: cmd, argv: ['sh', '-c', cmd], stdout: out, stderr: out });
      if (ctx.interrupt.interrupted) break;
      let frame = '';
      if (title) {
        const left = `Every ${interval.toFixed(1)}s: ${cmd}`;
        const right = `${host}: ${ctime(ctx.world.now())}`;
        const gap = width - left.length - right.length;
        frame += gap >= 1 ? `${left}${' '.repeat(gap)}${right}\n\n` : `${left.slice(0, Math.max(0, width - right.length - 4))}... ${right}\n\n`;
      }
      frame += out.text;
      if (ctx.terminal) ctx.terminal.clear();
      ctx.stdout.write(frame);
    } while (await ctx.sleep(interval * 1000));
    return 130;
  },
};
