/**
 * `bash` / `sh`: a child shell, run as the process the interpreter started for `sh` (one `sh`
 * in `ps`, and `$$` is its PID). `-c 'cmds' [name [args…]]` runs a command string; `bash FILE`
 * runs a script; with neither, an interactive shell on the terminal until `exit` or Ctrl-D
 * (or, without a terminal, the commands read from stdin).
 */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { oneShot } from './oneshot.ts';

export const command: Command = {
  name: 'bash',
  summary: 'Start a child shell (-c STRING runs a command string).',
  async run(ctx) {
    const name = ctx.name === 'sh' ? 'sh' : 'bash';
    const args = [...ctx.args];
    while (args[0] === '-l' || args[0] === '-i' || args[0] === '--login' || args[0] === '-e' || args[0] === '-x') args.shift();
    if (args[0] === '-c') {
      if (args.length < 2) {
        ctx.stderr.write(`${name}: -c: option requires an argument\n`);
        return 2;
      }
      const direct = name === 'bash' && args.length === 2 ? await oneShot(ctx, args[1]) : undefined;
      if (direct !== undefined) return direct;
      return ctx.spawnShell({ in: ctx.process, script: args[1], argv: [name, '-c', args[1], ...args.slice(2)], arg0: args[2] ?? name, args: args.slice(3) });
    }
    if (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '-') {
      ctx.stderr.write(`${name}: ${args[0]}: invalid option\n`);
      return 2;
    }
    if (args[0] !== undefined) {
      let text: string;
      try {
        text = fsOf(ctx).readFile(args[0]);
      } catch (e) {
        ctx.stderr.write(`${name}: ${args[0]}: ${errText(e)}\n`);
        return 127;
      }
      return ctx.spawnShell({ in: ctx.process, script: text, argv: [name, ...args], arg0: args[0], args: args.slice(1) });
    }
    return ctx.spawnShell({ in: ctx.process, argv: [name] });
  },
};
