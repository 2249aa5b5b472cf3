import { describe, expect, it } from 'vitest';
import { LabStore, emptyRecord, trimScrollback, type StorageLike } from './lab-store.ts';

class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  failWith: Error | undefined;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith;
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe('LabStore', () => {
  it('saves the journal, scrollback, history and progress and restores them per lab', () => {
    const storage = new FakeStorage();
    const store = new LabStore(storage, 'sts', 7);
    expect(store.restored).toBe(false);
    store.append({ t: 0, k: 'line', v: 'kubectl apply -f web.yaml' });
    store.append({ t: 2500, k: 'int' });
    store.append({ t: 3000, k: 'file', path: '/root/web.yaml', content: 'kind: Pod\n' });
    store.update({ elapsed: 4000, scrollback: '$ ls\r\n', history: ['ls'], progress: { hints: { a: 1 }, solutions: [], done: ['a'] } });
    expect(store.save()).toBe(true);
    const again = new LabStore(storage, 'sts', 7);
    expect(again.restored).toBe(true);
    expect(again.record).toEqual({
      version: 1,
      seed: 7,
      journal: [
        { t: 0, k: 'line', v: 'kubectl apply -f web.yaml' },
        { t: 2500, k: 'int' },
        { t: 3000, k: 'file', path: '/root/web.yaml', content: 'kind: Pod\n' },
      ],
      elapsed: 4000,
      scrollback: '$ ls\r\n',
      history: ['ls'],
      progress: { hints: { a: 1 }, solutions: [], done: ['a'] },
    });
    expect(new LabStore(storage, 'other', 7).record).toEqual(emptyRecord(7));
  });

  it('ignores a record made with another seed or that does not parse', () => {
    const storage = new FakeStorage();
    storage.data.set('petlab:lab:x', '{not json');
    expect(new LabStore(storage, 'x', 1).record).toEqual(emptyRecord(1));
    storage.data.set('petlab:lab:x', JSON.stringify({ ...emptyRecord(2), elapsed: 5 }));
    expect(new LabStore(storage, 'x', 1).record).toEqual(emptyRecord(1));
  });

  it('reports a full storage once and keeps working in memory', () => {
    const storage = new FakeStorage();
    const notices: string[] = [];
    const store = new LabStore(storage, 'x', 1, (m) => notices.push(m));
    const quota = new Error('The quota has been exceeded.');
    quota.name = 'QuotaExceededError';
    storage.failWith = quota;
    store.append({ t: 0, k: 'line', v: 'ls' });
    expect(store.save()).toBe(false);
    store.append({ t: 1, k: 'line', v: 'pwd' });
    expect(store.save()).toBe(false);
    expect(notices).toEqual(['The browser’s storage for this site is full: this lab’s latest changes will not survive a reload.']);
    expect(store.record.journal.length).toBe(2);
    storage.failWith = undefined;
    expect(store.save()).toBe(true);
  });

  it('works without any storage and says so', () => {
    const notices: string[] = [];
    const store = new LabStore(undefined, 'x', 1, (m) => notices.push(m));
    store.append({ t: 0, k: 'line', v: 'ls' });
    expect(store.save()).toBe(false);
    expect(notices).toEqual(['Your browser does not allow this site to store data: progress in this lab will be lost on reload.']);
  });

  it('clears a lab on reset', () => {
    const storage = new FakeStorage();
    const store = new LabStore(storage, 'x', 1);
    store.append({ t: 0, k: 'line', v: 'ls' });
    store.save();
    store.clear();
    expect(storage.data.size).toBe(0);
    expect(store.record).toEqual(emptyRecord(1));
  });
});

describe('trimScrollback', () => {
  it('keeps the tail cut at a line start', () => {
    expect(trimScrollback('aaaa\nbbbb\ncccc\n', 8)).toBe('cccc\n');
    expect(trimScrollback('short', 8)).toBe('short');
  });
});
