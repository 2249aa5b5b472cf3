/**
 * What one Tab does (readline's rl_complete_internal): a single match replaces the word and
 * gets a space (not after a directory's `/`, nor when a space follows already), several insert
 * their longest common prefix, then a second Tab lists them (asking first at 100 or more).
 */
import { describe, expect, it } from 'vitest';
import { planCompletion } from './apply.ts';

const at = (text: string) => ({ text, cursor: text.length });
const tab = (text: string, candidates: string[], listing = false) =>
  planCompletion({ from: text.lastIndexOf(' ') + 1, to: text.length, candidates }, at(text), listing);

describe('planCompletion', () => {
  it('replaces a single match, with a space after a file and none after a directory', () => {
    expect(tab('cat we', ['web.yaml'])).toEqual({ kind: 'replace', line: at('cat web.yaml ') });
    expect(tab('cd ma', ['manifests/'])).toEqual({ kind: 'replace', line: at('cd manifests/') });
    expect(planCompletion({ from: 4, to: 6, candidates: ['web.yaml'] }, { text: 'cat we x', cursor: 6 }, false)).toEqual({ kind: 'replace', line: { text: 'cat web.yaml x', cursor: 12 } });
  });

  it('inserts the common prefix, never ending inside a backslash escape', () => {
    // (and rings the bell: other matches remain)
    expect(tab('cat w', ['web-svc.yaml', 'web.yaml'])).toEqual({ kind: 'replace', line: at('cat web'), bell: true });
    expect(tab('cat a', ['a\\(x', 'a\\ y'])).toEqual({ kind: 'bell' });
    expect(tab('cat m', ['my\\ dir/', 'my\\ file.txt'])).toEqual({ kind: 'replace', line: at('cat my\\ '), bell: true });
    expect(tab('cat a', ['a\\\\x', 'a\\\\y'])).toEqual({ kind: 'replace', line: at('cat a\\\\'), bell: true });
  });

  it('rings the bell on the first Tab with nothing to add, lists on the second, asks from 100 on', () => {
    expect(tab('cat web', ['web-svc.yaml', 'web.yaml'])).toEqual({ kind: 'bell' });
    expect(tab('cat web', ['web-svc.yaml', 'web.yaml'], true)).toEqual({ kind: 'list', labels: ['web-svc.yaml', 'web.yaml'], ask: false });
    const many = Array.from({ length: 100 }, (_, i) => `f${i}`);
    expect(tab('cat f', many, true)).toMatchObject({ kind: 'list', ask: true });
    expect(tab('cat x', [])).toEqual({ kind: 'bell' });
  });
});
