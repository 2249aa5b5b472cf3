import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Transcript } from './transcript.ts';

describe('Transcript', () => {
  it('keeps everything while under its limits', () => {
    const t = new Transcript({ maxLines: 10, maxChars: 100 });
    t.append('a\r\n');
    t.append('b\r\n');
    t.append('');
    expect(t.textBefore()).toBe('a\r\nb\r\n');
  });

  it('keeps only the last maxLines lines of an endless producer, cut at a line start', () => {
    const t = new Transcript({ maxLines: 4, maxChars: 1000 });
    for (let i = 1; i <= 1000; i++) t.append(`${i}\n`);
    const text = t.textBefore();
    // cut lazily (up to 25% over), always at a line start, always ending with the newest line
    expect(text.endsWith('999\n1000\n')).toBe(true);
    expect(text.split('\n').length - 1).toBeGreaterThanOrEqual(4);
    expect(text.split('\n').length - 1).toBeLessThanOrEqual(5);
    expect(/^\d+\n/.test(text)).toBe(true);
    expect(text).toBe(Array.from({ length: text.split('\n').length - 1 }, (_, i) => `${1001 - (text.split('\n').length - 1) + i}\n`).join(''));
  });

  it('caps characters of long lines', () => {
    const t = new Transcript({ maxLines: 1000, maxChars: 100 });
    for (let i = 0; i < 100; i++) t.append('x'.repeat(30) + '\n');
    expect(t.length).toBeLessThanOrEqual(125);
    expect(t.textBefore()).toBe(('x'.repeat(30) + '\n').repeat(t.length / 31));
  });

  it('finds a mark taken before a cut: the text before it, or nothing once it was cut away', () => {
    const t = new Transcript({ maxLines: 2, maxChars: 1000 });
    t.append('one\ntwo\n');
    const prompt = t.mark();
    t.append('$ ');
    expect(t.textBefore(prompt)).toBe('one\ntwo\n');
    t.append('a\nb\nc\nd\n');
    expect(t.textBefore(prompt)).toBe('');
    expect(t.textBefore()).toBe('c\nd\n');
  });

  it('reset starts from restored text, cut to the limits', () => {
    const t = new Transcript({ maxLines: 2, maxChars: 1000 });
    t.reset('1\n2\n3\n4\n');
    expect(t.textBefore()).toBe('3\n4\n');
    t.reset();
    expect([t.textBefore(), t.mark()]).toEqual(['', 0]);
  });

  it('is always a suffix of everything appended, within the limits plus slack (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab\n]{0,40}$/), { maxLength: 80 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 60 }), (chunks, maxLines, maxChars) => {
        const t = new Transcript({ maxLines, maxChars });
        let all = '';
        for (const c of chunks) {
          t.append(c);
          all += c;
          const kept = t.textBefore();
          expect(all.endsWith(kept)).toBe(true);
          expect(t.mark()).toBe(all.length);
          expect(kept.length).toBeLessThanOrEqual(Math.max(maxChars * 1.25, 0) + 40);
          expect(kept.split('\n').length - 1).toBeLessThanOrEqual(maxLines * 1.25 + 40);
        }
      }),
    );
  });
});
