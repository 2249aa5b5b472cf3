/** Manifests from the Kubernetes docs' StatefulSet tutorial (content/en/examples/application/web/web.yaml). */
import type { KubeObject } from '../api/types.ts';

export function webService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: { ports: [{ port: 80, name: 'web' }], clusterIP: 'None', selector: { app: 'nginx' } },
  };
}

export function webStatefulSet(over: { replicas?: number; podManagementPolicy?: string; volumes?: boolean; image?: string } = {}): KubeObject {
  const spec: Record<string, unknown> = {
    serviceName: 'nginx',
    replicas: over.replicas ?? 2,
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: over.image ?? 'registry.k8s.io/nginx-slim:0.21',
            ports: [{ containerPort: 80, name: 'web' }],
            ...(over.volumes === false ? {} : { volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }),
          },
        ],
      },
    },
  };
  if (over.podManagementPolicy) spec.podManagementPolicy = over.podManagementPolicy;
  if (over.volumes !== false) {
    spec.volumeClaimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
  }
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec };
}
