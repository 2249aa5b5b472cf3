/**
 * File-name completion the way bash's readline does it: complete the last path component
 * against the directory named by the rest, append `/` to directories, list base names. Hidden
 * files match an empty component too (readline's `match-hidden-files` is on by default), `.`
 * and `..` only a component that starts with a dot (rl_filename_completion_function). The word
 * is matched without its quotes and the matches go back quoted as bash quotes them (quoting.ts).
 */
import { quoteFilename, unquoteWord } from './quoting.ts';
import type { CompletionResult } from './types.ts';
import type { CompletionSources, DirEntry } from './sources.ts';

/**
 * Which names a path may complete to: any file; `command`: the word is a command, so
 * directories and executables (bash's command_word_completion_function, then
 * bash_ignore_filenames); `dirs`: directories only (bash-completion's `_cd` for cd and pushd).
 */
export type PathKind = 'any' | 'command' | 'dirs';

/** Completes `word` (as typed; it starts at `from`) as a path to a file of `kind`. */
export function completePath(sources: CompletionSources, word: string, from: number, to: number, kind: PathKind = 'any'): CompletionResult {
  const { text, open } = unquoteWord(word);
  const slash = text.lastIndexOf('/');
  const dirPart = slash >= 0 ? text.slice(0, slash + 1) : '';
  const base = slash >= 0 ? text.slice(slash + 1) : text;
  const listing = sources.listDir(resolve(sources, dirPart === '' ? '.' : dirPart));
  // readdir lists . and .. too; readline offers them only for a component starting with a dot
  const entries: DirEntry[] = listing === undefined ? [] : [{ name: '.', isDir: true }, { name: '..', isDir: true }, ...listing.filter((e) => e.name !== '.' && e.name !== '..')];
  const hits = entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || (e.name !== '.' && e.name !== '..')))
    .filter((e) => e.isDir || kind === 'any' || (kind === 'command' && e.executable !== false))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    from,
    to,
    candidates: hits.map((e) => quoteFilename(dirPart + e.name + (e.isDir ? '/' : ''), open)),
    display: hits.map((e) => e.name + (e.isDir ? '/' : '')),
  };
}

/** Makes `path` absolute against the cwd, expanding a leading `~`. */
export function resolve(sources: CompletionSources, path: string): string {
  let p = path;
  if (p === '~' || p.startsWith('~/')) p = sources.home() + p.slice(1);
  if (!p.startsWith('/')) p = sources.cwd().replace(/\/$/, '') + '/' + p;
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
