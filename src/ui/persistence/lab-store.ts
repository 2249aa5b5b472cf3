/**
 * What a lab keeps across reloads, per lab id, in `localStorage` (or any `StorageLike`): the
 * journal of inputs that rebuilds the world deterministically when replayed through the shell
 * with the same seed (typed lines, Ctrl-C, editor saves, each with its virtual time), the
 * terminal scrollback, the line editor's history and lab progress.
 *
 * Storage can fail (quota, private mode, disabled): then `notice` says so once and the lab keeps
 * working in memory. A stored record that does not parse or has another version is ignored.
 */

/** The subset of the Web Storage API used here, so tests pass a fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One input to the world, at a virtual time (ms since the world's start). */
export type JournalEntry =
  | { readonly t: number; readonly k: 'line'; readonly v: string | null }
  | { readonly t: number; readonly k: 'int' }
  | { readonly t: number; readonly k: 'file'; readonly path: string; readonly content: string };

export interface LabProgress {
  /** How many hints were revealed, per task id. */
  hints: Record<string, number>;
  /** Task ids whose solution was shown. */
  solutions: string[];
  /** Task ids seen passing at least once. */
  done: string[];
}

export interface LabRecord {
  readonly version: 1;
  readonly seed: number;
  journal: JournalEntry[];
  /** Virtual ms since the world's start when last saved (replay catches up to it). */
  elapsed: number;
  scrollback: string;
  history: string[];
  progress: LabProgress;
}

export const STORAGE_PREFIX = 'petlab:lab:';
/** Scrollback kept, in characters (about 5,000 lines). */
export const SCROLLBACK_LIMIT = 200_000;
/** Journal entries kept; past it the oldest half would not replay correctly, so we stop recording. */
export const JOURNAL_LIMIT = 5_000;

export function emptyRecord(seed: number): LabRecord {
  return { version: 1, seed, journal: [], elapsed: 0, scrollback: '', history: [], progress: { hints: {}, solutions: [], done: [] } };
}

export class LabStore {
  readonly key: string;
  record: LabRecord;
  /** Set when storage failed; the UI shows it. */
  notice: string | undefined;
  private readonly storage: StorageLike | undefined;
  private readonly onNotice: (message: string) => void;
  private dirty = false;

  /**
   * Loads the stored record of `labId` if it matches `seed`, else starts empty.
   * @param storage undefined when the browser gives none (it can throw on access).
   */
  constructor(storage: StorageLike | undefined, labId: string, seed: number, onNotice: (message: string) => void = () => undefined) {
    this.storage = storage;
    this.key = STORAGE_PREFIX + labId;
    this.onNotice = onNotice;
    this.record = this.load(seed) ?? emptyRecord(seed);
    if (!storage) this.fail('Your browser does not allow this site to store data: progress in this lab will be lost on reload.');
  }

  /** Whether anything was restored (a journal, scrollback or progress). */
  get restored(): boolean {
    const r = this.record;
    return r.journal.length > 0 || r.scrollback !== '' || r.progress.done.length > 0;
  }

  /** Appends an input to the journal. */
  append(entry: JournalEntry): void {
    if (this.record.journal.length >= JOURNAL_LIMIT) {
      this.fail('This lab has a very long history: new commands will not be restored after a reload. Reset the lab to start afresh.');
      return;
    }
    this.record.journal.push(entry);
    this.dirty = true;
  }

  /** Updates the parts that are snapshots rather than appends. */
  update(changes: Partial<Pick<LabRecord, 'elapsed' | 'scrollback' | 'history' | 'progress'>>): void {
    if (changes.scrollback !== undefined) changes = { ...changes, scrollback: trimScrollback(changes.scrollback) };
    Object.assign(this.record, changes);
    this.dirty = true;
  }

  /** Writes the record if it changed. Returns false when storage failed. */
  save(): boolean {
    if (!this.dirty || !this.storage) return this.storage !== undefined;
    try {
      this.storage.setItem(this.key, JSON.stringify(this.record));
      this.dirty = false;
      return true;
    } catch (error) {
      const quota = error instanceof Error && /quota/i.test(error.name + error.message);
      this.fail(
        quota
          ? 'The browser’s storage for this site is full: this lab’s latest changes will not survive a reload.'
          : 'Saving this lab failed: its latest changes will not survive a reload.',
      );
      return false;
    }
  }

  /** Forgets everything stored for this lab (Reset). */
  clear(seed: number = this.record.seed): void {
    this.record = emptyRecord(seed);
    this.dirty = false;
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing stored could be removed either; the in-memory record is already fresh.
    }
  }

  private load(seed: number): LabRecord | undefined {
    let text: string | null;
    try {
      text = this.storage?.getItem(this.key) ?? null;
    } catch {
      this.fail('Stored progress for this lab could not be read: the lab starts afresh.');
      return undefined;
    }
    if (text === null) return undefined;
    try {
      const parsed = JSON.parse(text) as Partial<LabRecord>;
      if (parsed.version !== 1 || parsed.seed !== seed || !Array.isArray(parsed.journal)) return undefined;
      return { ...emptyRecord(seed), ...parsed } as LabRecord;
    } catch {
      return undefined;
    }
  }

  private fail(message: string): void {
    if (this.notice === message) return;
    this.notice = message;
    this.onNotice(message);
  }
}

/** Keeps the last `SCROLLBACK_LIMIT` characters, cut at a line start. */
export function trimScrollback(text: string, limit = SCROLLBACK_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.indexOf('\n', text.length - limit);
  return cut < 0 ? text.slice(text.length - limit) : text.slice(cut + 1);
}

/** The browser's localStorage, or undefined when access throws (some privacy modes). */
export function browserStorage(): StorageLike | undefined {
  try {
    const storage = globalThis.localStorage;
    const probe = '__petlab_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
