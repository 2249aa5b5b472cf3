import { describe, expect, it } from 'vitest';
import { describeTabs } from '../printers/go-tabwriter.ts';
import { describeNode, describePvc, describeService } from './others.ts';
import { describeDeployment } from './workloads.ts';

const NOW = Date.UTC(2026, 10, 29, 10, 10, 0);
const T0 = '2026-11-29T10:00:00Z';

describe('kubectl describe layouts (describe.go)', () => {
  it('service: a second column only on Port, events <none> aligned with the block', () => {
    const svc = {
      kind: 'Service',
      metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' }, creationTimestamp: T0 },
      spec: {
        type: 'ClusterIP',
        clusterIP: 'None',
        clusterIPs: ['None'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        selector: { app: 'nginx' },
        ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }],
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
    };
    const slice = { ports: [{ name: 'web', port: 80 }], endpoints: [{ addresses: ['10.244.1.20'], conditions: { ready: true } }, { addresses: ['10.244.2.99'], conditions: { ready: true } }, { addresses: ['10.244.2.7'], conditions: { ready: false } }] };
    expect(describeTabs(describeService(svc, [slice], [], NOW))).toBe(
      [
        'Name:                     nginx',
        'Namespace:                default',
        'Labels:                   app=nginx',
        'Annotations:              <none>',
        'Selector:                 app=nginx',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       None',
        'IPs:                      None',
        'Port:                     web  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                10.244.1.20:80,10.244.2.99:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('pvc: finalizers as a Go slice and the pods using it', () => {
    const pvc = {
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www-web-0', namespace: 'default', labels: { app: 'nginx' }, finalizers: ['kubernetes.io/pvc-protection'], creationTimestamp: T0 },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', volumeName: 'pvc-1', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    };
    expect(describeTabs(describePvc(pvc, [{ metadata: { name: 'web-0' } }], [], NOW))).toBe(
      [
        'Name:          www-web-0',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Bound',
        'Volume:        pvc-1',
        'Labels:        app=nginx',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      1Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       web-0',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });

  it('deployment: replicas line, strategy, conditions and replica sets', () => {
    const d = {
      kind: 'Deployment',
      metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' }, annotations: { 'deployment.kubernetes.io/revision': '1' }, creationTimestamp: T0 },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
      },
      status: {
        replicas: 3,
        updatedReplicas: 3,
        availableReplicas: 3,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
        ],
      },
    };
    const rs = { metadata: { name: 'nginx-77d8468669', annotations: { 'deployment.kubernetes.io/revision': '1' } }, spec: { replicas: 3 }, status: { replicas: 3 } };
    // Layout as in kubernetes/website deployment.md ("kubectl describe deployments"), kubectl 1.34 adds Node-Selectors/Tolerations.
    expect(describeTabs(describeDeployment(d, [rs], [], NOW))).toBe(
      [
        'Name:                   nginx',
        'Namespace:              default',
        'CreationTimestamp:      Sun, 29 Nov 2026 10:00:00 +0000',
        'Labels:                 app=nginx',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=nginx',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.14.2',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   nginx-77d8468669 (3/3 replicas created)',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('node: taints, unschedulable and the pods table', () => {
    const node = {
      kind: 'Node',
      metadata: { name: 'petlab-worker', labels: { 'kubernetes.io/hostname': 'petlab-worker' }, creationTimestamp: T0 },
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/petlab/petlab-worker', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] },
      status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'petlab-worker' }], nodeInfo: { kubeletVersion: 'v1.34.0' } },
    };
    const text = describeTabs(describeNode(node, [], [], NOW));
    expect(text.split('\n').slice(0, 12).join('\n')).toBe(
      [
        'Name:               petlab-worker',
        'Roles:              <none>',
        'Labels:             kubernetes.io/hostname=petlab-worker',
        'Annotations:        <none>',
        'CreationTimestamp:  Sun, 29 Nov 2026 10:00:00 +0000',
        'Taints:             node.kubernetes.io/unschedulable:NoSchedule',
        'Unschedulable:      true',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    petlab-worker',
        'System Info:',
        '  Machine ID:                 ',
      ].join('\n'),
    );
  });
});
