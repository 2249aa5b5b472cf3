/** `tr [-d] [-s] [-c] SET1 [SET2]`: translates characters (ranges, [:classes:], escapes incl. octal `\NNN`). */
import type { Command } from '../../types.ts';
import { usageError } from '../../lib/options.ts';

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;

function expand(set: string): string[] {
  const out: string[] = [];
  // GNU tr's escapes: \\ \a \b \f \n \r \t \v and \NNN (one to three octal digits)
  const escapes: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
  const chars = [...set.replace(/\\([0-3][0-7]{0,2}|[4-7][0-7]?|[\\abnrtfv])/g, (_m, c: string) => escapes[c] ?? String.fromCharCode(parseInt(c, 8) & 0xff))];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '[' && chars[i + 1] === ':') {
      const end = chars.indexOf(':', i + 2);
      const name = chars.slice(i + 2, end).join('');
      if (end > 0 && chars[end + 1] === ']' && CLASSES[name]) {
        out.push(...CLASSES[name]);
        i = end + 1;
        continue;
      }
    }
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const a = chars[i].codePointAt(0) ?? 0;
      const b = chars[i + 2].codePointAt(0) ?? 0;
      for (let c = a; c <= b; c++) out.push(String.fromCodePoint(c));
      i += 2;
      continue;
    }
    out.push(chars[i]);
  }
  return out;
}

export const command: Command = {
  name: 'tr',
  summary: 'Translate, squeeze, and/or delete characters.',
  async run(ctx) {
    const flags = new Set<string>();
    const sets: string[] = [];
    for (const a of ctx.args) {
      if (/^-[dscC]+$/.test(a) && sets.length === 0) for (const f of a.slice(1)) flags.add(f === 'C' ? 'c' : f);
      else if (a.startsWith('-') && a.length > 1 && sets.length === 0) return usageError(ctx.stderr, 'tr', `invalid option -- '${a[1]}'`);
      else sets.push(a);
    }
    const del = flags.has('d');
    const squeeze = flags.has('s');
    if (sets.length === 0) return usageError(ctx.stderr, 'tr', 'missing operand');
    if (sets.length === 1 && !del && !squeeze) return usageError(ctx.stderr, 'tr', `missing operand after ‘${sets[0]}’\nTwo strings must be given when translating.`);
    if (sets.length > (del && !squeeze ? 1 : 2)) return usageError(ctx.stderr, 'tr', `extra operand ‘${sets[del && !squeeze ? 1 : 2]}’`);
    const s1 = expand(sets[0]);
    const s2 = sets[1] !== undefined ? expand(sets[1]) : [];
    const inSet1 = (c: string) => s1.includes(c) !== flags.has('c');
    let last = '';
    const translate = (text: string): string => {
      let out = '';
      for (const c of text) {
        let o: string | undefined = c;
        if (del && inSet1(c)) o = undefined;
        else if (!del && s2.length > 0 && inSet1(c)) {
          const i = flags.has('c') ? s2.length - 1 : s1.lastIndexOf(c);
          o = s2[Math.min(i, s2.length - 1)];
        }
        if (o === undefined) continue;
        const squeezeSet = del || s2.length === 0 ? s1 : s2;
        if (squeeze && o === last && squeezeSet.includes(o)) continue;
        out += o;
        last = o;
      }
      return out;
    };
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      ctx.stdout.write(translate(chunk));
    }
    return 0;
  },
};
