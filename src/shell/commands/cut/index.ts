/**
 * `cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE…]`. Without a list:
 * `cut: you must specify a list of bytes, characters, or fields`.
 */
import type { Command } from '../../types.ts';
import { forEachInput, splitLines } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';

function parseList(list: string): ((i: number) => boolean) | string {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '' )) return part === '' || part === '-' ? 'invalid range with no endpoint: -' : `invalid field value ‘${part}’`;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : from;
    if (from === 0 || to === 0) return 'fields and positions are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return (i: number) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const command: Command = {
  name: 'cut',
  summary: 'Remove sections from each line of files.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 's', withArg: 'fdcb', long: { fields: { key: 'f', arg: true }, delimiter: { key: 'd', arg: true }, characters: { key: 'c', arg: true }, bytes: { key: 'b', arg: true }, 'only-delimited': { key: 's' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'cut', parsed.error);
    const { opts, operands } = parsed.value;
    const listArg = opts.get('f') ?? opts.get('c') ?? opts.get('b');
    if (typeof listArg !== 'string') return usageError(ctx.stderr, 'cut', 'you must specify a list of bytes, characters, or fields');
    const pick = parseList(listArg);
    if (typeof pick === 'string') return usageError(ctx.stderr, 'cut', pick);
    const delim = String(opts.get('d') ?? '\t');
    if (opts.has('d') && [...delim].length !== 1) return usageError(ctx.stderr, 'cut', 'the delimiter must be a single character');
    const fields = opts.has('f');
    return forEachInput(ctx, operands, (text) => {
      let out = '';
      for (const line of splitLines(text)) {
        if (fields) {
          if (!line.includes(delim)) {
            if (!opts.has('s')) out += `${line}\n`;
            continue;
          }
          out += `${line.split(delim).filter((_, i) => pick(i + 1)).join(delim)}\n`;
        } else out += `${[...line].filter((_, i) => pick(i + 1)).join('')}\n`;
      }
      ctx.stdout.write(out);
    });
  },
};
