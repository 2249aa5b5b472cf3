import { describe, expect, it } from 'vitest';
import { harness } from '../kubectl/testing.ts';
import { command } from './index.ts';
import type { CommandContext } from '../../types.ts';

async function petlab(h: ReturnType<typeof harness>, args: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx = {
    args,
    world: h.world,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  } as unknown as CommandContext;
  const status = await command.run(ctx);
  return { stdout, stderr, status };
}

describe('petlab node', () => {
  it('stops and starts a node through the cluster hooks', async () => {
    const h = harness();
    h.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'petlab-worker' }, spec: {} });
    const calls: string[] = [];
    h.cluster.stopNode = (n: string) => void calls.push(`stop ${n}`);
    h.cluster.startNode = (n: string) => void calls.push(`start ${n}`);
    expect(await petlab(h, ['node', 'stop', 'petlab-worker'])).toEqual({
      stdout: 'node petlab-worker stopped: its kubelet and containers are down\n',
      stderr: '',
      status: 0,
    });
    expect(await petlab(h, ['node', 'start', 'petlab-worker'])).toEqual({ stdout: 'node petlab-worker started\n', stderr: '', status: 0 });
    expect(calls).toEqual(['stop petlab-worker', 'start petlab-worker']);
  });

  it('reports unknown nodes and bad usage', async () => {
    const h = harness();
    h.cluster.stopNode = () => undefined;
    expect(await petlab(h, ['node', 'stop', 'nope'])).toEqual({ stdout: '', stderr: 'petlab: node "nope" not found\n', status: 1 });
    expect((await petlab(h, ['node', 'reboot', 'x'])).status).toBe(2);
  });
});
