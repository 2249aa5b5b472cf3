import { describe, expect, it } from 'vitest';
import { defineLab, writtenDefinition } from './define-lab.ts';
import type { LabInput } from './lab-schema.ts';

const check = () => ({ pass: true, message: 'ok' });

describe('defineLab (no validation: that is validateLab, run by the CLI and the tests)', () => {
  it('fills in the defaults the schema gives', () => {
    const input: LabInput = {
      id: 'demo-lab',
      title: 'Demo',
      summary: 'A demo lab.',
      environment: 'linux',
      tasks: [
        { id: 'first', title: 'First', description: 'x', check, hints: ['h'] },
        { id: 'second', title: 'Second', description: 'y', check, hints: ['h'], needs: ['first'], points: 2 },
      ],
    };
    expect(defineLab(input)).toEqual({
      id: 'demo-lab',
      title: 'Demo',
      summary: 'A demo lab.',
      environment: 'linux',
      home: '/root',
      seed: 1,
      tasks: [
        { id: 'first', title: 'First', description: 'x', check, hints: ['h'], needs: [], points: 1 },
        { id: 'second', title: 'Second', description: 'y', check, hints: ['h'], needs: ['first'], points: 2 },
      ],
    });
    expect(writtenDefinition(defineLab(input))).toBe(input);
  });

  it('never throws on a malformed definition (validateLab reports it)', () => {
    expect(defineLab(null as unknown as LabInput)).toBe(null);
    expect(defineLab({ id: 'x', tasks: 'none' } as unknown as LabInput)).toEqual({ id: 'x', tasks: 'none', home: '/root', seed: 1 });
    expect(defineLab({ id: 'x', tasks: [7] } as unknown as LabInput).tasks).toEqual([7]);
  });
});
