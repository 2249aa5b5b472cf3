/**
 * sed scripts: addresses (N, $, /re/, ranges A,B), commands s///flags, d, p, q, =, and
 * `{…}` is not supported. Parse errors use GNU sed's wording:
 * `sed: -e expression #1, char 3: unterminated `s' command`.
 */
import { compilePosix } from '../../lib/regex.ts';
import type { PosixMatch, PosixRegex } from '../../lib/regex.ts';

export type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: PosixRegex };

export interface SedCommand {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: string;
  re?: PosixRegex;
  replacement?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  text?: string;
  /** Range state: inside the range. */
  active?: boolean;
}

export class SedError extends Error {}

/** Parses a sed script (one -e expression, numbered `index` for messages). */
export function parseSed(src: string, index: number, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #${index}, char ${i}: ${msg}`);
  };
  const readDelimited = (delim: string): string => {
    let out = '';
    for (;;) {
      if (i >= src.length) return fail(`unterminated \`s' command`);
      const c = src[i++];
      if (c === '\\' && i < src.length) {
        const n = src[i++];
        if (n === delim) out += delim;
        else if (n === 'n') out += '\\n';
        else out += `\\${n}`;
        continue;
      }
      if (c === delim) return out;
      out += c;
    }
  };
  const compile = (re: string, flags: string): PosixRegex => {
    const r = compilePosix(re, { extended, ignoreCase: flags.includes('i'), strictRepeat: true });
    if (typeof r === 'string') return fail(r);
    return r;
  };
  const address = (): Address | undefined => {
    const c = src[i];
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c !== undefined && /[0-9]/.test(c)) {
      let n = '';
      while (/[0-9]/.test(src[i] ?? '')) n += src[i++];
      return { kind: 'line', n: Number(n) };
    }
    if (c === '/' || c === '\\') {
      i++;
      const delim = c === '\\' ? src[i++] : '/';
      let re = '';
      for (;;) {
        if (i >= src.length) return fail('unterminated address regex');
        const ch = src[i++];
        if (ch === '\\' && src[i] === delim) {
          re += delim;
          i++;
          continue;
        }
        if (ch === '\\') {
          re += ch + (src[i++] ?? '');
          continue;
        }
        if (ch === delim) break;
        re += ch;
      }
      let flags = '';
      if (src[i] === 'I') {
        flags = 'i';
        i++;
      }
      // compile_address reads on over blanks to the next character and puts only that back
      const afterRe = i;
      while (src[i] === ' ' || src[i] === '\t') i++;
      const compiled = compile(re, flags);
      i = afterRe;
      return { kind: 're', re: compiled };
    }
    return undefined;
  };
  while (i < src.length) {
    while (i < src.length && /[\s;]/.test(src[i])) i++;
    if (i >= src.length) break;
    const cmd: SedCommand = { negate: false, name: '' };
    cmd.from = address();
    if (cmd.from && src[i] === ',') {
      i++;
      cmd.to = address();
      if (!cmd.to) fail('unexpected `,\'');
    }
    while (src[i] === ' ') i++;
    if (src[i] === '!') {
      cmd.negate = true;
      i++;
    }
    while (src[i] === ' ') i++;
    const name = src[i++];
    if (name === undefined) fail('missing command');
    cmd.name = name;
    switch (name) {
      case 's': {
        const delim = src[i++];
        if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command");
        const re = readDelimited(delim);
        const rep = readDelimited(delim);
        let flags = '';
        while (i < src.length && /[gpiI0-9]/.test(src[i])) flags += src[i++];
        cmd.global = flags.includes('g');
        cmd.print = flags.includes('p');
        const nth = /[0-9]+/.exec(flags);
        if (nth) cmd.nth = Number(nth[0]);
        // GNU sed compiles after mark_subst_opts has read the `;` or newline ending the command,
        // so a regex error's char number counts it (a `}` or `#` it puts back)
        const afterFlags = i;
        if (src[i] === ';' || src[i] === '\n') i++;
        cmd.re = compile(re, `${cmd.global ? 'g' : ''}${/[iI]/.test(flags) ? 'i' : ''}`);
        i = afterFlags;
        cmd.replacement = rep;
        break;
      }
      case 'd':
      case 'p':
      case 'q':
      case '=':
      case 'n':
        break;
      case 'a':
      case 'i':
      case 'c': {
        if (src[i] === '\\') i++;
        while (src[i] === ' ' || src[i] === '\n') i++;
        let text = '';
        while (i < src.length && src[i] !== '\n') text += src[i++];
        cmd.text = text;
        break;
      }
      default:
        fail(`unknown command: \`${name}'`);
    }
    while (src[i] === ' ') i++;
    if (i < src.length && !/[;\n}]/.test(src[i])) fail(`extra characters after command`);
    cmds.push(cmd);
  }
  return cmds;
}

/** Expands `&`, `\1`…`\9`, `\n` in a replacement for one match. */
export function substitute(rep: string, m: PosixMatch | readonly (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === '&') out += m[0];
    else if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i];
      if (/[0-9]/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += c;
  }
  return out;
}
