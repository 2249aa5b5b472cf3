import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../../emulator/events.ts';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import { orderedCreation, recreatedWithSameName } from './kube-history.ts';
import { readerOf } from './kube-reader.ts';

/** Builds an event log from "web-0 created", "web-0 ready"… lines. */
function log(...lines: string[]): WorldEvent[] {
  return lines.map((line, i) => {
    const [pod, step] = line.split(' ');
    return { seq: i + 1, at: i * 1000, source: 'kube/kubelet', type: `pod.${step}`, subject: `pod/default/${pod}`, message: line };
  });
}

const readyPod = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});

const want = { set: 'web', replicas: 3 };

describe('orderedCreation', () => {
  it('passes when each pod waited for its predecessor', () => {
    const events = log('web-0 created', 'web-0 ready', 'web-1 created', 'web-1 ready', 'web-2 created', 'web-2 ready');
    expect(orderedCreation(events, want)).toEqual({
      pass: true,
      message: 'web-1 was created only after web-0 was Ready, web-2 only after web-1',
    });
  });

  it('fails for parallel creation or a pod that never came', () => {
    expect(orderedCreation(log('web-0 created', 'web-1 created', 'web-0 ready', 'web-2 created'), want)).toEqual({
      pass: false,
      message: 'web-1 was created while web-0 was not Ready (use podManagementPolicy: OrderedReady, the default)',
    });
    expect(orderedCreation(log('web-0 created', 'web-0 ready', 'web-0 not-ready', 'web-1 created'), want).message).toBe('web-2 was never created');
    expect(orderedCreation(log('web-0 created', 'web-0 ready', 'web-0 not-ready', 'web-1 created', 'web-2 created'), want).message).toBe(
      'web-1 was created while web-0 was not Ready (use podManagementPolicy: OrderedReady, the default)',
    );
  });
});

describe('recreatedWithSameName', () => {
  const base = ['web-0 created', 'web-0 ready', 'web-1 created', 'web-1 ready', 'web-2 created', 'web-2 ready'];
  const pods = readerOf([readyPod('web-0'), readyPod('web-1'), readyPod('web-2')]);

  it('passes when a deleted pod is back under its name and Ready', () => {
    expect(recreatedWithSameName(log(...base, 'web-1 deleted', 'web-1 created', 'web-1 ready'), pods, want)).toEqual({
      pass: true,
      message: 'web-1 was deleted and came back as web-1, Ready',
    });
  });

  it('says what is missing otherwise', () => {
    expect(recreatedWithSameName(log(...base), pods, want).message).toBe(
      'no pod of StatefulSet web was deleted: delete one (e.g. web-0) and watch it come back',
    );
    expect(recreatedWithSameName(log(...base, 'web-1 deleted'), readerOf([readyPod('web-0')]), want).message).toBe(
      'web-1 was deleted but is not back and Ready yet',
    );
  });
});

describe('the event shapes the kube emulator writes', () => {
  /** SuccessfulCreate on the StatefulSet (Kubernetes' own message) and pod.ready from the kubelet. */
  function kubeLog(...lines: string[]): WorldEvent[] {
    return lines.map((line, i) => {
      const [pod, step] = line.split(' ');
      const base = { seq: i + 1, at: i * 1000 };
      if (step === 'created') {
        return { ...base, source: 'kube/statefulset-controller', type: 'k8s.SuccessfulCreate', subject: 'statefulset/default/web', message: `create Pod ${pod} in StatefulSet web successful` };
      }
      return { ...base, source: 'kube/kubelet', type: 'pod.ready', subject: `pod/default/${pod}`, message: `${pod} is Running and Ready on petlab-worker` };
    });
  }

  it('reads creation order and recreation from them', () => {
    const first = ['web-0 created', 'web-0 ready', 'web-1 created', 'web-1 ready', 'web-2 created', 'web-2 ready'];
    expect(orderedCreation(kubeLog(...first), want).pass).toBe(true);
    expect(orderedCreation(kubeLog('web-0 created', 'web-1 created', 'web-0 ready'), { set: 'web', replicas: 2 }).message).toBe(
      'web-1 was created while web-0 was not Ready (use podManagementPolicy: OrderedReady, the default)',
    );
    const pods = readerOf([readyPod('web-0'), readyPod('web-1'), readyPod('web-2')]);
    expect(recreatedWithSameName(kubeLog(...first, 'web-0 created', 'web-0 ready'), pods, want).message).toBe('web-0 was deleted and came back as web-0, Ready');
    expect(recreatedWithSameName(kubeLog(...first, 'web-0 created'), readerOf([readyPod('web-1'), readyPod('web-2')]), want).message).toBe(
      'web-0 was deleted but is not back and Ready yet',
    );
  });
});
