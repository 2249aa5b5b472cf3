/**
 * Property test of grep's context output against a plain model of GNU's rule (grep manual,
 * "Context Line Control"): every line within B lines before or A lines after a selected line is
 * printed once, in order, selected lines with ':' and the others with '-', and `--` stands
 * between two printed lines that are not neighbours in the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PosixRegex } from '../../lib/regex.ts';
import { scanInput } from './scan.ts';
import type { ScanSettings } from './scan.ts';

function model(lines: string[], after: number, before: number): string {
  const selected = lines.map((l) => l.includes('x'));
  const shown = lines.map((_, i) => selected.slice(Math.max(0, i - after), i + 1).some(Boolean) || selected.slice(i, i + before + 1).some(Boolean));
  let out = '';
  let last = -1;
  lines.forEach((l, i) => {
    if (!shown[i]) return;
    if (last >= 0 && i !== last + 1) out += '--\n';
    out += `${i + 1}${selected[i] ? ':' : '-'}${l}\n`;
    last = i;
  });
  return out;
}

async function scan(lines: string[], after: number, before: number): Promise<string> {
  let out = '';
  const settings: ScanSettings = {
    regex: PosixRegex.compile('x'),
    invert: false,
    maxCount: Infinity,
    after,
    before,
    printLines: true,
    onlyMatching: false,
    lineNumber: true,
    byteOffset: false,
    initialTab: false,
    nullAfterName: false,
    groupSeparator: '--',
    color: false,
    busybox: false,
    eol: '\n',
    write: (t) => (out += t),
  };
  let i = 0;
  await scanInput(settings, { used: false, lastLine: 0 }, { name: undefined, offsetWidth: 0, binary: false, next: async () => (i < lines.length ? lines[i++] : null) });
  return out;
}

describe('grep context output', () => {
  it('prints each line near a selected line once, with separators between groups', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('x', 'a', 'b', 'ax'), { maxLength: 40 }), fc.nat(5), fc.nat(5), async (lines, after, before) => {
        expect(await scan(lines, after, before)).toBe(model(lines, after, before));
      }),
      { numRuns: 300 },
    );
  });
});
