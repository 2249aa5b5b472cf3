/** `head [-n N|-N] [-c N] [FILE…]`: the first lines (10 by default); `-n -N` all but the last N. */
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

export const command: Command = {
  name: 'head',
  summary: 'Output the first part of files.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'qv', withArg: 'nc', numberOption: 'n', long: { lines: { key: 'n', arg: true }, bytes: { key: 'c', arg: true }, quiet: { key: 'q' }, verbose: { key: 'v' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'head', parsed.error);
    const { opts, operands } = parsed.value;
    const raw = String(opts.get('c') ?? opts.get('n') ?? '10');
    const bytes = opts.has('c');
    if (!/^-?[0-9]+$/.test(raw)) {
      ctx.stderr.write(`head: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${raw}’\n`);
      return 1;
    }
    const n = Number(raw);
    const files = operands.length > 0 ? operands : ['-'];
    const headers = opts.has('v') || (files.length > 1 && !opts.has('q'));
    const fs = fsOf(ctx);
    let status = 0;
    let first = true;
    for (const f of files) {
      let text: string | undefined;
      if (f !== '-') {
        try {
          text = fs.readFile(f);
        } catch (e) {
          ctx.stderr.write(`head: cannot open '${f}' for reading: ${errText(e)}\n`);
          status = 1;
          continue;
        }
      }
      if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      if (text === undefined && !bytes && n >= 0) {
        // stream: stop reading once enough lines came (the writer then gets SIGPIPE)
        for (let i = 0; i < n; i++) {
          const line = await ctx.stdin.readLine();
          if (line === null) break;
          ctx.stdout.write(`${line}\n`);
        }
        continue;
      }
      if (text === undefined && bytes && n >= 0) {
        // stream: stop reading once enough bytes came (`seq 1 100000000 | head -c 20`)
        let got = '';
        while (got.length < n) {
          const chunk = await ctx.stdin.read();
          if (chunk === null) break;
          got += chunk;
        }
        ctx.stdout.write(got.slice(0, n));
        continue;
      }
      const all = text ?? (await ctx.stdin.readAll());
      if (bytes) {
        ctx.stdout.write(n >= 0 ? all.slice(0, n) : all.slice(0, Math.max(0, all.length + n)));
        continue;
      }
      const lines = all.split(/(?<=\n)/);
      ctx.stdout.write((n >= 0 ? lines.slice(0, n) : lines.slice(0, Math.max(0, lines.length + n))).join(''));
    }
    return status;
  },
};
