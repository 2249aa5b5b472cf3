/**
 * What a Tab does with a completer's answer, as readline decides it: ring the bell, replace the
 * word (a unique match gets a trailing space unless it is a directory), or list the candidates —
 * asking bash's `Display all N possibilities? (y or n)` first when there are 100 or more
 * (readline's default `completion-query-items`). Pure: the line editor draws the outcome.
 */
import type { LineState } from '../line-buffer.ts';
import { commonPrefix, type CompletionResult } from './types.ts';

/** readline's `completion-query-items` default: ask before listing this many candidates. */
export const QUERY_ITEMS = 100;

export type CompletionStep =
  | { kind: 'bell' }
  /** `bell`: other matches remain after the common prefix went in (readline rings then). */
  | { kind: 'replace'; line: LineState; bell?: boolean }
  | { kind: 'list'; labels: string[]; ask: boolean };

/** Decides the outcome of Tab on `line`; `listing` is true for the second Tab in a row. */
export function planCompletion(result: CompletionResult, line: LineState, listing: boolean): CompletionStep {
  const { candidates } = result;
  const word = line.text.slice(result.from, result.to);
  const replace = (s: string, bell = false): CompletionStep => ({
    kind: 'replace',
    line: { text: line.text.slice(0, result.from) + s + line.text.slice(result.to), cursor: result.from + s.length },
    ...(bell ? { bell } : {}),
  });
  if (candidates.length === 0) return { kind: 'bell' };
  if (candidates.length === 1) {
    const only = candidates[0];
    return replace(only + (only.endsWith('/') || line.text[result.to] === ' ' ? '' : ' '));
  }
  // (a prefix of backslash-quoted names may end inside an escape: `a\(x`, `a\ y` share `a\`)
  const shared = commonPrefix(candidates);
  const prefix = /(^|[^\\])(\\\\)*\\$/.test(shared) ? shared.slice(0, -1) : shared;
  if (prefix.length > word.length) return replace(prefix, true);
  if (!listing) return { kind: 'bell' };
  const labels = [...(result.display ?? candidates)];
  return { kind: 'list', labels, ask: labels.length >= QUERY_ITEMS };
}

/** The question readline asks before listing `count` candidates. */
export function queryText(count: number): string {
  return `Display all ${count} possibilities? (y or n)`;
}

/**
 * readline's answer to that question for one typed character: true (y, Y, space) lists, false
 * (n, N, Rubout/Backspace, and Ctrl-G or Ctrl-C, which abort) does not, undefined rings the bell
 * and keeps asking.
 */
export function queryAnswer(key: { name: string; text?: string }): boolean | undefined {
  if (key.name === 'text') {
    const ch = key.text?.[0];
    if (ch === 'y' || ch === 'Y' || ch === ' ') return true;
    if (ch === 'n' || ch === 'N') return false;
    return undefined;
  }
  return key.name === 'backspace' || key.name === 'C-g' || key.name === 'C-c' ? false : undefined;
}
