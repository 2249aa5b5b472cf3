/**
 * A stand-in for `grade-worker.ts` in sandbox.test.ts: it misbehaves on demand, by the job's
 * lab id, so the sandbox's real-time and memory bounds are tested whatever the emulator can or
 * cannot be made to hang on. `spin` never yields, `grow` allocates without end, `exit` ends the
 * thread; any other lab gets a one-task passing report naming the job's id.
 */
import { parentPort } from 'node:worker_threads';

interface Job {
  id: number;
  lab: string;
}

parentPort?.postMessage({ ready: true });

parentPort?.on('message', (job: Job) => {
  if (job.lab === 'spin') {
    for (;;) {
      /* never yields: only terminate() stops this */
    }
  }
  if (job.lab === 'grow') {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${hoard.length}`));
  }
  if (job.lab === 'exit') process.exit(3);
  const result = { lab: { id: job.lab, title: job.lab }, status: 'pass', score: 1, max: 1, tasks: [], seed: 1, commands: 0, virtualMs: 0 };
  parentPort?.postMessage({ id: job.id, cpuMs: 0, report: { result, transcript: `job ${job.id}\n` } });
});
