/**
 * Command history for the line editor: an ordered list of submitted lines, newest last, with the
 * search readline's Ctrl-R uses. Follows Debian's default `HISTCONTROL=ignoreboth`: lines that
 * start with a space and immediate repeats are not recorded.
 */
export class History {
  private items: string[] = [];
  private readonly capacity: number;

  /** @param capacity how many lines to keep (bash's HISTSIZE). @default 1000 */
  constructor(entries: readonly string[] = [], capacity = 1000) {
    this.capacity = capacity;
    for (const entry of entries) this.add(entry);
  }

  /** Lines, oldest first. */
  get entries(): readonly string[] {
    return this.items;
  }

  get length(): number {
    return this.items.length;
  }

  at(index: number): string | undefined {
    return this.items[index];
  }

  /** Records a submitted line; returns whether it was kept. */
  add(line: string): boolean {
    if (line.trim() === '' || line.startsWith(' ') || this.items[this.items.length - 1] === line) return false;
    this.items.push(line);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
    return true;
  }

  /**
   * The newest entry at or before `from` containing `query`, searching backwards, or undefined.
   * An empty query matches nothing (readline shows the prompt and waits).
   */
  searchBackward(query: string, from: number): number | undefined {
    if (query === '') return undefined;
    for (let i = Math.min(from, this.items.length - 1); i >= 0; i--) {
      if (this.items[i].includes(query)) return i;
    }
    return undefined;
  }
}
