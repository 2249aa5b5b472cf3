/**
 * `[[ EXPR ]]`: bash's conditional command. Words are expanded without splitting or globbing;
 * the right side of `==`/`!=` is a pattern unless quoted, `=~` matches an extended regex and
 * fills the array BASH_REMATCH (whole match, then every group; an empty array after no match, as
 * bash 5.2's sh_regmatch makes a new one), an invalid regex gives status 2 silently; `&&`, `||`,
 * `!` and parentheses combine statuses as execute_cond_node does. File and integer tests are
 * those of `test`.
 */
import type { Word } from '../parser/ast.ts';
import { trackLoad } from '../commands/registry.ts';
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
  const regex = items.some((it) => it.raw === '=~') ? await trackLoad(() => import('../lib/regex.ts')) : undefined;
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
  // statuses, not booleans: a bad regex is 2, which `!` turns into 0 and `&&`/`||` pass on
  let skipping = 0;
  const primary = (): number => {
    if (i >= items.length) throw new CondError("syntax error in conditional expression");
    if (isOp('!')) {
      i++;
      return primary() === 0 ? 1 : 0;
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
      if (op === '=~') return skipping > 0 ? 1 : regexMatch(a.text, regexText(b.pattern));
      return binary(op, a.text, b) ? 0 : 1;
    }
    return unary() ? 0 : 1;
  };
  const regexMatch = (text: string, pattern: string): number => {
    if (!regex) return 1;
    const re = regex.compilePosix(pattern, { extended: true });
    if (typeof re === 'string') return 2; // sh_regmatch: regcomp failed, nothing printed
    let m;
    try {
      m = re.exec(text);
    } catch (e) {
      // bash treats any regexec failure (glibc's REG_ESPACE) as "no match"
      if (!(e instanceof regex.RegexBudgetError)) throw e;
      m = null;
    }
    // groups that took no part are empty strings (strncpy of rm_eo - rm_so = 0 bytes)
    shell.env.setArray('BASH_REMATCH', m ? Array.from({ length: re.groups + 1 }, (_, g) => m[g] ?? '') : []);
    return m ? 0 : 1;
  };
  const binary = (op: string, a: string, b: Item): boolean => {
    switch (op) {
      case '==':
      case '=':
        return compilePattern(b.pattern).test(a);
      case '!=':
        return !compilePattern(b.pattern).test(a);
      case '<':
        return a < b.text;
      case '>':
        return a > b.text;
      case '-eq':
        return int(a) === int(b.text);
      case '-ne':
        return int(a) !== int(b.text);
      case '-lt':
        return int(a) < int(b.text);
      case '-le':
        return int(a) <= int(b.text);
      case '-gt':
        return int(a) > int(b.text);
      case '-ge':
        return int(a) >= int(b.text);
    }
    return false;
  };
  const unary = (): boolean => {
    const a = items[i];
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
  // the operand bash would not evaluate is still parsed, but its regex leaves BASH_REMATCH alone
  const operand = <T>(skip: boolean, parseIt: () => T): T => {
    if (skip) skipping++;
    try {
      return parseIt();
    } finally {
      if (skip) skipping--;
    }
  };
  const and = (): number => {
    let v = primary();
    while (isOp('&&')) {
      i++;
      const r = operand(v !== 0, primary);
      if (v === 0) v = r;
    }
    return v;
  };
  const or = (): number => {
    let v = and();
    while (isOp('||')) {
      i++;
      const r = operand(v === 0, and);
      if (v !== 0) v = r;
    }
    return v;
  };
  try {
    if (items.length === 0) throw new CondError("syntax error in conditional expression");
    const v = or();
    if (i < items.length) throw new CondError(`syntax error in conditional expression: unexpected token \`${items[i].text}'`);
    return v;
  } catch (e) {
    if (e instanceof CondError) {
      io.stderr.write(`bash: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The regex of `=~`'s right side: characters that were quoted stand for themselves, so the
 * special ones get a backslash (bash 5.2 subst.c quote_string_for_globbing with QGLOB_REGEXP).
 */
function regexText(chars: readonly PatternChar[]): string {
  return chars.map((c) => (c.quoted && '^$.[]|()*+?{}\\'.includes(c.ch) ? `\\${c.ch}` : c.ch)).join('');
}

function isLit(w: Word, text: string): boolean {
  return w.parts.length === 1 && w.parts[0].type === 'lit' && !w.parts[0].quoted && w.parts[0].text === text;
}
