/**
 * What `kubectl get pods -A` shows on a fresh kind cluster: the control-plane static pods, the
 * kube-proxy and kindnet pods on every node, CoreDNS (a Deployment with 2 replicas behind the
 * kube-dns Service at 10.96.0.10), the local-path provisioner, and the `kubernetes` Service.
 */
import type { ApiStore } from '../api/store.ts';
import type { KubeObject, Pod } from '../api/types.ts';
import type { NodePlan } from './node-objects.ts';

const CRITICAL = [{ key: 'CriticalAddonsOnly', operator: 'Exists' as const }, { operator: 'Exists' as const, effect: 'NoExecute' }, { operator: 'Exists' as const, effect: 'NoSchedule' }];

function staticPod(plan: NodePlan, component: string, image: string, node: KubeObject, tier = 'control-plane'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${plan.name}`,
      namespace: 'kube-system',
      labels: { component, tier },
      annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.seen': '2026-11-29T09:55:00.000000000Z' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: plan.name, uid: String(node.metadata.uid), controller: true }],
    },
    spec: {
      containers: [{ name: component, image, command: [component] , args: ['--v=2'] }],
      hostNetwork: true,
      nodeName: plan.name,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      automountServiceAccountToken: false,
    },
  };
}

const DAEMON_COMMANDS: Record<string, string[]> = { kindnet: ['/bin/kindnetd'], 'kube-proxy': ['/usr/local/bin/kube-proxy'] };

/**
 * A kind system DaemonSet (kindnet, kube-proxy) with the status of one ready pod per node. There
 * is no DaemonSet controller: the pods are created with it and name it as their owner.
 */
function daemonSet(name: string, image: string, labels: Record<string, string>, selector: Record<string, string>, nodes: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', labels: { ...selector }, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      selector: { matchLabels: selector },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name, image, command: DAEMON_COMMANDS[name] }],
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
          serviceAccountName: name,
          tolerations: [{ operator: 'Exists' }],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      revisionHistoryLimit: 10,
    },
    status: { currentNumberScheduled: nodes, desiredNumberScheduled: nodes, numberAvailable: nodes, numberMisscheduled: 0, numberReady: nodes, observedGeneration: 1, updatedNumberScheduled: nodes },
  };
}

function daemonPod(plan: NodePlan, name: string, image: string, labels: Record<string, string>, suffix: string, ownerUid: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${name}-${suffix}`,
      namespace: 'kube-system',
      labels: { ...labels, 'controller-revision-hash': '7b6c8d9f5', 'pod-template-generation': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid: ownerUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [{ name, image, command: DAEMON_COMMANDS[name] }],
      hostNetwork: true,
      nodeName: plan.name,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists' }],
      serviceAccountName: name,
    },
  };
}

/** Creates the kube-system (and local-path-storage) workloads, backdated to `createdAt`. */
export function createSystemWorkloads(store: ApiStore, plans: readonly NodePlan[], createdAt: number, randomSuffix: () => string, withPods: boolean): void {
  const sys = { createdAt };
  store.create(
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' } },
    sys,
  );
  const cp = plans[0];
  store.create(
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [cp.ip], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
    sys,
  );
  store.create(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: '10.96.0.10',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
      },
    },
    sys,
  );
  store.create(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coredns', namespace: 'kube-system' },
      data: {
        Corefile:
          '.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30 {\n       disable success cluster.local\n       disable denial cluster.local\n    }\n    loop\n    reload\n    loadbalance\n}\n',
      },
    },
    sys,
  );
  if (!withPods) return;
  const node = store.get('nodes', undefined, cp.name);
  store.create(staticPod(cp, 'etcd', 'registry.k8s.io/etcd:3.6.4-0', node), sys);
  store.create(staticPod(cp, 'kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.34.0', node), sys);
  store.create(staticPod(cp, 'kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.34.0', node), sys);
  store.create(staticPod(cp, 'kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.34.0', node), sys);
  const kindnetLabels = { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' };
  const kindnetImage = 'docker.io/kindest/kindnetd:v20250512-df8de77b';
  const proxyImage = 'registry.k8s.io/kube-proxy:v1.34.0';
  // Written as the controller would leave them: status is a subresource, so set it after create.
  const withStatus = (ds: KubeObject, uid: string): string => {
    const created = store.create(ds, { ...sys, uid });
    store.updateStatus({ ...created, status: ds.status });
    return String(created.metadata.uid);
  };
  const kindnetUid = withStatus(daemonSet('kindnet', kindnetImage, kindnetLabels, { app: 'kindnet' }, plans.length), 'c6f3b1e2-8a4d-4f0e-9b7c-1d2e3f4a5b6c');
  const proxyUid = withStatus(daemonSet('kube-proxy', proxyImage, { 'k8s-app': 'kube-proxy' }, { 'k8s-app': 'kube-proxy' }, plans.length), '5d0a9e47-3b8c-4c61-a2f5-7e9b1c3d4f60');
  for (const plan of plans) {
    store.create(daemonPod(plan, 'kindnet', kindnetImage, kindnetLabels, randomSuffix(), kindnetUid), sys);
    store.create(daemonPod(plan, 'kube-proxy', proxyImage, { 'k8s-app': 'kube-proxy' }, randomSuffix(), proxyUid), sys);
  }
  store.create(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            containers: [
              {
                name: 'coredns',
                image: 'registry.k8s.io/coredns/coredns:v1.12.1',
                args: ['-conf', '/etc/coredns/Corefile'],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10 },
                livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
              },
            ],
            dnsPolicy: 'Default',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            tolerations: [...CRITICAL.slice(0, 1), { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
          },
        },
      },
    },
    sys,
  );
  store.create(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'local-path-provisioner', namespace: 'local-path-storage' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'local-path-provisioner' } },
        template: {
          metadata: { labels: { app: 'local-path-provisioner' } },
          spec: {
            containers: [{ name: 'local-path-provisioner', image: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a', command: ['local-path-provisioner', '--debug', 'start', '--helper-image', 'docker.io/kindest/local-path-helper:v20241212-8ac705d0', '--config', '/etc/config/config.json'] }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            serviceAccountName: 'local-path-provisioner-service-account',
            tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' }],
          },
        },
      },
    },
    sys,
  );
}
