import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LabStore, STORAGE_PREFIX, type StorageLike } from '../persistence/lab-store.ts';
import { courseStanding, LAB_KEY_PREFIX, readStoredLab, taskCount, type CourseLab } from './progress-model.ts';

function memory(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v), removeItem: (k) => void delete data[k] };
}

const LABS: CourseLab[] = [
  { id: 'pid-namespaces', title: 'PID', seed: 1, tasks: ['a', 'b', 'c', 'd'], href: '/course/linux-namespaces/pid/', module: 'linux-namespaces', moduleTitle: 'Linux namespaces' },
  { id: 'bridge-dns', title: 'DNS', seed: 1, tasks: ['x', 'y'], href: '/course/docker-networking/bridge/', module: 'docker-networking', moduleTitle: 'Docker networking' },
  { id: 'orphan', title: 'Orphan', seed: 7, tasks: ['o'] },
  { id: 'pid-extra', title: 'PID 2', seed: 1, tasks: ['e'], href: '/course/linux-namespaces/pid2/', module: 'linux-namespaces', moduleTitle: 'Linux namespaces' },
];

describe('readStoredLab', () => {
  it('uses LabStore’s key prefix (kept apart so the landing page does not load the lab chunk)', () => {
    expect(LAB_KEY_PREFIX).toBe(STORAGE_PREFIX);
  });

  it('reads what LabStore saved: tasks done, and started once a line was typed', () => {
    const storage = memory();
    const store = new LabStore(storage, 'pid-namespaces', 1);
    store.append({ t: 0, k: 'line', v: 'unshare --pid --fork bash' });
    store.update({ progress: { hints: {}, solutions: [], done: ['a'] } });
    store.save();
    expect(readStoredLab(storage, 'pid-namespaces', 1)).toEqual({ done: ['a'], started: true });
    expect(readStoredLab(storage, 'bridge-dns', 1)).toBeUndefined();
  });

  it('ignores a record of another seed or version, malformed JSON, and storage that throws', () => {
    const record = (extra: object) => JSON.stringify({ version: 1, seed: 1, journal: [], progress: { done: ['a'] }, ...extra });
    expect(readStoredLab(memory({ 'petlab:lab:l': record({ seed: 2 }) }), 'l', 1)).toBeUndefined();
    expect(readStoredLab(memory({ 'petlab:lab:l': record({ version: 2 }) }), 'l', 1)).toBeUndefined();
    expect(readStoredLab(memory({ 'petlab:lab:l': '{"version":1,' }), 'l', 1)).toBeUndefined();
    expect(readStoredLab(memory({ 'petlab:lab:l': 'null' }), 'l', 1)).toBeUndefined();
    const throwing: StorageLike = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => undefined, removeItem: () => undefined };
    expect(readStoredLab(throwing, 'l', 1)).toBeUndefined();
    expect(readStoredLab(undefined, 'l', 1)).toBeUndefined();
    expect(readStoredLab(memory({ 'petlab:lab:l': record({ progress: { done: ['a', 3, null] } }) }), 'l', 1)).toEqual({ done: ['a'], started: true });
    expect(readStoredLab(memory({ 'petlab:lab:l': record({ progress: {} }) }), 'l', 1)).toEqual({ done: [], started: false });
  });
});

describe('courseStanding', () => {
  it('is empty when nothing is stored: every task counted, none done, none started', () => {
    const standing = courseStanding(LABS, () => undefined);
    expect({ done: standing.done, total: standing.total, started: standing.started }).toEqual({ done: 0, total: 8, started: 0 });
  });

  it('groups labs by module in order, lessonless labs last, and counts only the lab’s own task ids', () => {
    const stored: Record<string, { done: string[]; started: boolean }> = {
      'pid-namespaces': { done: ['a', 'c', 'gone'], started: true },
      'pid-extra': { done: ['e'], started: true },
      orphan: { done: [], started: true },
    };
    const standing = courseStanding(LABS, (lab) => stored[lab.id]);
    expect(standing.modules.map((m) => ({ id: m.id, title: m.title, labs: m.labs.map((l) => `${l.lab.id} ${l.done}/${l.total} ${l.started}`) }))).toEqual([
      { id: 'linux-namespaces', title: 'Linux namespaces', labs: ['pid-namespaces 2/4 true', 'pid-extra 1/1 true'] },
      { id: 'docker-networking', title: 'Docker networking', labs: ['bridge-dns 0/2 false'] },
      { id: undefined, title: 'Other labs', labs: ['orphan 0/1 true'] },
    ]);
    expect({ done: standing.done, total: standing.total, started: standing.started }).toEqual({ done: 3, total: 8, started: 3 });
  });

  it('never counts more done than the total, whatever is stored', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x', 'y', 'o', 'z'))), (dones) => {
        const standing = courseStanding(LABS, (lab) => ({ done: dones[LABS.indexOf(lab)] ?? [], started: true }));
        for (const lab of standing.modules.flatMap((m) => m.labs)) expect(lab.done).toBeLessThanOrEqual(lab.total);
        expect(standing.done).toBeLessThanOrEqual(standing.total);
      }),
    );
  });
});

describe('taskCount', () => {
  it('says the count in words', () => {
    expect([taskCount(0, 1), taskCount(2, 4)]).toEqual(['0 of 1 task done', '2 of 4 tasks done']);
  });
});
