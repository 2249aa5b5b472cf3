/**
 * Shell patterns (`*`, `?`, `[…]`) for globbing and `case`: compiled to regular expressions.
 * A pattern is given as segments saying which characters were quoted (quoted `*` is literal).
 */

export interface PatternChar {
  ch: string;
  quoted: boolean;
}

function escapeRe(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** True if the pattern has an unquoted `*`, `?` or `[`. */
export function hasGlobChars(chars: readonly PatternChar[]): boolean {
  return chars.some((c) => !c.quoted && (c.ch === '*' || c.ch === '?' || c.ch === '['));
}

/** Compiles a pattern to an anchored RegExp. An unmatched `[` is a literal bracket. */
export function patternToRegExp(chars: readonly PatternChar[]): RegExp {
  let re = '';
  for (let i = 0; i < chars.length; i++) {
    const { ch, quoted } = chars[i];
    if (quoted) {
      re += escapeRe(ch);
      continue;
    }
    if (ch === '*') re += '[^]*';
    else if (ch === '?') re += '[^]';
    else if (ch === '[') {
      let j = i + 1;
      let negate = false;
      if (j < chars.length && (chars[j].ch === '!' || chars[j].ch === '^') && !chars[j].quoted) {
        negate = true;
        j++;
      }
      let body = '';
      let first = true;
      let closed = false;
      for (; j < chars.length; j++) {
        const c = chars[j];
        if (c.ch === ']' && !c.quoted && !first) {
          closed = true;
          break;
        }
        first = false;
        if (c.ch === '-' && !c.quoted && body && j + 1 < chars.length && chars[j + 1].ch !== ']') body += '-';
        else body += c.ch === '\\' || c.ch === ']' || c.ch === '[' || c.ch === '^' || c.ch === '-' ? '\\' + c.ch : c.ch;
      }
      if (!closed) {
        re += '\\[';
        continue;
      }
      re += `[${negate ? '^' : ''}${body}]`;
      i = j;
    } else re += escapeRe(ch);
  }
  try {
    return new RegExp(`^${re}$`, 'u');
  } catch {
    return new RegExp(`^${chars.map((c) => escapeRe(c.ch)).join('')}$`, 'u');
  }
}

/** Matches `text` against an unquoted pattern string (for `case` and `[[ == ]]`-like uses). */
export function matchPattern(pattern: string, text: string): boolean {
  return patternToRegExp([...pattern].map((ch) => ({ ch, quoted: false }))).test(text);
}
