/**
 * The contract between the line editor and whatever knows what can be completed (commands,
 * paths, kubectl kinds…). Pure data: the editor asks with the line and cursor, the completer
 * answers with the range of the word to replace and the candidates for it.
 */

export interface CompletionRequest {
  readonly line: string;
  readonly cursor: number;
  /**
   * At a continuation (PS2) prompt: the earlier lines of the pending command, joined by
   * newlines. Undefined at a primary prompt.
   */
  readonly continues?: string;
}

export interface CompletionResult {
  /** Start of the word being completed (index into `line`). */
  readonly from: number;
  /** End of the word being completed (usually the cursor). */
  readonly to: number;
  /**
   * Full replacements for `line.slice(from, to)`. A candidate ending in `/` (a directory) is
   * inserted without the trailing space a unique completion otherwise gets.
   */
  readonly candidates: readonly string[];
  /** What to show when listing candidates (e.g. base names of paths); defaults to `candidates`. */
  readonly display?: readonly string[];
}

export interface Completer {
  complete(request: CompletionRequest): CompletionResult | Promise<CompletionResult>;
}

/** The longest common prefix of `items` ('' for none). */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let prefix = items[0];
  for (const item of items) {
    let i = 0;
    while (i < prefix.length && i < item.length && prefix[i] === item[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}
