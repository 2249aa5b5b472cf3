/**
 * The live view loads the Kubernetes reader only in a cluster world and the Docker reader only
 * once the world has an engine (a `docker` world, or docker0 on the learner's host).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../../shell/session.ts';
import { BufferOutput } from '../../shell/interp/streams.ts';
import { worldReaders } from './world-readers.ts';

/** Resolves after the dynamic imports started by `current()` have settled. */
const loaded = (calls: { n: number }, want: number) =>
  new Promise<void>((resolve, reject) => {
    const start = Date.now();
    const poll = () => (calls.n >= want ? resolve() : Date.now() - start > 10_000 ? reject(new Error(`${calls.n} of ${want} readers loaded`)) : setTimeout(poll, 5));
    poll();
  });

describe('worldReaders', () => {
  it('loads no reader for a Linux world without Docker', async () => {
    const calls = { n: 0 };
    const readers = worldReaders(createWorld({ seed: 1 }), 'linux', () => calls.n++);
    expect(readers.current()).toEqual({});
    await new Promise((r) => setTimeout(r, 50));
    expect({ calls: calls.n, readers: Object.keys(readers.current()) }).toEqual({ calls: 0, readers: [] });
  });

  it('loads the Kubernetes reader at once in a kubernetes world, and reports it once', async () => {
    const calls = { n: 0 };
    const readers = worldReaders(createWorld({ seed: 1, environment: 'kubernetes' }), 'kubernetes', () => calls.n++);
    readers.current();
    readers.current();
    await loaded(calls, 1);
    expect(Object.keys(readers.current())).toEqual(['kube']);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.n).toBe(1);
  });

  it('loads the Docker reader in a Linux world once docker0 exists', async () => {
    const world = createWorld({ seed: 1 });
    const calls = { n: 0 };
    const readers = worldReaders(world, 'linux', () => calls.n++);
    expect(readers.current()).toEqual({});
    await new ShellSession({ world, stdout: new BufferOutput() }).execute('docker network ls');
    readers.current();
    await loaded(calls, 1);
    expect(Object.keys(readers.current())).toEqual(['docker']);
    expect(readers.current().docker?.(world)).toEqual([]);
  });
});
