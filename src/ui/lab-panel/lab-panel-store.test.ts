import { describe, expect, it } from 'vitest';
import { defineLab } from '../../grading/define-lab.ts';
import type { TaskResult } from '../../grading/results.ts';
import { parseSubmission } from '../../grading/submission.ts';
import { LabPanelStore, buildSubmission } from './lab-panel-store.ts';

const lab = defineLab({
  id: 'demo',
  title: 'Demo',
  summary: 'A demo lab.',
  environment: 'linux',
  tasks: [
    { id: 'one', title: 'One', description: 'Do one.', check: () => ({ pass: false, message: 'x' }), hints: ['h1', 'h2'] },
    { id: 'two', title: 'Two', description: 'Do two.', check: () => ({ pass: false, message: 'x' }), hints: ['only'], needs: ['one'] },
  ],
});

const result = (id: string, status: TaskResult['status'], message: string): TaskResult => ({
  id,
  title: id,
  status,
  message,
  score: status === 'pass' ? 1 : 0,
  max: 1,
});

describe('LabPanelStore', () => {
  it('re-evaluates, notifies on change only, records completed tasks and completion', () => {
    let results = [result('one', 'fail', 'no namespace yet'), result('two', 'skipped', 'first One')];
    const saved: string[][] = [];
    const progress = { hints: {}, solutions: [], done: [] as string[] };
    const store = new LabPanelStore(lab, () => results, progress, (p) => saved.push([...p.done]));
    const seen: boolean[] = [];
    store.subscribe((s) => seen.push(s.complete));
    store.refresh();
    expect(seen).toEqual([]);
    results = [result('one', 'pass', 'ok'), result('two', 'fail', 'not yet')];
    store.refresh();
    results = [result('one', 'pass', 'ok'), result('two', 'pass', 'ok')];
    store.refresh();
    expect(seen).toEqual([false, true]);
    expect(saved).toEqual([['one'], ['one', 'two']]);
    expect(store.state).toMatchObject({ complete: true, score: 2, max: 2 });
  });

  it('reveals hints one at a time up to the last, and the solution once confirmed', () => {
    const progress = { hints: {} as Record<string, number>, solutions: [] as string[], done: [] };
    const store = new LabPanelStore(lab, () => [], progress);
    expect([store.revealHint('one'), store.revealHint('one'), store.revealHint('one')]).toEqual([1, 2, 2]);
    expect(store.revealHint('nope')).toBe(0);
    expect(store.state.solutionShown).toBe(false);
    store.showSolution();
    expect(store.state).toMatchObject({ hints: { one: 2 }, solutionShown: true });
    expect(progress).toEqual({ hints: { one: 2 }, solutions: ['*'], done: [] });
  });
});

describe('buildSubmission', () => {
  it('writes typed lines as one history text and the last content of each saved file', () => {
    const text = buildSubmission('demo', 4, [
      { t: 0, k: 'line', v: "cat > a.txt <<'EOF'" },
      { t: 1, k: 'line', v: 'hi' },
      { t: 2, k: 'line', v: 'EOF' },
      { t: 3, k: 'int' },
      { t: 4, k: 'line', v: null },
      { t: 5, k: 'file', path: '/root/web.yaml', content: 'v1' },
      { t: 6, k: 'file', path: '/root/web.yaml', content: 'v2' },
    ]);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      lab: 'demo',
      seed: 4,
      commands: "cat > a.txt <<'EOF'\nhi\nEOF\n",
      files: { '/root/web.yaml': 'v2' },
    });
    expect(() => parseSubmission(text)).not.toThrow();
  });
});
