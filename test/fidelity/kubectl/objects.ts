/**
 * Builders of API objects shaped like a kind cluster's, for fidelity tests. Timestamps are given
 * as ages relative to NOW so recorded AGE columns can be reproduced.
 */
export const NOW = Date.UTC(2026, 10, 29, 10, 0, 0);

/** RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function runningPod(name: string, opts: { age: number; ip: string; node: string; ready?: boolean; labels?: Record<string, string> }) {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ago(opts.age), labels: opts.labels ?? { app: 'web' } },
    spec: { nodeName: opts.node, containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    status: {
      phase: 'Running',
      podIP: opts.ip,
      podIPs: [{ ip: opts.ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [
        { name: 'nginx', ready, restartCount: 0, state: { running: { startedAt: ago(opts.age) } }, lastState: {} },
      ],
    },
  };
}

export function boundPvc(name: string, volume: string, opts: { age: number; size: string; labels?: Record<string, string> }) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', creationTimestamp: ago(opts.age), labels: opts.labels },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: opts.size } }, storageClassName: 'standard', volumeName: volume, volumeMode: 'Filesystem' },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: opts.size } },
  };
}

export function headlessService(name: string, age: number) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', creationTimestamp: ago(age), labels: { app: name } },
    spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: name }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] },
  };
}
