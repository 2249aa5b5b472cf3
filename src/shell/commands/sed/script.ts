/**
 * sed scripts: addresses (N, $, /re/, ranges A,B), commands s///flags, d, p, q, =, and
 * `{…}` is not supported. Parse errors use GNU sed's wording:
 * `sed: -e expression #1, char 3: unterminated `s' command`.
 */
import { compilePosix } from '../../lib/regex.ts';
import type { PosixMatch, PosixRegex } from '../../lib/regex.ts';
import { readSlashed, readSubstFlags, SedScriptError } from './subst.ts';
import type { Cursor, SubstFlags } from './subst.ts';

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

/** A script error; `raw` messages are printed as they are (not after `sed: `). */
export class SedError extends Error {
  readonly raw: boolean;
  constructor(message: string, raw = false) {
    super(message);
    this.raw = raw;
  }
}

/** The highest `\N` in a replacement (0 when none); `\\` is an escaped backslash. */
function maxReference(rep: string): number {
  let max = 0;
  for (let k = 0; k < rep.length; k++) {
    if (rep[k] !== '\\') continue;
    const n = rep[++k];
    if (n !== undefined && n >= '1' && n <= '9') max = Math.max(max, Number(n));
  }
  return max;
}

/** Parses a sed script (one -e expression, numbered `index` for messages). */
export function parseSed(src: string, index: number, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #${index}, char ${i}: ${msg}`);
  };
  const cursor: Cursor = {
    src,
    get i() {
      return i;
    },
    set i(v: number) {
      i = v;
    },
  };
  /** match_slash through `subst.ts`; `unterminated` is the message when the delimiter never comes. */
  const readDelimited = (delim: string, regex: boolean, unterminated: string): string => {
    const text = readSlashed(cursor, delim, regex);
    if (text === undefined) return fail(unterminated);
    // the engine reads `\n` in a regex as a newline
    return text;
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
      const re = readDelimited(delim, true, 'unterminated address regex');
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
        const re = readDelimited(delim, true, "unterminated `s' command");
        const rep = readDelimited(delim, false, "unterminated `s' command");
        let flags: SubstFlags;
        try {
          flags = readSubstFlags(cursor);
        } catch (e) {
          if (e instanceof SedScriptError && e.at >= 0) throw new SedError(`-e expression #${index}, char ${e.at}: ${e.message}`);
          if (e instanceof SedScriptError) throw new SedError(e.message, true);
          throw e;
        }
        cmd.global = flags.global;
        cmd.print = flags.print;
        cmd.nth = flags.nth;
        // compiled once the command's end is read (its `;` or newline counts in the char number)
        cmd.re = compile(re, flags.icase ? 'i' : '');
        const ref = maxReference(rep);
        if (ref > cmd.re.groups) fail(`invalid reference \\${ref} on \`s' command's RHS`);
        cmd.replacement = rep;
        cmds.push(cmd);
        continue;
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
