/**
 * A strict UTF-8 decoder for untrusted bytes. The core has no DOM or Node types (so no
 * TextDecoder in its type world); this one also says where the input went wrong.
 */

/** Decoded text, or the offset of the first byte that is not valid UTF-8. */
export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number };

/** Decodes `bytes`, rejecting overlong forms, surrogates and code points above U+10FFFF. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  const parts: string[] = [];
  let codes: number[] = [];
  let i = 0;
  // A leading byte-order mark is dropped, as TextDecoder does.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length) {
    const b0 = bytes[i];
    let cp: number;
    let size: number;
    if (b0 < 0x80) {
      cp = b0;
      size = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      size = 2;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      size = 3;
      cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      size = 4;
      cp = b0 & 0x07;
    } else {
      return { ok: false, offset: i };
    }
    if (i + size > bytes.length) return { ok: false, offset: i };
    for (let k = 1; k < size; k++) {
      const b = bytes[i + k];
      if ((b & 0xc0) !== 0x80) return { ok: false, offset: i };
      cp = (cp << 6) | (b & 0x3f);
    }
    if ((size === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (size === 4 && (cp < 0x10000 || cp > 0x10ffff))) {
      return { ok: false, offset: i };
    }
    codes.push(cp);
    if (codes.length >= 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
    i += size;
  }
  parts.push(String.fromCodePoint(...codes));
  return { ok: true, text: parts.join('') };
}
