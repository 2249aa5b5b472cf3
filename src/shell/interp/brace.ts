/**
 * Brace expansion (`web-{0,1,2}`, `{1..5}`, `{a..e}`, `{10..0..2}`), the first expansion bash
 * does. Only braces inside one unquoted literal piece of a word take part (`"{a,b}"` stays).
 */
import type { Word, WordPart } from '../parser/ast.ts';

const LIMIT = 10_000;

/** Splits `text` at the first top-level brace group: [before, alternatives, after] or undefined. */
function firstGroup(text: string): [string, string[], string] | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    let end = -1;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          end = i;
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(i);
    }
    if (end < 0) return undefined;
    const inner = text.slice(start + 1, end);
    if (commas.length > 0) {
      const alts: string[] = [];
      let from = start + 1;
      for (const c of commas) {
        alts.push(text.slice(from, c));
        from = c + 1;
      }
      alts.push(text.slice(from, end));
      return [text.slice(0, start), alts, text.slice(end + 1)];
    }
    const seq = sequence(inner);
    if (seq) return [text.slice(0, start), seq, text.slice(end + 1)];

  }
  return undefined;
}

/** `1..5`, `a..e`, `10..0..2`, `01..10` (zero-padded) → the items, or undefined. */
function sequence(inner: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    const step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width = /^-?0\d/.test(num[1]) || /^-?0\d/.test(num[2]) ? Math.max(num[1].length, num[2].length) : 0;
    const out: string[] = [];
    for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) {
      if (out.length >= LIMIT) break;
      const s = String(Math.abs(x)).padStart(width - (x < 0 ? 1 : 0), '0');
      out.push(x < 0 ? `-${s}` : s);
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (chr) {
    const [a, b] = [chr[1].charCodeAt(0), chr[2].charCodeAt(0)];
    const step = Math.abs(Number(chr[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) out.push(String.fromCharCode(x));
    return out;
  }
  return undefined;
}

/** Expands braces in `word`; a word without any comes back alone. */
export function braceExpand(word: Word): Word[] {
  for (let i = 0; i < word.parts.length; i++) {
    const part = word.parts[i];
    if (part.type !== 'lit' || part.quoted || !part.text.includes('{')) continue;
    const group = firstGroup(part.text);
    if (!group) continue;
    const [before, alts, after] = group;
    const out: Word[] = [];
    for (const alt of alts) {
      const parts: WordPart[] = [...word.parts.slice(0, i), { type: 'lit', text: before + alt + after, quoted: false }, ...word.parts.slice(i + 1)];
      out.push(...braceExpand({ parts }));
      if (out.length > LIMIT) break;
    }
    return out;
  }
  return [word];
}
