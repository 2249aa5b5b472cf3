/** `base64 [-d] [-w COLS] [FILE]`: encodes (wrapping at 76 columns) or decodes, UTF-8 text. */
import type { Command } from '../../types.ts';
import { forEachInput } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';
import { utf8Decode, utf8Encode } from '../../lib/utf8.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the UTF-8 bytes of `text`. */
export function encodeBase64(text: string): string {
  const bytes = utf8Encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : ALPHABET[c & 63];
  }
  return out;
}

/** Decodes base64 to UTF-8 text; undefined when the input is not valid base64. */
export function decodeBase64(data: string): string | undefined {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of clean.replace(/=+$/, '')) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return utf8Decode(bytes);
}

export const command: Command = {
  name: 'base64',
  summary: 'Base64 encode/decode data and print to standard output.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, { flags: 'di', withArg: 'w', long: { decode: { key: 'd' }, wrap: { key: 'w', arg: true }, 'ignore-garbage': { key: 'i' } } });
    if (!parsed.ok) return usageError(ctx.stderr, 'base64', parsed.error);
    const { opts, operands } = parsed.value;
    if (operands.length > 1) return usageError(ctx.stderr, 'base64', `extra operand ‘${operands[1]}’`);
    const wrap = opts.has('w') ? Number(opts.get('w')) : 76;
    let status = 0;
    const read = await forEachInput(ctx, operands, (text) => {
      if (opts.has('d')) {
        const out = decodeBase64(text);
        if (out === undefined) {
          ctx.stderr.write('base64: invalid input\n');
          status = 1;
          return;
        }
        ctx.stdout.write(out);
        return;
      }
      const enc = encodeBase64(text);
      const lines = wrap > 0 ? (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []) : [enc];
      ctx.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
    });
    return read || status;
  },
};
