/** `type NAME…`: says whether a name is a keyword, function, built-in or file. */
import type { Command } from '../../types.ts';
import { findInPath } from '../which/index.ts';

export const command: Command = {
  name: 'type',
  summary: 'Display information about command type.',
  async run(ctx) {
    let status = 0;
    for (const name of ctx.args) {
      const kind = ctx.shell?.kind(name);
      if (kind === 'alias') ctx.stdout.write(`${name} is aliased to \`${ctx.shell?.aliasValue?.(name) ?? ''}'\n`);
      else if (kind === 'keyword') ctx.stdout.write(`${name} is a shell keyword\n`);
      else if (kind === 'function') ctx.stdout.write(`${name} is a function\n`);
      else if (kind === 'builtin') ctx.stdout.write(`${name} is a shell builtin\n`);
      else {
        const path = kind === 'file' ? findInPath(ctx, name) : undefined;
        if (path) ctx.stdout.write(`${name} is ${path}\n`);
        else {
          ctx.stderr.write(`bash: type: ${name}: not found\n`);
          status = 1;
        }
      }
    }
    return status;
  },
};
