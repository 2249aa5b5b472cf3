/**
 * Quoting of completed file names as bash does it (bashline.c bash_quote_filename): the word as
 * typed is read without its quotes to match against; a match goes back backslash-quoted
 * (sh_backslash_quote over shquote.c's bstab: space, tab, newline and ! " $ & ' ( ) * , ; < > ?
 * [ \ ] ^ ` { | }, and # at the start), or — when the word opened a quote — inside that quote,
 * closed after a single file (readline's append_to_match; a directory keeps it open).
 */

/** Characters bash backslash-quotes in a completed file name (shquote.c bstab). */
const SPECIAL = new Set([...' \t\n!"$&\'()*,;<>?[\\]^`{|}']);

export interface UnquotedWord {
  /** The word's text without quoting. */
  readonly text: string;
  /** The quote still open at the end of the word, if any. */
  readonly open: '"' | "'" | undefined;
}

/** Reads a word as typed (`my\ fi`, `"my fi`, `'a b'/c`) into its text and open quote. */
export function unquoteWord(raw: string): UnquotedWord {
  let text = '';
  let open: '"' | "'" | undefined;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (open === "'") {
      if (ch === "'") open = undefined;
      else text += ch;
    } else if (open === '"') {
      if (ch === '"') open = undefined;
      else if (ch === '\\' && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1])) text += raw[++i];
      else text += ch;
    } else if (ch === "'" || ch === '"') open = ch;
    else if (ch === '\\' && i + 1 < raw.length) text += raw[++i];
    else if (ch !== '\\') text += ch;
  }
  return { text, open };
}

/**
 * `name` (a whole path, unquoted) as the word to put on the line. `open` is the quote the
 * typed word left open: the name then goes inside it, and a finished file (not ending in `/`)
 * gets the closing quote.
 */
export function quoteFilename(name: string, open: '"' | "'" | undefined): string {
  if (open === "'") return `'${name.replace(/'/g, "'\\''")}${name.endsWith('/') ? '' : "'"}`;
  if (open === '"') return `"${name.replace(/["\\$`]/g, '\\$&')}${name.endsWith('/') ? '' : '"'}`;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (SPECIAL.has(ch) || (ch === '#' && i === 0)) out += '\\';
    out += ch;
  }
  return out;
}
