/**
 * `[[ EXPR ]]`: bash's conditional command. Words are expanded without splitting or globbing;
 * the right side of `==`/`!=` is a pattern unless quoted, `=~` matches an extended regex (and
 * fills BASH_REMATCH's first element into `$BASH_REMATCH`), `&&`, `||`, `!` and parentheses
 * combine. File and integer tests are those of `test`.
 */
import type { Word } from '../parser/ast.ts';
import { expandPattern, expandSingle, ExpansionError } from './expand.ts';
import { compilePattern } from './pattern.ts';
import type { PatternChar } from './pattern.ts';
import { reportExpansion } from './signals.ts';
import type { IO, Shell } from './shell.ts';

class CondError extends Error {}

interface Item {
  text: string;
  pattern: PatternChar[];
  raw: string;
}

/** Runs `[[ … ]]` given its words (including the brackets); status 0, 1, or 2 on error. */
export async function runDoubleBracket(shell: Shell, words: Word[], io: IO): Promise<number> {
  const host = shell.expansionHost(io);
  const inner = words.slice(1, words[words.length - 1] && isLit(words[words.length - 1], ']]') ? -1 : undefined);
  let items: Item[];
  try {
    items = [];
    for (const w of inner) {
      const raw = w.parts.length === 1 && w.parts[0].type === 'lit' && !w.parts[0].quoted ? w.parts[0].text : '';
      items.push({ text: await expandSingle(w, host), pattern: await expandPattern(w, host), raw });
    }
  } catch (e) {
    if (e instanceof ExpansionError) return reportExpansion(e, io);
    throw e;
  }
  // the POSIX matcher loads only when a `=~` needs it (it stays out of the page's initial script)
  const regex = items.some((it) => it.raw === '=~') ? await import('../lib/regex.ts') : undefined;
  const fs = shell.process.fs;
  let i = 0;
  const isOp = (op: string) => items[i]?.raw === op;
  const int = (s: string) => {
    if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new CondError(`${s}: integer expression expected`);
    return Number(s);
  };
  const stat = (p: string) => {
    try {
      return fs.stat(p);
    } catch {
      return undefined;
    }
  };
  const primary = (): boolean => {
    if (i >= items.length) throw new CondError("syntax error in conditional expression");
    if (isOp('!')) {
      i++;
      return !primary();
    }
    if (isOp('(')) {
      i++;
      const v = or();
      if (!isOp(')')) throw new CondError("syntax error in conditional expression: unexpected token `)'");
      i++;
      return v;
    }
    const a = items[i];
    const op = items[i + 1]?.raw;
    if (op && ['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot'].includes(op) && i + 2 < items.length) {
      const b = items[i + 2];
      i += 3;
      switch (op) {
        case '==':
        case '=':
          return compilePattern(b.pattern).test(a.text);
        case '!=':
          return !compilePattern(b.pattern).test(a.text);
        case '=~': {
          if (!regex) return false;
          const { compilePosix, RegexBudgetError } = regex;
          const re = compilePosix(b.text, { extended: true });
          if (typeof re === 'string') return false;
          let m;
          try {
            m = re.exec(a.text);
          } catch (e) {
            // bash treats any regexec failure (glibc's REG_ESPACE) as "no match"
            if (!(e instanceof RegexBudgetError)) throw e;
            m = null;
          }
          shell.env.set('BASH_REMATCH', m ? m[0] : '');
          return m !== null;
        }
        case '<':
          return a.text < b.text;
        case '>':
          return a.text > b.text;
        case '-eq':
          return int(a.text) === int(b.text);
        case '-ne':
          return int(a.text) !== int(b.text);
        case '-lt':
          return int(a.text) < int(b.text);
        case '-le':
          return int(a.text) <= int(b.text);
        case '-gt':
          return int(a.text) > int(b.text);
        case '-ge':
          return int(a.text) >= int(b.text);
      }
      return false;
    }
    if (/^-[a-zA-Z]$/.test(a.raw) && i + 1 < items.length && !['&&', '||', ')'].includes(items[i + 1].raw)) {
      const arg = items[i + 1].text;
      i += 2;
      switch (a.raw) {
        case '-e':
        case '-a':
          return stat(arg) !== undefined;
        case '-f':
          return stat(arg)?.type === 'file';
        case '-d':
          return stat(arg)?.type === 'dir';
        case '-s':
          return (stat(arg)?.size ?? 0) > 0;
        case '-r':
        case '-w':
          return stat(arg) !== undefined;
        case '-x':
          return ((stat(arg)?.mode ?? 0) & 0o111) !== 0;
        case '-L':
        case '-h':
          try {
            return fs.lstat(arg).type === 'symlink';
          } catch {
            return false;
          }
        case '-z':
          return arg === '';
        case '-n':
          return arg !== '';
        case '-v':
          return shell.env.get(arg) !== undefined;
      }
      throw new CondError(`unexpected argument \`${arg}' to conditional unary operator`);
    }
    i++;
    return a.text !== '';
  };
  const and = (): boolean => {
    let v = primary();
    while (isOp('&&')) {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (isOp('||')) {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  try {
    if (items.length === 0) throw new CondError("syntax error in conditional expression");
    const v = or();
    if (i < items.length) throw new CondError(`syntax error in conditional expression: unexpected token \`${items[i].text}'`);
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof CondError) {
      io.stderr.write(`bash: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function isLit(w: Word, text: string): boolean {
  return w.parts.length === 1 && w.parts[0].type === 'lit' && !w.parts[0].quoted && w.parts[0].text === text;
}
