import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHostFile } from './checks/linux.ts';
import { fail, pass } from './checks/result.ts';
import { defineLab } from './define-lab.ts';
import { isGradingError } from './errors.ts';
import { evaluateTasks } from './evaluate.ts';
import { gradeSubmission } from './grade.ts';
import { createWorld } from '../emulator/environment.ts';

const lab = defineLab({
  id: 'notes',
  title: 'Notes',
  summary: 'Edit a note, then copy it.',
  environment: 'linux',
  seed: 7,
  tasks: [
    {
      id: 'edit',
      title: 'Say hello in notes.txt',
      description: 'x',
      hints: ['x'],
      check: ({ world }) => (readHostFile(world.linux, '/root/notes.txt')?.includes('hello') ? pass('notes.txt says hello') : fail('notes.txt does not say hello')),
    },
    {
      id: 'copy',
      title: 'Copy it to /tmp',
      description: 'x',
      hints: ['x'],
      needs: ['edit'],
      points: 2,
      check: ({ world }) => (readHostFile(world.linux, '/tmp/notes.txt') === undefined ? fail('/tmp/notes.txt does not exist') : pass('/tmp/notes.txt exists')),
    },
    {
      id: 'buggy',
      title: 'A check with a bug',
      description: 'x',
      hints: ['x'],
      check: () => {
        throw new Error('boom');
      },
    },
  ],
});
const bundle = { lab, files: { 'notes.txt': 'to do\n' }, solution: '' };

describe('gradeSubmission', () => {
  it('writes starting and submitted files, replays, and scores each task', async () => {
    const { result, transcript } = await gradeSubmission(bundle, { version: 1, lab: 'notes', commands: ['cp notes.txt /tmp/'], files: { 'notes.txt': 'hello\n' } });
    expect(result).toEqual({
      lab: { id: 'notes', title: 'Notes' },
      status: 'fail',
      score: 3,
      max: 4,
      seed: 7,
      commands: 1,
      virtualMs: 0,
      tasks: [
        { id: 'edit', title: 'Say hello in notes.txt', status: 'pass', message: 'notes.txt says hello', score: 1, max: 1 },
        { id: 'copy', title: 'Copy it to /tmp', status: 'pass', message: '/tmp/notes.txt exists', score: 2, max: 2 },
        { id: 'buggy', title: 'A check with a bug', status: 'fail', message: 'the check of task "buggy" failed to run: boom', score: 0, max: 1 },
      ],
    });
    expect(transcript).toBe('$ cp notes.txt /tmp/\nexit\n');
  });

  it('skips a task whose needs fail, and uses the submission seed', async () => {
    const { result } = await gradeSubmission(bundle, { version: 1, lab: 'notes', seed: 3, commands: 'cp notes.txt /tmp/\n', files: {} });
    expect(result.seed).toBe(3);
    expect(result.tasks.map((t) => [t.id, t.status, t.message])).toEqual([
      ['edit', 'fail', 'notes.txt does not say hello'],
      ['copy', 'skipped', 'not checked: first complete "Say hello in notes.txt"'],
      ['buggy', 'fail', 'the check of task "buggy" failed to run: boom'],
    ]);
  });

  it('touches only the emulated machine, never the real one', async () => {
    const probe = `/tmp/petlab-probe-${process.pid}-${Date.now()}`;
    const { result, transcript } = await gradeSubmission(bundle, {
      version: 1,
      lab: 'notes',
      commands: [`echo secret > ${probe}`, `cat ${probe}`, 'cat /etc/hostname'],
      files: { [`${probe}.file`]: 'x' },
    });
    expect(existsSync(probe) || existsSync(`${probe}.file`)).toBe(false);
    expect(transcript).toBe(`$ echo secret > ${probe}\n$ cat ${probe}\nsecret\n$ cat /etc/hostname\npetlab\nexit\n`);
    expect(result.commands).toBe(3);
  });

  it('refuses a submission for another lab', async () => {
    const error = await gradeSubmission(bundle, { version: 1, lab: 'other', commands: [], files: {} }).catch((e: unknown) => e);
    expect(isGradingError(error) && `${error.code}: ${error.message}`).toBe('INVALID_SUBMISSION: the submission is for lab "other", not "notes"');
  });

  it('evaluates in the same order and with the same verdicts as the page would', () => {
    const world = createWorld({ seed: 7 });
    expect(evaluateTasks(lab, { world, home: '/root' }).map((t) => t.status)).toEqual(['fail', 'skipped', 'fail']);
  });
});
