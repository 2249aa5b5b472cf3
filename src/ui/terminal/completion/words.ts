/**
 * Splits the text before the cursor into shell words, enough for completion: the words of the
 * current simple command (after the last `|`, `;`, `&&`, `||`, `&`, `(`), and where the word
 * being completed starts. Quotes group words; the completed word keeps its raw text.
 */

export interface WordContext {
  /** Completed words of the current command (unquoted), the command name first. */
  readonly words: readonly string[];
  /** The word under completion, as typed (may be ''). */
  readonly current: string;
  /** Index in the line where `current` starts. */
  readonly from: number;
  /** Whether a command separator (`|`, `;`, `&`, `(`) starts the current command on this line. */
  readonly separated: boolean;
}

/** Parses `line.slice(0, cursor)`. */
export function wordContext(line: string, cursor: number): WordContext {
  const text = line.slice(0, cursor);
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let start = cursor;
  let quote: string | null = null;
  let separated = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      if (!inWord) start = i;
      inWord = true;
      quote = ch;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      if (!inWord) start = i;
      inWord = true;
      word += text[++i];
      continue;
    }
    if (/\s/.test(ch) || '|;&()<>'.includes(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      if ('|;&('.includes(ch)) {
        words = [];
        separated = true;
      }
      continue;
    }
    if (!inWord) start = i;
    inWord = true;
    word += ch;
  }
  if (!inWord) return { words, current: '', from: cursor, separated };
  return { words, current: text.slice(start), from: start, separated };
}

/** Candidates from `options` starting with `prefix`, sorted and without duplicates. */
export function matching(options: Iterable<string>, prefix: string): string[] {
  return [...new Set([...options].filter((o) => o.startsWith(prefix)))].sort();
}

/** The words that are not flags (and not flag values of `valueFlags`), after the command name. */
export function positional(words: readonly string[], valueFlags: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (valueFlags.includes(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}
