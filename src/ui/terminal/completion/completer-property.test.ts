/**
 * Invariants of the completer over any line, cursor and continued text: it answers (never
 * throws), the word it replaces lies before the cursor, and planning a Tab from its answer keeps
 * the text after the cursor.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planCompletion } from './apply.ts';
import { createCompleter, type CompletionSources } from './index.ts';

const sources: CompletionSources = {
  commands: () => ['cat', 'cd', 'docker', 'ip', 'kubectl', 'ls'],
  cwd: () => '/root',
  home: () => '/root',
  listDir: (path) => (path === '/root' ? [{ name: 'a b', isDir: false }, { name: "it's", isDir: true }, { name: '.x', isDir: false }] : undefined),
  kubeNames: () => ['web-0'],
  dockerContainers: () => ['box'],
  dockerNetworks: () => ['bridge'],
  netnsNames: () => ['blue'],
  variables: () => ['HOME'],
};

const text = fc.string({ unit: fc.constantFrom(...'ab ./-|;&()<>\'"\\$~\n\tkubectlipdocker'.split('')), maxLength: 30 });

describe('createCompleter (properties)', () => {
  it('answers any line with a word range before the cursor, and a Tab keeps what follows the cursor', () => {
    const completer = createCompleter(sources);
    fc.assert(
      fc.property(text, fc.nat(), fc.option(text, { nil: undefined }), fc.boolean(), (line, at, continues, listing) => {
        const cursor = at % (line.length + 1);
        const result = completer.complete({ line, cursor, continues });
        if (result instanceof Promise) throw new Error('sync expected');
        expect(0 <= result.from && result.from <= result.to && result.to === cursor).toBe(true);
        const step = planCompletion(result, { text: line, cursor }, listing);
        if (step.kind === 'replace') {
          expect(step.line.text.endsWith(line.slice(cursor))).toBe(true);
          expect(step.line.text.startsWith(line.slice(0, result.from))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
