/**
 * How GNU sed 4.9 reads an `s` command after the `s` (sed/compile.c): `match_slash` for the
 * regex and the replacement (a bracket expression is read whole by `snarf_char_class`, so a
 * delimiter inside `[...]` does not end the regex), then `mark_subst_opts` for the flags, which
 * skips blanks and reads the `;` or newline that ends the command (a `}` or `#` is put back).
 * Errors carry the position compile.c has reached, as `bad_prog` reports it.
 */

/** A script being read: the text and the index of the next character (compile.c's prog.cur). */
export interface Cursor {
  readonly src: string;
  i: number;
}

/** What a bad_prog reports: the message and how many characters were read. */
export class SedScriptError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

/** inchar(): the next character, or undefined at the end (which reads nothing). */
function inchar(c: Cursor): string | undefined {
  return c.i < c.src.length ? c.src[c.i++] : undefined;
}

/** snarf_char_class after `[`: copies the bracket expression to `out`; returns the character it stopped at (`]`, newline or end). */
function snarfCharClass(c: Cursor, out: string[]): string | undefined {
  let ch = inchar(c);
  if (ch === '^') {
    out.push(ch);
    ch = inchar(c);
  }
  if (ch === ']') {
    out.push(ch);
    ch = inchar(c);
  }
  // 0 outside, 1 after a `[`, 2 after the opening `.`/`:`/`=`, 3 after the closing one
  let state = 0;
  let delim = '';
  for (;; out.push(ch as string), ch = inchar(c)) {
    if (ch === undefined || ch === '\n') return ch;
    if (ch === '.' || ch === ':' || ch === '=') {
      if (state === 1) {
        delim = ch;
        state = 2;
        continue;
      }
      if (state === 2 && ch === delim) {
        state = 3;
        continue;
      }
    } else if (ch === '[') {
      if (state === 0) state = 1;
      continue;
    } else if (ch === ']') {
      if (state === 0 || state === 1) return ch;
      if (state === 3) state = 0;
    }
    state &= ~1;
  }
}

/**
 * match_slash: reads up to the unescaped delimiter `slash` (consumed). `\` before the delimiter
 * gives the delimiter itself; other escapes stay. Undefined when a newline or the end of the
 * script comes first (the newline is left unread).
 */
export function readSlashed(c: Cursor, slash: string, regex: boolean): string | undefined {
  const out: string[] = [];
  let ch: string | undefined;
  while ((ch = inchar(c)) !== undefined && ch !== '\n') {
    if (ch === slash) return out.join('');
    if (ch === '\\') {
      ch = inchar(c);
      if (ch === undefined) break;
      if (ch !== '\n' && (ch !== slash || (!regex && ch === '&'))) out.push('\\');
    } else if (ch === '[' && regex) {
      out.push(ch);
      ch = snarfCharClass(c, out);
      if (ch !== ']') break;
    }
    out.push(ch);
  }
  if (ch === '\n') c.i--;
  return undefined;
}

/** The flags of an `s` command. */
export interface SubstFlags {
  global: boolean;
  print: boolean;
  icase: boolean;
  /** The N of `s///N`, undefined without one. */
  nth?: number;
}

/** mark_subst_opts: reads the flags and the command's end. */
export function readSubstFlags(c: Cursor): SubstFlags {
  const flags: SubstFlags = { global: false, print: false, icase: false };
  const bad = (message: string): never => {
    throw new SedScriptError(message, c.i);
  };
  for (;;) {
    let ch: string | undefined;
    do ch = inchar(c);
    while (ch === ' ' || ch === '\t');
    switch (ch) {
      case 'i':
      case 'I':
        flags.icase = true;
        break;
      case 'm':
      case 'M':
        // multi-line mode: a line of sed's pattern space has no newline to treat specially
        break;
      case 'p':
        if (flags.print) bad("multiple `p' options to `s' command");
        flags.print = true;
        break;
      case 'g':
        if (flags.global) bad("multiple `g' options to `s' command");
        flags.global = true;
        break;
      case 'e':
      case 'w':
        throw new SedScriptError(`petlab: 'sed s///${ch}' is not available in this lab`, -1);
      case '}':
      case '#':
        c.i--;
        return flags;
      case undefined:
      case '\n':
      case ';':
        return flags;
      case '\r':
        if (inchar(c) === '\n') return flags;
        return bad("unknown option to `s'");
      default:
        if (ch >= '0' && ch <= '9') {
          if (flags.nth !== undefined) bad("multiple number options to `s' command");
          let n = Number(ch);
          while (c.i < c.src.length && c.src[c.i] >= '0' && c.src[c.i] <= '9') n = n * 10 + Number(c.src[c.i++]);
          if (n === 0) bad("number option to `s' command may not be zero");
          flags.nth = n;
          break;
        }
        bad("unknown option to `s'");
    }
  }
}
