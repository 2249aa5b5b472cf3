/**
 * File names as bash 5.2 completes them: quoting from bashline.c bash_quote_filename and
 * shquote.c sh_backslash_quote (bstab), the closing quote from readline's append_to_match, hidden
 * files and `.`/`..` from rl_filename_completion_function (match-hidden-files on).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completePath } from './paths.ts';
import { quoteFilename, unquoteWord } from './quoting.ts';
import type { CompletionSources, DirEntry } from './sources.ts';

const tree: Record<string, DirEntry[]> = {
  '/root': [
    { name: 'my file.txt', isDir: false },
    { name: 'my dir', isDir: true },
    { name: "it's", isDir: false },
    { name: '#notes', isDir: false },
    { name: 'a(1)&b', isDir: false },
    { name: '.profile', isDir: false },
  ],
  '/root/my dir': [{ name: 'inside.yaml', isDir: false }],
};
const sources: CompletionSources = { commands: () => [], cwd: () => '/root', home: () => '/root', listDir: (p) => tree[p] };
const complete = (word: string) => completePath(sources, word, 0, word.length).candidates;

describe('completePath quoting', () => {
  it('backslash-quotes names with spaces and shell characters, as bash does with no quote typed', () => {
    expect(complete('my')).toEqual(['my\\ dir/', 'my\\ file.txt']);
    expect(complete('my\\ f')).toEqual(['my\\ file.txt']);
    expect(complete('my\\ dir/')).toEqual(['my\\ dir/inside.yaml']);
    expect(complete('it')).toEqual(["it\\'s"]);
    expect(complete('#')).toEqual(['\\#notes']);
    expect(complete('a')).toEqual(['a\\(1\\)\\&b']);
    expect(complete('~/my\\ f')).toEqual(['~/my\\ file.txt']);
  });

  it('completes inside an open quote and closes it after a file, not after a directory', () => {
    expect(complete('"my f')).toEqual(['"my file.txt"']);
    expect(complete("'my f")).toEqual(["'my file.txt'"]);
    expect(complete('"my d')).toEqual(['"my dir/']);
    expect(complete('"my dir/i')).toEqual(['"my dir/inside.yaml"']);
    expect(complete("'it")).toEqual(["'it'\\''s'"]);
  });

  it('offers . and .. only for a word starting with a dot, hidden files also for an empty word', () => {
    expect(complete('.')).toEqual(['./', '../', '.profile']);
    expect(complete('..')).toEqual(['../']);
    expect(complete('').slice(0, 2)).toEqual(['\\#notes', '.profile']);
    expect(complete('')).not.toContain('./');
  });

  it('reads back what it quotes: unquoteWord(quoteFilename(name)) is the name, in every quoting', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(undefined, '"' as const, "'" as const), (name, open) => {
        const file = name.replace(/\/$/, '') || 'x';
        expect(unquoteWord(quoteFilename(file, open))).toEqual({ text: file, open: undefined });
      }),
    );
  });
});
