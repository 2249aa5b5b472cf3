/**
 * `env [-i] [-u NAME] [NAME=VALUE…] [COMMAND [ARG…]]`: prints the environment, or runs a command
 * with a changed one. `env: 'nope': No such file or directory` (127) for an unknown command.
 */
import type { Command } from '../../types.ts';

function quote(a: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
}

export const command: Command = {
  name: 'env',
  summary: 'Run a program in a modified environment, or print the environment.',
  async run(ctx) {
    let clear = false;
    const unsets: string[] = [];
    const sets: [string, string][] = [];
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i];
      if (a === '-i' || a === '-' || a === '--ignore-environment') clear = true;
      else if (a === '-u') unsets.push(ctx.args[++i] ?? '');
      else if (a === '--') {
        i++;
        break;
      } else if (a.startsWith('-') && a.length > 1) {
        ctx.stderr.write(`env: invalid option -- '${a[1]}'\nTry 'env --help' for more information.\n`);
        return 125;
      } else break;
    }
    for (; i < ctx.args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(ctx.args[i]); i++) {
      const a = ctx.args[i];
      sets.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
    }
    const env: Record<string, string> = clear ? {} : { ...ctx.env.exported() };
    for (const u of unsets) delete env[u];
    for (const [k, v] of sets) env[k] = v;
    const rest = ctx.args.slice(i);
    if (rest.length === 0) {
      for (const [k, v] of Object.entries(env)) ctx.stdout.write(`${k}=${v}\n`);
      return 0;
    }
    const assigns = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
    const line = `${clear ? '' : ''}${assigns ? `${assigns} ` : ''}${rest.map(quote).join(' ')}`;
    return ctx.spawnShell({ script: line, argv: rest });
  },
};
