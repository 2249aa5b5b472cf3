// The sandbox's host-side bounds (real time, memory, a dying worker), with a stand-in worker that
// misbehaves on demand; and the real worker, reused across submissions, grading exactly as a
// fresh in-process grade does.
import { describe, expect, it } from 'vitest';
import { GradingError } from '../grading/errors.ts';
import { gradeSubmission } from '../grading/grade.ts';
import type { Submission } from '../grading/submission.ts';
import { findLab } from './lab-catalogue.ts';
import { GradingPool, GradingSandbox } from './sandbox.ts';

const STAND_IN = new URL('./sandbox-test-worker.ts', import.meta.url);

function job(lab: string): Submission {
  return { version: 1, lab, commands: [], files: {} };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return `${error instanceof GradingError ? error.code : 'Error'}: ${(error as Error).message}`;
  }
  return 'resolved';
}

describe('GradingSandbox bounds', () => {
  it('stops a job that never yields after the real-time limit, then grades the next in a fresh worker', async () => {
    const sandbox = new GradingSandbox({ timeoutMs: 500, workerUrl: STAND_IN });
    try {
      const started = performance.now();
      expect(await failure(sandbox.grade('spin', job('spin')))).toBe(
        'LIMIT_EXCEEDED: the replay stopped: it ran for more than 0.5 s of real time (a command that never finishes, e.g. a loop that runs too long).',
      );
      expect(performance.now() - started).toBeLessThan(10_000);
      const next = await sandbox.grade('calm', job('calm'));
      expect([next.result.status, sandbox.workersStarted]).toEqual(['pass', 2]);
    } finally {
      await sandbox.close();
    }
  }, 30_000);

  it('stops a job that allocates without end at the memory limit', async () => {
    const sandbox = new GradingSandbox({ memoryMb: 32, workerUrl: STAND_IN });
    try {
      expect(await failure(sandbox.grade('grow', job('grow')))).toBe('LIMIT_EXCEEDED: the replay stopped: it used more than 32 MB of memory.');
      expect((await sandbox.grade('calm', job('calm'))).result.status).toBe('pass');
    } finally {
      await sandbox.close();
    }
  }, 60_000);

  it('reports a worker that exits and recovers', async () => {
    const sandbox = new GradingSandbox({ workerUrl: STAND_IN });
    try {
      expect(await failure(sandbox.grade('exit', job('exit')))).toBe('Error: the grading worker exited unexpectedly');
      expect((await sandbox.grade('calm', job('calm'))).transcript).toBe('job 2\n');
    } finally {
      await sandbox.close();
    }
  }, 30_000);

  it('rejects, not hangs, when the worker ends before it is ready', async () => {
    const sandbox = new GradingSandbox({ workerUrl: new URL('data:text/javascript,process.exit(3)') });
    try {
      expect(await failure(sandbox.grade('calm', job('calm')))).toBe('Error: the grading worker exited (status 3) before it was ready');
      expect(sandbox.workersStarted).toBe(1);
    } finally {
      await sandbox.close();
    }
  }, 30_000);

  it('keeps the other lanes of a pool going when one job is stopped', async () => {
    const pool = new GradingPool(2, { timeoutMs: 500, workerUrl: STAND_IN });
    try {
      const outcomes = await Promise.all(['calm', 'spin', 'calm', 'calm'].map((lab) => failure(pool.grade(lab, job(lab)))));
      expect(outcomes.map((o) => o.split(':')[0])).toEqual(['resolved', 'LIMIT_EXCEEDED', 'resolved', 'resolved']);
      // Two at once use both lanes: the stopped one starts a fresh worker.
      expect((await Promise.all([pool.grade('calm', job('calm')), pool.grade('calm', job('calm'))])).map((r) => r.result.status)).toEqual(['pass', 'pass']);
      expect(pool.workersStarted).toBe(3);
    } finally {
      await pool.close();
    }
  }, 30_000);
});

describe('GradingSandbox with the real worker', () => {
  it('grades submissions one after another in one reused worker exactly as fresh in-process grades', async () => {
    const bundle = findLab('statefulset-identity');
    const subs: Submission[] = [
      { version: 1, lab: bundle.lab.id, commands: bundle.solution, files: {} },
      { version: 1, lab: bundle.lab.id, seed: 3, commands: 'kubectl apply -f web.yaml\nkubectl get pods\n', files: {} },
      { version: 1, lab: bundle.lab.id, seed: 5, commands: bundle.solution.replace('kubectl delete pod web-0\n', ''), files: {} },
      { version: 1, lab: bundle.lab.id, commands: `kubectl get nodes\n${bundle.solution}kubectl describe statefulset web\n`, files: {} },
    ];
    const sandbox = new GradingSandbox();
    try {
      const reused: string[] = [];
      for (const s of subs) reused.push(JSON.stringify(await sandbox.grade(s.lab, s)));
      const fresh: string[] = [];
      for (const s of subs) fresh.push(JSON.stringify(await gradeSubmission(bundle, s)));
      expect(reused).toEqual(fresh);
      expect(sandbox.workersStarted).toBe(1);
      expect(reused.map((r) => JSON.parse(r).result.score)).toEqual([7, 1, 5, 7]);
    } finally {
      await sandbox.close();
    }
  }, 180_000);
});
