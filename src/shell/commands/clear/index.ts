/** `clear`: clears the terminal (the ANSI sequence when there is no terminal object). */
import type { Command } from '../../types.ts';

export const command: Command = {
  name: 'clear',
  summary: 'Clear the terminal screen.',
  async run(ctx) {
    if (ctx.terminal) ctx.terminal.clear();
    else ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};
