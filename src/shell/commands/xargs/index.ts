/**
 * `xargs [-n N] [-I STR] [-0] [-t] [COMMAND [ARG…]]`: builds command lines from stdin (blank-
 * separated, quotes respected) and runs them in a child shell. Status 123 when a run failed,
 * 127 when the command was not found.
 */
import type { Command } from '../../types.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

function quote(a: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
}

function splitItems(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let inItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
      cur += text.slice(i + 1, end);
      i = end;
      inItem = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inItem = true;
    } else if (/\s/.test(c)) {
      if (inItem) out.push(cur);
      cur = '';
      inItem = false;
    } else {
      cur += c;
      inItem = true;
    }
  }
  if (inItem) out.push(cur);
  return out;
}

export const command: Command = {
  name: 'xargs',
  summary: 'Build and execute command lines from standard input.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: '0trx', withArg: 'nIL', stopAtOperand: true, long: { 'max-args': { key: 'n', arg: true }, null: { key: '0' }, verbose: { key: 't' }, 'no-run-if-empty': { key: 'r' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'xargs', parsed.error);
    const { opts, operands } = parsed.value;
    const cmd = operands.length > 0 ? operands : ['echo'];
    const input = await ctx.stdin.readAll();
    const items = opts.has('0') ? input.split('\0').filter((s) => s !== '') : opts.has('I') ? input.split('\n').map((l) => l.trim()).filter(Boolean) : splitItems(input);
    if (typeof items === 'string') {
      ctx.stderr.write(`xargs: ${items}\n`);
      return 1;
    }
    const runs: string[][] = [];
    const replace = opts.get('I');
    if (typeof replace === 'string') for (const item of items) runs.push(cmd.map((a) => a.split(replace).join(item)));
    else {
      const n = opts.has('n') ? Number(opts.get('n')) : Infinity;
      if (!(n > 0)) {
        ctx.stderr.write(`xargs: invalid number "${String(opts.get('n'))}" for -n option\n`);
        return 1;
      }
      for (let i = 0; i < items.length; i += n === Infinity ? Math.max(items.length, 1) : n) runs.push([...cmd, ...items.slice(i, i + n)]);
      if (items.length === 0 && !opts.has('r')) runs.push([...cmd]);
    }
    let status = 0;
    for (const argv of runs) {
      if (ctx.interrupt.interrupted) return 130;
      if (opts.has('t')) ctx.stderr.write(`${argv.join(' ')}\n`);
      const s = await ctx.spawnShell({ script: argv.map(quote).join(' '), argv: ['xargs'] });
      if (s === 127) return 127;
      if (s !== 0) status = 123;
    }
    return status;
  },
};
