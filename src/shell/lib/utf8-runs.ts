/**
 * Bytes written as escapes (`printf '\303\251'`, `echo -e '\xc3\xa9'`) reach the terminal as
 * UTF-8, which shows `é`. Streams here carry UTF-16 text, and an escape yields one char per
 * byte (U+0000–U+00FF), so a run of such chars forming a valid UTF-8 sequence is decoded to the
 * character it encodes. Other chars, and byte runs that are not valid UTF-8 (a lone `\303`),
 * pass through unchanged.
 */

/** Length of the UTF-8 sequence starting with byte `b` (0 when `b` cannot start one). */
function sequenceLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Decodes every valid multi-byte UTF-8 sequence of byte chars (U+0080–U+00FF) in `text`. */
export function decodeUtf8Runs(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const n = sequenceLength(text.charCodeAt(i));
    let cp = n === 0 ? -1 : text.charCodeAt(i) & (0xff >> (n + 1));
    for (let k = 1; k < n && cp >= 0; k++) {
      const c = i + k < text.length ? text.charCodeAt(i + k) : 0;
      cp = c >= 0x80 && c <= 0xbf ? (cp << 6) | (c & 0x3f) : -1;
    }
    // overlong forms, surrogates and values past U+10FFFF are not valid UTF-8
    const min = [0, 0, 0x80, 0x800, 0x10000][n];
    if (cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      out += String.fromCodePoint(cp);
      i += n - 1;
    } else out += text[i];
  }
  return out;
}
