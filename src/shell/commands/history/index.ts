/** `history [N] | -c`: the numbered list of typed command lines, as bash prints it. */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'history',
  summary: 'Display or manipulate the history list.',
  async run(ctx) {
    const shell = ctx.shell;
    if (!shell) return 1;
    if (ctx.args[0] === '-c') {
      shell.clearHistory();
      return 0;
    }
    let entries = shell.history.map((line, i) => [i + 1, line] as const);
    if (ctx.args.length > 0) {
      const n = ctx.args[0];
      if (!/^[0-9]+$/.test(n)) {
        ctx.stderr.write(`bash: history: ${n}: numeric argument required\n`);
        return 1;
      }
      entries = Number(n) === 0 ? [] : entries.slice(-Number(n));
    }
    ctx.stdout.write(entries.map(([i, line]) => `${String(i).padStart(5)}  ${line}\n`).join(''));
    return 0;
  },
};
