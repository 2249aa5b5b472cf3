import { describe, expect, it } from 'vitest';
import { defineLab } from './define-lab.ts';
import { validateLab } from './validate-lab.ts';
import { isGradingError } from './errors.ts';
import type { LabInput } from './lab-schema.ts';

const pass = () => ({ pass: true, message: 'ok' });

function valid(): LabInput {
  return {
    id: 'demo-lab',
    title: 'Demo',
    summary: 'A demo lab.',
    environment: 'linux',
    tasks: [
      { id: 'first', title: 'First', description: 'Do the first thing.', check: pass, hints: ['Try it'] },
      { id: 'second', title: 'Second', description: 'Then the second.', check: pass, hints: ['Again'], needs: ['first'], points: 2 },
    ],
  };
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isGradingError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected validateLab to throw');
}

describe('validateLab', () => {
  it('fills in defaults', () => {
    const lab = validateLab(valid());
    expect(lab.home).toBe('/root');
    expect(lab.seed).toBe(1);
    expect(lab.tasks.map((t) => [t.id, t.points, t.needs])).toEqual([
      ['first', 1, []],
      ['second', 2, ['first']],
    ]);
  });

  it('names the file, the field, what was received and how to fix it', () => {
    const lab = valid() as Record<string, unknown>;
    lab.environment = 'windows';
    lab.extra = true;
    const tasks = lab.tasks as Record<string, unknown>[];
    tasks[0].hints = 'Try unshare';
    tasks[1].points = 0;
    expect(messageOf(() => validateLab(lab as LabInput))).toBe(
      [
        'INVALID_LAB: Invalid lab in labs/demo-lab/lab.ts:',
        '  - (root): unknown field "extra"',
        '    Fix: remove it or correct the spelling; the allowed fields are id, title, summary, environment, setup, home, seed, tasks.',
        '  - environment: expected one of "linux", "docker", "kubernetes", received a string ("windows")',
        "    Fix: choose the world the lab starts with: 'linux', 'docker' or 'kubernetes'.",
        '  - tasks[0].hints: expected a list, received a string ("Try unshare")',
        "    Fix: give hints as a list of strings, gentlest first, e.g. hints: ['Look at unshare --help', 'Try unshare --pid --fork'].",
        '  - tasks[1].points: too small: expected number to be >0, received a number (0)',
        '    Fix: use a whole number of at least 1 (leave it out for 1).',
      ].join('\n'),
    );
  });

  it('rejects needs that are not earlier tasks, duplicate ids and missing checks', () => {
    const lab = valid();
    lab.tasks[0].needs = ['second'];
    lab.tasks[1].id = 'first';
    delete (lab.tasks[1] as Partial<(typeof lab.tasks)[number]>).check;
    expect(messageOf(() => validateLab(lab, 'labs/demo-lab/lab.ts'))).toBe(
      [
        'INVALID_LAB: Invalid lab in labs/demo-lab/lab.ts:',
        '  - tasks[1].check: expected a check function: (ctx) => ({ pass, message })',
        '    Fix: write check: (ctx) => ({ pass, message }), or use a helper from src/grading/checks/.',
      ].join('\n'),
    );
    lab.tasks[1].check = pass;
    expect(messageOf(() => validateLab(lab))).toBe(
      [
        'INVALID_LAB: Invalid lab in labs/demo-lab/lab.ts:',
        '  - tasks[0].needs[0]: "second" is not an earlier task (earlier tasks: none)',
        "    Fix: list ids of tasks defined above this one, e.g. needs: ['start-pid-namespace'].",
        '  - tasks[1].id: duplicate task id "first"',
        "    Fix: give each task a unique kebab-case id, e.g. id: 'start-pid-namespace'.",
      ].join('\n'),
    );
  });

  it('says "a lab definition" when there is no usable id', () => {
    expect(messageOf(() => validateLab({ id: 'Bad Id' } as LabInput))).toBe(
      [
        'INVALID_LAB: Invalid lab in a lab definition:',
        '  - environment: missing, expected one of "linux", "docker", "kubernetes"',
        "    Fix: choose the world the lab starts with: 'linux', 'docker' or 'kubernetes'.",
        '  - id: must be kebab-case (lower-case letters, digits, dashes), received a string ("Bad Id")',
        "    Fix: use the folder name under labs/, in kebab-case, e.g. id: 'pid-namespaces'.",
        '  - summary: missing, expected a string',
        '  - tasks: missing, expected a list',
        '    Fix: give a list with at least one task: tasks: [{ id, title, description, check, hints }].',
        '  - title: missing, expected a string',
      ].join('\n'),
    );
    expect(messageOf(() => validateLab(null as unknown as LabInput))).toBe(
      'INVALID_LAB: Invalid lab in a lab definition:\n  - (root): expected an object, received null',
    );
  });

  it('checks what defineLab was given, not the defaults it filled in', () => {
    const lab = valid() as Record<string, unknown>;
    lab.home = null;
    lab.seed = -1;
    const defined = defineLab(lab as LabInput);
    expect([defined.home, defined.seed]).toEqual(['/root', -1]);
    expect(messageOf(() => validateLab(defined))).toBe(
      [
        'INVALID_LAB: Invalid lab in labs/demo-lab/lab.ts:',
        '  - home: expected a string, received null',
        '  - seed: too small: expected number to be >=0, received a number (-1)',
      ].join('\n'),
    );
    expect(validateLab(defineLab(valid()))).toEqual(defineLab(valid()));
  });
});
