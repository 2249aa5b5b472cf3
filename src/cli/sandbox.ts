/**
 * `GradingSandbox`: grades submissions in a worker thread with a real-time limit and a heap
 * limit. The emulator already bounds commands, virtual time, output and processes; this adds
 * the two bounds only the host can enforce — a replay that hogs its thread (a loop that runs for
 * ages, a lab check that never returns) or that allocates without end is stopped, reported as
 * LIMIT_EXCEEDED, and the next submission gets a fresh worker. A worker that answered is reused
 * for the next submission (each submission still gets a fresh world; sandbox.test.ts shows the
 * reports equal fresh in-process grades).
 */
import { Worker } from 'node:worker_threads';
import type { GradeReport } from '../grading/grade.ts';
import { GradingError, type GradingErrorCode } from '../grading/errors.ts';
import type { ReplayLimits } from '../grading/replay.ts';
import type { Submission } from '../grading/submission.ts';

export interface SandboxOptions {
  /** Real time one submission may take. @default 60_000 */
  timeoutMs?: number;
  /** Heap of the worker, in MB. @default 512 */
  memoryMb?: number;
  /**
   * Young generation of the worker's heap, in MB. Each submission's world lives for one grade;
   * room for it in the young generation means fewer scavenges and less promoted to the old one
   * (bench: 3–14 ms less CPU per StatefulSet submission than V8's default in 5 of 5 paired runs).
   * @default 64
   */
  youngGenerationMb?: number;
  limits?: Partial<ReplayLimits>;
  /** The worker module. @default ./grade-worker.ts (tests substitute one that misbehaves) */
  workerUrl?: URL;
}

/** The worker's answer to a job; `cpuMs` is the worker thread's CPU time for it. */
type Reply = { id: number; cpuMs?: number } & ({ report: GradeReport } | { error: { code: GradingErrorCode | 'INTERNAL'; message: string } });

export class GradingSandbox {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly youngGenerationMb: number;
  private readonly limits?: Partial<ReplayLimits>;
  private readonly workerUrl: URL;
  /** CPU time the worker threads spent on the jobs answered so far, in ms (for the bench). */
  cpuMs = 0;
  /** Workers started so far (a fresh one after each stopped runaway). */
  workersStarted = 0;

  constructor(options: SandboxOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.memoryMb = options.memoryMb ?? 512;
    this.youngGenerationMb = options.youngGenerationMb ?? 64;
    this.limits = options.limits;
    this.workerUrl = options.workerUrl ?? new URL('./grade-worker.ts', import.meta.url);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    this.workersStarted++;
    const worker = new Worker(this.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: this.youngGenerationMb },
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      // A worker that ends before it is ready (a module that fails to load, process.exit) would
      // otherwise leave this promise, and the grader, waiting for ever.
      worker.once('exit', (code) => reject(new Error(`the grading worker exited (status ${code}) before it was ready`)));
    });
    this.worker = worker;
    return worker;
  }

  /**
   * Grades `submission` for lab `lab`. Rejects with the worker's GradingError, or with
   * LIMIT_EXCEEDED when the real-time or memory bound is passed.
   */
  async grade(lab: string, submission: Submission): Promise<GradeReport> {
    const worker = this.spawn();
    try {
      await this.ready;
    } catch (error) {
      this.worker = undefined;
      this.ready = undefined;
      void worker.terminate();
      throw error;
    }
    const id = this.nextId++;
    return new Promise<GradeReport>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const kill = (error: Error) => {
        done();
        this.worker = undefined;
        this.ready = undefined;
        void worker.terminate();
        reject(error);
      };
      const timer = setTimeout(() => {
        kill(new GradingError('LIMIT_EXCEEDED', `the replay stopped: it ran for more than ${this.timeoutMs / 1000} s of real time (a command that never finishes, e.g. a loop that runs too long).`));
      }, this.timeoutMs);
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        done();
        this.cpuMs += reply.cpuMs ?? 0;
        if ('report' in reply) resolve(reply.report);
        else if (reply.error.code === 'INTERNAL') reject(new Error(reply.error.message));
        else reject(new GradingError(reply.error.code, reply.error.message));
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          kill(new GradingError('LIMIT_EXCEEDED', `the replay stopped: it used more than ${this.memoryMb} MB of memory.`));
        } else {
          kill(error);
        }
      };
      const onExit = () => kill(new Error('the grading worker exited unexpectedly'));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, lab, submission, limits: this.limits });
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (w) await w.terminate();
  }
}

/**
 * Several sandboxes graded in parallel (one worker thread each): `grade` waits for a free one.
 * Each submission still runs alone in its world, so results do not depend on the pool's size.
 */
export class GradingPool {
  private readonly free: GradingSandbox[];
  private readonly all: GradingSandbox[];
  private readonly waiting: ((s: GradingSandbox) => void)[] = [];

  constructor(size: number, options: SandboxOptions = {}) {
    this.all = Array.from({ length: Math.max(1, size) }, () => new GradingSandbox(options));
    this.free = [...this.all];
  }

  get size(): number {
    return this.all.length;
  }

  /** CPU time of the worker threads on the jobs answered so far, in ms. */
  get cpuMs(): number {
    return this.all.reduce((sum, s) => sum + s.cpuMs, 0);
  }

  /** Worker threads started so far: `size` at first, one more after each stopped runaway. */
  get workersStarted(): number {
    return this.all.reduce((sum, s) => sum + s.workersStarted, 0);
  }

  async grade(lab: string, submission: Submission): Promise<GradeReport> {
    const sandbox = this.free.pop() ?? (await new Promise<GradingSandbox>((resolve) => this.waiting.push(resolve)));
    try {
      return await sandbox.grade(lab, submission);
    } finally {
      const next = this.waiting.shift();
      if (next) next(sandbox);
      else this.free.push(sandbox);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((s) => s.close()));
  }
}
