import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import { describeModel } from './describe.ts';
import { kubeView, type KubeObjects } from './kube-view.ts';
import { dockerView, netnsView } from './net-view.ts';
import { timeline } from './timeline.ts';

const obj = (kind: string, name: string, rest: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'default', ...meta }, ...rest }) as KubeObject;
const owner = (kind: string, name: string) => ({ ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: name, controller: true }] });
const readyPod = (name: string, node: string, ip: string, ownerRef: Record<string, unknown>, claim?: string) =>
  obj(
    'Pod',
    name,
    {
      spec: { nodeName: node, volumes: claim ? [{ name: 'www', persistentVolumeClaim: { claimName: claim } }] : [] },
      status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] },
    },
    ownerRef,
  );

const empty: KubeObjects = { nodes: [], pods: [], replicasets: [], statefulsets: [], deployments: [], pvcs: [], pvs: [], services: [], endpointslices: [] };

describe('kubeView', () => {
  const objects: KubeObjects = {
    ...empty,
    nodes: [
      obj('Node', 'petlab-worker2', { status: { conditions: [{ type: 'Ready', status: 'True' }] } }),
      obj('Node', 'petlab-worker', { spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }),
    ],
    statefulsets: [obj('StatefulSet', 'web', { spec: { replicas: 3 } })],
    deployments: [obj('Deployment', 'api', { spec: { replicas: 1 } })],
    replicasets: [obj('ReplicaSet', 'api-7d9f', {}, owner('Deployment', 'api'))],
    pods: [
      obj('Pod', 'web-10', { status: { phase: 'Pending' } }, owner('StatefulSet', 'web')),
      readyPod('web-1', 'petlab-worker2', '10.244.2.3', owner('StatefulSet', 'web'), 'www-web-1'),
      readyPod('web-0', 'petlab-worker', '10.244.1.2', owner('StatefulSet', 'web'), 'www-web-0'),
      obj('Pod', 'api-7d9f-x2', { spec: { nodeName: 'petlab-worker2' }, status: { phase: 'Running' } }, { ...owner('ReplicaSet', 'api-7d9f'), deletionTimestamp: '2026-11-29T10:00:00Z' }),
      obj('Pod', 'dns-test', { status: { phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }] } }),
    ],
    pvcs: [
      obj('PersistentVolumeClaim', 'www-web-1', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } }),
      obj('PersistentVolumeClaim', 'www-web-0', { spec: { volumeName: 'pvc-1', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Bound' } }),
    ],
    pvs: [
      obj(
        'PersistentVolume',
        'pvc-1',
        {
          spec: {
            capacity: { storage: '1Gi' },
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'standard',
            persistentVolumeReclaimPolicy: 'Delete',
            claimRef: { name: 'www-web-0', namespace: 'default' },
            nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['petlab-worker'] }] }] } },
          },
          status: { phase: 'Bound' },
        },
        { namespace: undefined },
      ),
      obj('PersistentVolume', 'pvc-2', { spec: { capacity: { storage: '2Gi' }, accessModes: ['ReadWriteMany', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { name: 'www-web-9' } }, status: { phase: 'Released' } }, { namespace: undefined }),
      obj('PersistentVolume', 'spare', { spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOncePod'] }, status: { phase: 'Available' } }, { namespace: undefined }),
    ],
    services: [obj('Service', 'nginx', { spec: { clusterIP: 'None', type: 'ClusterIP' } })],
    endpointslices: [
      obj(
        'EndpointSlice',
        'nginx-abc',
        { endpoints: [{ addresses: ['10.244.2.3'], conditions: { ready: true }, targetRef: { name: 'web-1' } }, { addresses: ['10.244.1.2'], conditions: { ready: false }, targetRef: { name: 'web-0' } }] },
        { labels: { 'kubernetes.io/service-name': 'nginx' } },
      ),
    ],
  };

  it('groups pods by owner (StatefulSet pods by ordinal, ReplicaSet pods under their Deployment) with states', () => {
    const view = kubeView(objects);
    expect(view.groups.map((g) => [g.kind, g.name, g.replicas, g.pods.map((p) => `${p.name}:${p.state}:${p.status}`)])).toEqual([
      ['StatefulSet', 'web', 3, ['web-0:ready:Running', 'web-1:ready:Running', 'web-10:pending:Pending']],
      ['Deployment', 'api', 1, ['api-7d9f-x2:terminating:Terminating']],
      ['Pod', 'dns-test', undefined, ['dns-test:pending:ContainerCreating']],
    ]);
    expect(view.nodes).toEqual([
      { name: 'petlab-worker', ready: true, unschedulable: true, pods: ['web-0'] },
      { name: 'petlab-worker2', ready: true, unschedulable: false, pods: ['web-1', 'api-7d9f-x2'] },
    ]);
    expect(view.claims).toEqual([
      { name: 'www-web-0', phase: 'Bound', volume: 'pvc-1', request: '1Gi', modes: ['RWO'], mountedBy: ['web-0'] },
      { name: 'www-web-1', phase: 'Pending', volume: undefined, request: '1Gi', modes: ['RWO'], mountedBy: ['web-1'] },
    ]);
    expect(view.volumes).toEqual([
      { name: 'pvc-1', phase: 'Bound', capacity: '1Gi', modes: ['RWO'], storageClass: 'standard', reclaimPolicy: 'Delete', node: 'petlab-worker', claim: 'www-web-0' },
      { name: 'pvc-2', phase: 'Released', capacity: '2Gi', modes: ['RWX', 'ROX'], storageClass: undefined, reclaimPolicy: 'Retain', node: undefined, claim: 'www-web-9' },
      { name: 'spare', phase: 'Available', capacity: '5Gi', modes: ['RWOP'], storageClass: undefined, reclaimPolicy: undefined, node: undefined, claim: undefined },
    ]);
    expect(view.services).toEqual([
      { name: 'nginx', type: 'ClusterIP', clusterIP: 'None', endpoints: [{ name: 'web-0', ip: '10.244.1.2', ready: false }, { name: 'web-1', ip: '10.244.2.3', ready: true }] },
    ]);
  });

  it('describes the same model in sentences', () => {
    expect(describeModel({ kube: kubeView(objects), docker: [], netns: [] })).toEqual([
      'Node petlab-worker is Ready and cordoned; pods: web-0.',
      'Node petlab-worker2 is Ready; pods: web-1, api-7d9f-x2.',
      'StatefulSet web (3 wanted): web-0 Running and Ready on petlab-worker (10.244.1.2), web-1 Running and Ready on petlab-worker2 (10.244.2.3), web-10 Pending.',
      'web-0 mounts claim www-web-0 (bound to pvc-1).',
      'web-1 mounts claim www-web-1 (Pending, not bound yet).',
      'Deployment api (1 wanted): api-7d9f-x2 Terminating on petlab-worker2.',
      'Pod dns-test: dns-test ContainerCreating.',
      'PersistentVolumeClaim www-web-0 (1Gi, RWO) is Bound to volume pvc-1; mounted by web-0.',
      'PersistentVolumeClaim www-web-1 (1Gi, RWO) is Pending; mounted by web-1.',
      'PersistentVolume pvc-1 (1Gi, RWO, standard, Delete, on petlab-worker) is Bound to claim www-web-0.',
      'PersistentVolume pvc-2 (2Gi, RWX, ROX, Retain) is Released: its claim www-web-9 is gone.',
      'PersistentVolume spare (5Gi, RWOP) is Available.',
      'Service nginx (headless): endpoints web-0 10.244.1.2 not ready, web-1 10.244.2.3.',
    ]);
    expect(describeModel({ docker: [], netns: [] })).toEqual(['Nothing to draw yet: no pods, containers or network namespaces.']);
  });
});

describe('dockerView and netnsView', () => {
  it('draws user-defined networks and a used default bridge, containers sorted', () => {
    const view = dockerView([
      { name: 'none', driver: 'null', containers: [] },
      { name: 'host', driver: 'host', containers: [] },
      { name: 'alpine-net', driver: 'bridge', subnet: '172.18.0.0/16', containers: [{ name: 'b', ip: '172.18.0.3', running: true }, { name: 'a', ip: '172.18.0.2', running: false }] },
      { name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16', containers: [] },
    ]);
    expect(view).toEqual([{ name: 'alpine-net', driver: 'bridge', subnet: '172.18.0.0/16', containers: [{ name: 'a', ip: '172.18.0.2', running: false }, { name: 'b', ip: '172.18.0.3', running: true }] }]);
    expect(describeModel({ docker: view, netns: [] })).toEqual(['Docker network alpine-net (bridge 172.18.0.0/16): a 172.18.0.2 (stopped), b 172.18.0.3.']);
  });

  it('draws named namespaces with veth cables, the host only when cabled to one', () => {
    const lo = { name: 'lo', kind: 'loopback', up: false, addresses: [] };
    expect(netnsView([{ name: 'host', links: [lo, { name: 'eth0', kind: 'ether', up: true, addresses: ['10.0.2.15/24'] }] }])).toEqual([]);
    const view = netnsView([
      { name: 'host', links: [lo, { name: 'eth0', kind: 'ether', up: true, addresses: [] }, { name: 'veth-h', kind: 'veth', up: true, addresses: [], peer: { name: 'veth-b', netns: 'blue' } }] },
      { name: 'blue', links: [lo, { name: 'veth-b', kind: 'veth', up: true, addresses: ['10.0.0.2/24'], peer: { name: 'veth-h', netns: 'host' } }] },
      { name: 'red', links: [lo] },
    ]);
    expect(describeModel({ docker: [], netns: view })).toEqual([
      'Network namespace host: veth-h up, cable to veth-b in blue.',
      'Network namespace blue: veth-b up 10.0.0.2/24, cable to veth-h in host.',
      'Network namespace red: lo down.',
    ]);
  });
});

describe('timeline', () => {
  it('keeps the last events with messages, in plain words with virtual times', () => {
    const at = Date.UTC(2026, 10, 29, 10, 0, 5);
    const events = [
      { seq: 1, at, source: 'kube/statefulset-controller', type: 'pod.created', subject: 'pod/default/web-0', message: 'create Pod web-0 in StatefulSet web successful' },
      { seq: 2, at: at + 1000, source: 'kube/statefulset-controller', type: 'decision', subject: 'pod/default/web-1', message: 'web-1 waits: web-0 is not Ready yet' },
      { seq: 3, at: at + 2000, source: 'kube', type: 'x', subject: 'y', message: '' },
    ];
    expect(timeline(events)).toEqual([
      { seq: 1, time: '10:00:05', source: 'kube/statefulset-controller', message: 'create Pod web-0 in StatefulSet web successful' },
      { seq: 2, time: '10:00:06', source: 'kube/statefulset-controller', message: 'web-1 waits: web-0 is not Ready yet' },
    ]);
    expect(timeline(events, 1).map((e) => e.seq)).toEqual([2]);
  });
});
