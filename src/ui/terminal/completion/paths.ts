/**
 * File-name completion the way bash does it: complete the last path component against the
 * directory named by the rest, append `/` to directories, list base names.
 */
import type { CompletionResult } from './types.ts';
import type { CompletionSources } from './sources.ts';

/** Completes `word` (which starts at `from`) as a path. Hidden files only when asked for with a dot. */
export function completePath(sources: CompletionSources, word: string, from: number, to: number): CompletionResult {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const entries = sources.listDir(resolve(sources, dirPart === '' ? '.' : dirPart)) ?? [];
  const hits = entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    from,
    to,
    candidates: hits.map((e) => dirPart + e.name + (e.isDir ? '/' : '')),
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
