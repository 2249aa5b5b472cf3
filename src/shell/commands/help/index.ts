/** `help`: lists every command this lab has, with its one-line summary (from the registry). */
import type { Command } from '../../types.ts';
import { INTERNAL_SUMMARIES } from '../../interp/builtins.ts';
import { commandNames, loadCommand } from '../registry.ts';

export const command: Command = {
  name: 'help',
  summary: 'List the commands available in this lab.',
  async run(ctx) {
    const rows: [string, string][] = Object.entries(INTERNAL_SUMMARIES);
    // Only what this process can run: a container lacks the host's kubectl and docker.
    for (const name of commandNames().filter((n) => ctx.shell?.kind(n) !== undefined || !ctx.shell)) {
      try {
        const cmd = await loadCommand(name);
        rows.push([name, cmd?.summary ?? '']);
      } catch {
        rows.push([name, '']);
      }
    }
    if (ctx.args.length > 0) {
      let status = 0;
      for (const a of ctx.args) {
        const row = rows.find(([n]) => n === a);
        if (row) ctx.stdout.write(`${row[0]}: ${row[1]}\n`);
        else {
          ctx.stderr.write(`bash: help: no help topics match \`${a}'.  Try \`help help' or \`man -k ${a}' or \`info ${a}'.\n`);
          status = 1;
        }
      }
      return status;
    }
    rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const width = Math.max(...rows.map(([n]) => n.length));
    ctx.stdout.write('Commands available in this lab (shell built-ins and programs):\n\n');
    for (const [n, s] of rows) ctx.stdout.write(`  ${n.padEnd(width)}  ${s}\n`);
    ctx.stdout.write('\nControl: if/then/elif/else/fi, for/while/until … do … done, case … esac, NAME() { …; }\n');
    return 0;
  },
};
