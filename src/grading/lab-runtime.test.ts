import { describe, expect, it } from 'vitest';
import { createWorld } from '../emulator/environment.ts';
import { readHostFile } from './checks/linux.ts';
import { fail, pass } from './checks/result.ts';
import { defineLab } from './define-lab.ts';
import { createLabRuntime, type LabRuntimeState } from './lab-runtime.ts';

const lab = defineLab({
  id: 'files-lab',
  title: 'Files',
  summary: 'Write two files.',
  environment: 'linux',
  tasks: [
    {
      id: 'first',
      title: 'Write a.txt',
      description: 'Create /root/a.txt.',
      hints: ['Use echo.', 'echo a > /root/a.txt'],
      check: ({ world }) => (readHostFile(world.linux, '/root/a.txt') === undefined ? fail('/root/a.txt does not exist') : pass('/root/a.txt exists')),
    },
    {
      id: 'second',
      title: 'Write b.txt',
      description: 'Create /root/b.txt.',
      needs: ['first'],
      hints: ['Same again.'],
      check: ({ world }) => (readHostFile(world.linux, '/root/b.txt') === undefined ? fail('/root/b.txt does not exist') : pass('/root/b.txt exists')),
    },
  ],
});

describe('createLabRuntime', () => {
  it('re-evaluates on world changes, reveals hints one at a time and marks completion', () => {
    const world = createWorld({ seed: 1 });
    const runtime = createLabRuntime(lab, world, { revealedHints: { second: 5 } });
    const seen: LabRuntimeState[] = [];
    runtime.subscribe((s) => seen.push(s));
    expect(runtime.state()).toEqual({
      tasks: [
        { id: 'first', title: 'Write a.txt', description: 'Create /root/a.txt.', status: 'fail', message: '/root/a.txt does not exist', score: 0, max: 1, hints: [], hintsLeft: 2 },
        { id: 'second', title: 'Write b.txt', description: 'Create /root/b.txt.', status: 'skipped', message: 'not checked: first complete "Write a.txt"', score: 0, max: 1, hints: ['Same again.'], hintsLeft: 0 },
      ],
      score: 0,
      max: 2,
      complete: false,
    });
    expect(runtime.revealHint('first')).toBe('Use echo.');
    expect(runtime.revealHint('first')).toBe('echo a > /root/a.txt');
    expect(runtime.revealHint('first')).toBeUndefined();
    expect(runtime.revealedHints()).toEqual({ first: 2, second: 1 });

    const fs = world.linux.loginShell().fs;
    fs.writeFile('/root/a.txt', 'a\n');
    world.markChanged();
    expect(runtime.state().tasks.map((t) => t.status)).toEqual(['pass', 'fail']);
    world.markChanged(); // nothing changed: no new snapshot
    fs.writeFile('/root/b.txt', 'b\n');
    world.markChanged();
    expect(runtime.state()).toMatchObject({ score: 2, complete: true });
    expect(seen.map((s) => s.tasks.map((t) => `${t.status}:${t.hints.length}`).join(' '))).toEqual([
      'fail:1 skipped:1',
      'fail:2 skipped:1',
      'pass:2 fail:1',
      'pass:2 pass:1',
    ]);
    runtime.dispose();
    fs.writeFile('/root/a.txt', '');
    world.markChanged();
    expect(seen).toHaveLength(4);
  });
});
