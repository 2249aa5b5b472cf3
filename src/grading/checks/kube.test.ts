import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import { claimsBound, serviceIsHeadless, stableNetworkIdentity, statefulSetReady } from './kube.ts';
import { readerOf } from './kube-reader.ts';

function pod(name: string, state: 'ready' | 'pending' | 'running' | 'terminating', ip?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...(state === 'terminating' ? { deletionTimestamp: '2026-11-29T10:01:00Z' } : {}) },
    spec: { containers: [{ name: 'nginx' }], hostname: name, subdomain: 'nginx' },
    status: {
      phase: state === 'pending' ? 'Pending' : 'Running',
      conditions: [{ type: 'Ready', status: state === 'ready' || state === 'terminating' ? 'True' : 'False' }],
      ...(ip ? { podIP: ip } : {}),
    },
  };
}

const set = (replicas: number, serviceName = 'nginx'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, serviceName, selector: { matchLabels: { app: 'nginx' } }, template: { spec: { containers: [] } } },
});

const svc = (clusterIP: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP } });

const pvc = (name: string, phase?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: {},
  ...(phase ? { status: { phase } } : {}),
});

const want = { name: 'web', replicas: 3, serviceName: 'nginx' };

describe('serviceIsHeadless', () => {
  it('names the Service and what is wrong', () => {
    expect(serviceIsHeadless(readerOf([]), { name: 'nginx' })).toEqual({ pass: false, message: 'Service nginx not found in namespace default' });
    expect(serviceIsHeadless(readerOf([svc('10.96.0.12')]), { name: 'nginx' })).toEqual({
      pass: false,
      message: 'Service nginx has clusterIP 10.96.0.12; a headless Service needs clusterIP: None',
    });
    expect(serviceIsHeadless(readerOf([svc('None')]), { name: 'nginx' })).toEqual({ pass: true, message: 'Service nginx is headless (clusterIP: None)' });
  });
});

describe('statefulSetReady', () => {
  it('says how many are Ready and why the others are not', () => {
    expect(statefulSetReady(readerOf([]), want).message).toBe('StatefulSet web not found in namespace default');
    expect(statefulSetReady(readerOf([set(3, 'other')]), want).message).toBe(
      'StatefulSet web has serviceName "other"; it should name the headless Service nginx',
    );
    expect(statefulSetReady(readerOf([set(2)]), want).message).toBe('StatefulSet web asks for 2 replicas; the lab wants 3');
    expect(statefulSetReady(readerOf([set(3), pod('web-0', 'ready'), pod('web-1', 'ready'), pod('web-2', 'pending')]), want)).toEqual({
      pass: false,
      message: '3 replicas wanted, 2 Ready: web-2 is Pending',
    });
    expect(statefulSetReady(readerOf([set(3), pod('web-0', 'terminating'), pod('web-1', 'running')]), want).message).toBe(
      '3 replicas wanted, 0 Ready: web-0 is Terminating, web-1 is Running but not Ready and web-2 is missing',
    );
    expect(statefulSetReady(readerOf([set(3), pod('web-0', 'ready'), pod('web-1', 'ready'), pod('web-2', 'ready')]), want)).toEqual({
      pass: true,
      message: '3 replicas wanted, 3 Ready: web-0, web-1 and web-2',
    });
  });
});

describe('stableNetworkIdentity', () => {
  it('lists each pod DNS name or what is missing', () => {
    const objects = [pod('web-0', 'ready', '10.244.1.2'), pod('web-1', 'ready', '10.244.2.2'), pod('web-2', 'pending')];
    expect(stableNetworkIdentity(readerOf(objects), want).message).toBe('pods need stable DNS names under Service nginx: web-2 has no IP yet');
    objects[2] = pod('web-2', 'ready', '10.244.1.3');
    expect(stableNetworkIdentity(readerOf(objects), want)).toEqual({
      pass: true,
      message:
        'web-0.nginx.default.svc.cluster.local → 10.244.1.2, web-1.nginx.default.svc.cluster.local → 10.244.2.2, web-2.nginx.default.svc.cluster.local → 10.244.1.3',
    });
  });
});

describe('claimsBound', () => {
  it('names unbound claims', () => {
    const w = { claim: 'www', set: 'web', replicas: 3 };
    expect(claimsBound(readerOf([pvc('www-web-0', 'Bound'), pvc('www-web-1')]), w)).toEqual({
      pass: false,
      message: '3 claims wanted Bound: www-web-1 is Pending and www-web-2 is missing',
    });
    expect(claimsBound(readerOf([pvc('www-web-0', 'Bound'), pvc('www-web-1', 'Bound'), pvc('www-web-2', 'Bound')]), w)).toEqual({
      pass: true,
      message: 'www-web-0, www-web-1 and www-web-2 are Bound',
    });
  });
});
