/**
 * The awk scanner (the part of parse.ts that reads characters): tokens with the line each
 * starts on, and the scan-time errors worded as mawk 1.3.4's scan.c and re_cmpl.c word them.
 */
import { mawkRegexError } from './mawk-regex.ts';

/**
 * A compile-time error. The command prints `awk: line LINE: MESSAGE` (mawk's compile_error),
 * `awk: MESSAGE` when `form` is 'bare' (unexpected_char's own `LINE: unexpected character 'c'`),
 * or MESSAGE alone when 'raw' (the lab's own `petlab: …` notes).
 */
export class AwkSyntaxError extends Error {
  readonly line: number;
  readonly form: 'line' | 'bare' | 'raw';
  constructor(message: string, line = 1, form: 'line' | 'bare' | 'raw' | boolean = 'line') {
    super(message);
    this.line = line;
    this.form = form === true ? 'bare' : form === false ? 'line' : form;
  }
}

export type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' };

export const KEYWORDS = new Set(['BEGIN', 'END', 'print', 'printf', 'if', 'else', 'while', 'for', 'do', 'in', 'next', 'exit', 'break', 'continue', 'delete', 'getline', 'function', 'return']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '!~', '>>', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

/** The tokens, and beside them the line each starts on (mawk's token_lineno). */
export function lex(src: string): { toks: Tok[]; lines: number[] } {
  const toks: Tok[] = [];
  const lines: number[] = [];
  let counted = 0;
  let line = 1;
  let startLine = 1;
  const depth: Record<string, number> = { '(': 0, '{': 0 };
  let i = 0;
  const lineAt = (at: number) => src.slice(0, at).split('\n').length;
  const regexAllowed = () => {
    const p = toks[toks.length - 1];
    if (!p) return true;
    if (p.t === 'num' || p.t === 'str' || p.t === 're') return false;
    if (p.t === 'name') return KEYWORDS.has(p.v) && p.v !== 'getline';
    if (p.t === 'op') return ![')', ']', '$', '++', '--'].includes(p.v);
    return true;
  };
  while (i < src.length) {
    while (lines.length < toks.length) lines.push(startLine);
    for (; counted < i; counted++) if (src[counted] === '\n') line++;
    startLine = line;
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
    } else if (c === '\n') {
      toks.push({ t: 'nl' });
      i++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (/[0-9.]/.test(c) && /^(\d+\.?\d*(e[+-]?\d+)?|\.\d+)/i.test(src.slice(i))) {
      const m = /^(\d+\.?\d*(e[+-]?\d+)?|\.\d+)/i.exec(src.slice(i)) as RegExpExecArray;
      toks.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      toks.push({ t: 'name', v: m[0] });
      i += m[0].length;
    } else if (c === '"') {
      let s = '';
      const start = ++i;
      // collect_string: a newline or the end of the program leaves it runaway (raw text, 10 chars)
      const runaway = () => new AwkSyntaxError(`runaway string constant "${src.slice(start, i).replace(/\\\n/g, '').slice(0, 10)} ...`, lineAt(start));
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\n') throw runaway();
        if (src[i] === '\\' && src[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[++i];
          s += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[n] ?? `\\${n}`;
        } else s += src[i];
        i++;
      }
      if (i >= src.length) throw runaway();
      i++;
      toks.push({ t: 'str', v: s });
    } else if (c === '/' && regexAllowed()) {
      const line = lineAt(i);
      const { text, next } = collectRegex(src, i + 1, line);
      i = next;
      // re_compile at scan time: compile_error, then mawk goes on to exit 2 after the parse
      const err = mawkRegexError(text);
      if (err) throw new AwkSyntaxError(`regular expression compile failed (${err})\n${text}`, line);
      toks.push({ t: 're', v: text });
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkSyntaxError(c > ' ' && c < '\x7f' ? `${lineAt(i)}: unexpected character '${c}'` : `${lineAt(i)}: unexpected character 0x${(c.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`, lineAt(i), true);
      // scan.c: a `)` or `}` with none open is `extra ')'` / `extra '}'` (compile_error)
      if (op === '(' || op === '{') depth[op]++;
      else if (op === ')' || op === '}') {
        const open = op === ')' ? '(' : '{';
        if (--depth[open] < 0) throw new AwkSyntaxError(`extra '${op}'`, lineAt(i));
      }
      toks.push({ t: 'op', v: op });
      i += op.length;
    }
  }
  while (lines.length < toks.length) lines.push(startLine);
  for (; counted < i; counted++) if (src[counted] === '\n') line++;
  toks.push({ t: 'eof' });
  lines.push(line);
  return { toks, lines };
}

/**
 * scan.c collect_RE from just after the opening `/`: a `/` inside a bracket expression does not
 * end it, `\/` is a `/`, backslash-newline vanishes, other escapes stay for the regex compiler.
 * A newline or the end of the program first is mawk's `runaway regular expression /TEXT ...`.
 */
function collectRegex(src: string, i: number, line: number): { text: string; next: number } {
  let s = '';
  let boxed = 0;
  let first = -1;
  for (;;) {
    const c = src[i];
    if (c === undefined || c === '\n') throw new AwkSyntaxError(`runaway regular expression /${s.slice(0, 10)} ...`, line);
    i++;
    if (c === '\\') {
      const n = src[i];
      if (n === '/') s += '/';
      else if (n !== '\n' && n !== undefined) s += `\\${n}`;
      if (n !== undefined) i++;
      continue;
    }
    if (c === '/' && !boxed) return { text: s, next: i };
    s += c;
    if (c === '^' && s.length - 1 === first && first > 0 && s[first - 1] === '[') first = s.length;
    else if (c === '[') {
      if (!boxed) {
        first = s.length;
        boxed++;
      } else if (src[i] === ':') boxed++;
    } else if (c === ']' && boxed && s.length - 1 !== first) boxed--;
  }
}
