/** `echo` as bash's built-in: `-n` (no newline), `-e` (backslash escapes), `-E`. */
import type { Command } from '../../types.ts';
import { decodeUtf8Runs } from '../../lib/utf8-runs.ts';

/** Interprets echo -e escapes; returns the text and whether `\c` stopped output. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: decodeUtf8Runs(out), stop: true };
    else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))?.[0] ?? '';
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0];
      if (m) {
        out += String.fromCharCode(parseInt(m, 16));
        i += m.length;
      } else out += '\\x';
    } else out += `\\${n}`;
  }
  return { text: decodeUtf8Runs(out), stop: false };
}

export const command: Command = {
  name: 'echo',
  summary: 'Write arguments to the standard output.',
  async run(ctx) {
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i];
      if (!/^-[neE]+$/.test(a)) break;
      for (const f of a.slice(1)) {
        if (f === 'n') newline = false;
        else if (f === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = ctx.args.slice(i).join(' ');
    if (escapes) {
      const r = echoEscapes(text);
      text = r.text;
      if (r.stop) {
        ctx.stdout.write(text);
        return 0;
      }
    }
    ctx.stdout.write(newline ? `${text}\n` : text);
    return 0;
  },
};
