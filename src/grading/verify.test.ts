import { describe, expect, it } from 'vitest';
import { readHostFile } from './checks/linux.ts';
import { fail, pass } from './checks/result.ts';
import { defineLab } from './define-lab.ts';
import type { Check } from './lab-schema.ts';
import { verifyLab } from './verify.ts';

const fileExists =
  (path: string): Check =>
  ({ world }) =>
    readHostFile(world.linux, path) === undefined ? fail(`${path} does not exist`) : pass(`${path} exists`);

function lab(checks: { a: Check; b: Check }) {
  return defineLab({
    id: 'two-files',
    title: 'Two files',
    summary: 'Write a, then b.',
    environment: 'linux',
    tasks: [
      { id: 'a', title: 'Write a', description: 'x', hints: ['x'], check: checks.a },
      { id: 'b', title: 'Write b', description: 'x', hints: ['x'], needs: ['a'], check: checks.b },
    ],
  });
}

describe('verifyLab', () => {
  it('accepts a sound lab and records when each task first passed', async () => {
    const report = await verifyLab({ lab: lab({ a: fileExists('/root/a'), b: fileExists('/root/b') }), files: {}, solution: 'touch /root/a\ntouch /root/b\n' });
    expect(report.problems).toEqual([]);
    expect(report.firstPass).toEqual({ a: 1, b: 2 });
  });

  it('reports a free task, a task passing before its needs, and an unsolved task', async () => {
    const free = await verifyLab({ lab: lab({ a: fileExists('/root/a'), b: fileExists('/root/start.txt') }), files: { 'start.txt': 'x' }, solution: 'touch /root/a\n' });
    expect(free.problems).toEqual([
      'task "b" already passes in the starting state: /root/start.txt exists',
      'task "b" passes before the task it needs, "a" (in the starting state)',
    ]);

    const early = await verifyLab({ lab: lab({ a: fileExists('/root/a'), b: fileExists('/root/b') }), files: {}, solution: 'touch /root/b\ntouch /root/a\n' });
    expect(early.problems).toEqual(['task "b" passes before the task it needs, "a" (after solution line 1: "touch /root/b")']);

    const unsolved = await verifyLab({ lab: lab({ a: fileExists('/root/a'), b: fileExists('/root/b') }), files: {}, solution: 'touch /root/a\n' });
    expect(unsolved.problems).toEqual(['the reference solution does not pass task "b": /root/b does not exist']);
  });

  it('validates the definition first (defineLab does not), reporting the schema message as the problem', async () => {
    const broken = defineLab({
      id: 'two-files',
      title: 'Two files',
      summary: 'Write a.',
      environment: 'linux',
      tasks: [{ id: 'a', title: 'Write a', description: 'x', hints: 'touch it', check: fileExists('/root/a') } as never],
    });
    const report = await verifyLab({ lab: broken, files: {}, solution: 'touch /root/a\n' });
    expect(report).toEqual({
      lab: 'two-files',
      problems: [
        [
          'Invalid lab in labs/two-files/lab.ts:',
          '  - tasks[0].hints: expected a list, received a string ("touch it")',
          "    Fix: give hints as a list of strings, gentlest first, e.g. hints: ['Look at unshare --help', 'Try unshare --pid --fork'].",
        ].join('\n'),
      ],
      firstPass: {},
      results: [],
    });
  });
});
