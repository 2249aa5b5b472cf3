import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabBundle } from '../grading/bundle.ts';
import { defineLab } from '../grading/define-lab.ts';
import { GradingError } from '../grading/errors.ts';
import { pass } from '../grading/checks/result.ts';
import { gradeClass, listClassDir, type ClassEntry, type Grader } from './class-grading.ts';

const lab = defineLab({ id: 'tiny', title: 'Tiny', summary: 'x', environment: 'linux', tasks: [{ id: 't', title: 'T', description: 'x', hints: ['x'], check: () => pass('ok') }] });
const bundle: LabBundle = { lab, files: {}, solution: '' };

describe('gradeClass', () => {
  it('keeps the entries order whatever the concurrency, and turns failures into error rows', async () => {
    const entries: ClassEntry[] = ['ann', 'bob', 'cat', 'dan', 'eve'].map((student) => ({
      student,
      load: () => {
        if (student === 'cat') throw new GradingError('INVALID_SUBMISSION', 'cat.json is not valid JSON');
        return { version: 1, lab: 'tiny', commands: [student], files: {} };
      },
    }));
    const delays: Record<string, number> = { ann: 30, bob: 1, dan: 15, eve: 5 };
    const grade: Grader = async (_b, s) => {
      const who = (s.commands as string[])[0];
      await new Promise((r) => setTimeout(r, delays[who]));
      if (who === 'dan') throw new Error('worker died');
      return {
        result: { lab: { id: 'tiny', title: 'Tiny' }, status: 'pass', score: 1, max: 1, tasks: [], seed: 1, commands: 1, virtualMs: 0 },
        transcript: `$ ${who}\n`,
      };
    };
    const rows = await gradeClass(bundle, entries, grade, 3);
    expect(rows.map((r) => [r.student, r.result.status, r.result.error ?? r.transcript])).toEqual([
      ['ann', 'pass', '$ ann\n'],
      ['bob', 'pass', '$ bob\n'],
      ['cat', 'error', 'cat.json is not valid JSON'],
      ['dan', 'error', 'internal error: worker died'],
      ['eve', 'pass', '$ eve\n'],
    ]);
  });
});

describe('listClassDir', () => {
  it('reads files and folders, follows no link, and gives odd entries an error row instead of failing the class', () => {
    const dir = mkdtempSync(join(tmpdir(), 'petlab-class-'));
    const sub = (commands: string[]) => JSON.stringify({ version: 1, lab: 'tiny', commands });
    writeFileSync(join(dir, 'ann.json'), sub(['ls']));
    mkdirSync(join(dir, 'bob'));
    writeFileSync(join(dir, 'bob', 'commands.sh'), 'pwd\n');
    mkdirSync(join(dir, 'cat'));
    writeFileSync(join(dir, 'README.md'), 'class of 2026\n');
    writeFileSync(join(dir, '.hidden.json'), sub([]));
    symlinkSync('/nonexistent', join(dir, 'dangling.json'));
    symlinkSync(join(dir, 'ann.json'), join(dir, 'eve.json'));
    symlinkSync('/etc', join(dir, 'fay'));
    mkdirSync(join(dir, 'gus.json'));
    writeFileSync(join(dir, 'gus.json', 'commands.sh'), 'id\n');
    const outcome = listClassDir(dir, 'tiny').map((entry) => {
      try {
        const s = entry.load();
        return `${entry.student}: ${JSON.stringify(s.commands)}`;
      } catch (error) {
        return `${entry.student}: ${(error as Error).message.replace(dir, 'DIR')}`;
      }
    });
    expect(outcome).toEqual([
      'ann: ["ls"]',
      'bob: "pwd\\n"',
      'cat: DIR/cat holds neither submission.json nor commands.sh',
      'dangling: DIR/dangling.json is a symbolic link; the grader reads only regular files and folders in the class folder',
      'eve: DIR/eve.json is a symbolic link; the grader reads only regular files and folders in the class folder',
      'fay: DIR/fay is a symbolic link; the grader reads only regular files and folders in the class folder',
      'gus.json: "id\\n"',
    ]);
  });
});
