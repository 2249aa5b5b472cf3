/**
 * POSIX regular expressions (basic and extended, as grep/sed/awk take them) translated to
 * JavaScript RegExp source: BRE's `\(` `\)` `\{` `\}` `\|` `\+` `\?` become operators and bare
 * `( ) { } | + ?` literals; bracket classes like `[[:digit:]]` become JS classes.
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

/** Translates a POSIX regex to JS source. Throws on an unmatched `[` or `(`. */
export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n)) out += `\\${n}`;
      else if (/[0-9]/.test(n)) out += `\\${n}`;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += escapeJs(n);
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (re[j] === '^') {
        cls += '^';
        j++;
      }
      if (re[j] === ']') {
        cls += '\\]';
        j++;
      }
      for (; j < re.length && re[j] !== ']'; j++) {
        if (re[j] === '[' && re[j + 1] === ':') {
          const end = re.indexOf(':]', j + 2);
          if (end < 0) throw new SyntaxError('Unmatched [');
          cls += CLASSES[re.slice(j + 2, end)] ?? '';
          j = end + 1;
        } else if (re[j] === '\\') cls += '\\\\';
        else if (re[j] === '[') cls += '\\[';
        else cls += re[j];
      }
      if (j >= re.length) throw new SyntaxError('Unmatched [, [^, [:, [., or [=');
      out += `${cls}]`;
      i = j;
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) {
      out += `\\${c}`;
      continue;
    }
    if (c === '*' && (out === '' || out === '^' || (!extended && out.endsWith('\\(')))) {
      out += '\\*';
      continue;
    }
    if (extended && c === '{' && !/^\{[0-9]+(,[0-9]*)?\}/.test(re.slice(i))) {
      out += '\\{';
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return out;
}

function escapeJs(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Compiles a POSIX regex; returns an error message (grep's wording) instead of throwing. */
export function compilePosix(re: string, options: { extended: boolean; ignoreCase?: boolean; global?: boolean; fixed?: boolean }): RegExp | string {
  try {
    const src = options.fixed ? re.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : posixToJs(re, options.extended);
    const compiled = new RegExp(src, `${options.ignoreCase ? 'i' : ''}${options.global ? 'g' : ''}`);
    // V8 compiles on first use: a huge pattern's "Regular expression too large" surfaces here,
    // not later inside a command
    compiled.test('');
    compiled.lastIndex = 0;
    return compiled;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // GNU grep's xalloc_die wording when the compiled pattern does not fit
    if (/too large/.test(msg)) return 'memory exhausted';
    if (/Unmatched \[/.test(msg) || /Unterminated character class/.test(msg)) return 'Unmatched [, [^, [:, [., or [=';
    if (/Unterminated group|Unmatched '\('/.test(msg)) return 'Unmatched ( or \\(';
    if (/Unmatched '\)'/.test(msg)) return 'Unmatched ) or \\)';
    return 'Invalid regular expression';
  }
}
