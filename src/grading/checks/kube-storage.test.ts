import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../../emulator/events.ts';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import { dataSurvivedRecreation, type VolumeFile } from './kube-storage.ts';
import { readerOf } from './kube-reader.ts';

const created = (pod: string, at: number, seq: number): WorldEvent => ({
  seq,
  at,
  source: 'kube/statefulset-controller',
  type: 'k8s.SuccessfulCreate',
  subject: 'statefulset/default/web',
  message: `create Pod ${pod} in StatefulSet web successful`,
});

const objects: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'default' }, spec: { containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www-web-0', namespace: 'default' }, spec: { volumeName: 'pvc-123' } },
];

const want = { set: 'web', replicas: 1, claim: 'www', path: 'index.html' };
const volume = (file?: VolumeFile) => (name: string, path: string) => (name === 'pvc-123' && path === 'index.html' ? file : undefined);

describe('dataSurvivedRecreation', () => {
  it('passes when the file predates the latest creation of the pod', () => {
    const events = [created('web-0', 1000, 1), created('web-0', 50_000, 2)];
    expect(dataSurvivedRecreation(events, readerOf(objects), volume({ content: 'web-0\n', mtime: 20_000 }), want)).toEqual({
      pass: true,
      message: 'index.html on www-web-0 was written before web-0 was recreated and is still there ("web-0")',
    });
  });

  it('says what is missing otherwise', () => {
    const once = [created('web-0', 1000, 1)];
    const twice = [...once, created('web-0', 50_000, 2)];
    expect(dataSurvivedRecreation(once, readerOf(objects), volume(), want).message).toBe(
      'no file index.html on any www-web-N claim: write one in a pod, then delete the pod',
    );
    expect(dataSurvivedRecreation(once, readerOf(objects), volume({ content: 'x', mtime: 2000 }), want).message).toBe(
      'index.html is on www-web-0; now delete web-0 and let it come back',
    );
    expect(dataSurvivedRecreation(twice, readerOf(objects), volume(), want).message).toBe('www-web-0 has no index.html: write it in web-0 before deleting the pod');
    expect(dataSurvivedRecreation(twice, readerOf(objects), volume({ content: 'x', mtime: 60_000 }), want).message).toBe(
      'index.html on www-web-0 was written after web-0 came back; write it first, then delete the pod',
    );
    expect(dataSurvivedRecreation(twice, readerOf([objects[1]]), volume({ content: 'x', mtime: 2000 }), want).message).toBe('web-0 is not back and Ready yet');
  });
});
