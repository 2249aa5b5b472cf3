/**
 * `tail [-n N|-n +N|-N] [-c N] [-f] [FILE…]`: the last lines (10 by default). `-f` keeps
 * printing what is appended, checking each virtual second, until Ctrl-C.
 */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

function lastLines(text: string, spec: string): string {
  const lines = text.split(/(?<=\n)/).filter((l) => l !== '');
  if (spec.startsWith('+')) return lines.slice(Math.max(0, Number(spec.slice(1)) - 1)).join('');
  const n = Math.abs(Number(spec));
  return n === 0 ? '' : lines.slice(-n).join('');
}

export const command: Command = {
  name: 'tail',
  summary: 'Output the last part of files (-f follows them).',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'fFqv', withArg: 'nc', numberOption: 'n', long: { lines: { key: 'n', arg: true }, bytes: { key: 'c', arg: true }, follow: { key: 'f' }, quiet: { key: 'q' }, verbose: { key: 'v' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'tail', parsed.error);
    const { opts, operands } = parsed.value;
    const spec = String(opts.get('n') ?? '10');
    if (!/^[+-]?[0-9]+$/.test(spec)) {
      ctx.stderr.write(`tail: invalid number of lines: ‘${spec}’\n`);
      return 1;
    }
    const bytes = opts.has('c') ? Number(opts.get('c')) : undefined;
    const files = operands.length > 0 ? operands : ['-'];
    const headers = opts.has('v') || (files.length > 1 && !opts.has('q'));
    const fs = fsOf(ctx);
    let status = 0;
    const sizes = new Map<string, number>();
    let first = true;
    for (const f of files) {
      let text: string;
      if (f === '-') text = await ctx.stdin.readAll();
      else {
        try {
          text = fs.readFile(f);
        } catch (e) {
          ctx.stderr.write(`tail: cannot open '${f}' for reading: ${errText(e)}\n`);
          status = 1;
          continue;
        }
        sizes.set(f, text.length);
      }
      if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      ctx.stdout.write(bytes !== undefined ? text.slice(Math.max(0, text.length - bytes)) : lastLines(text, spec));
    }
    if (!opts.has('f') && !opts.has('F')) return status;
    if (sizes.size === 0) {
      // following a pipe: nothing more will come once it ended
      return status;
    }
    let last = files[files.length - 1];
    while (await ctx.sleep(1000)) {
      for (const [f, size] of sizes) {
        let text: string;
        try {
          text = fs.readFile(f);
        } catch {
          continue;
        }
        if (text.length === size) continue;
        if (headers && f !== last) ctx.stdout.write(`\n==> ${f} <==\n`);
        last = f;
        ctx.stdout.write(text.length > size ? text.slice(size) : text);
        if (text.length < size) ctx.stderr.write(`tail: ${f}: file truncated\n`);
        sizes.set(f, text.length);
      }
    }
    return 130;
  },
};
