/**
 * Fidelity: `kubectl describe pod` against a recorded 2026 transcript (kubectl 1.34-era, minikube;
 * search-index id 70326645151, "`kubectl -n s14 describe pod get-demo`"). The only edit: the
 * transcript's +0530 timestamps are shown here in UTC (+0000), the zone Petlab prints.
 */
import { describe, expect, it } from 'vitest';
import { describePod } from '../../../src/shell/commands/kubectl/describe/pod.ts';
import { describeTabs } from '../../../src/shell/commands/kubectl/printers/go-tabwriter.ts';

const start = '2026-10-07T18:06:09Z';
const now = Date.parse('2026-10-07T18:06:10Z');

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'get-demo', namespace: 's14', uid: 'u1', labels: { app: 'get-demo' }, creationTimestamp: start },
  spec: {
    priority: 0,
    serviceAccountName: 'default',
    nodeName: 'minikube',
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        volumeMounts: [{ name: 'kube-api-access-4g4mp', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
      },
    ],
    volumes: [
      {
        name: 'kube-api-access-4g4mp',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [] } },
          ],
        },
      },
    ],
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '192.168.49.2',
    podIP: '10.244.0.159',
    podIPs: [{ ip: '10.244.0.159' }],
    startTime: start,
    qosClass: 'BestEffort',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
    containerStatuses: [
      {
        name: 'nginx',
        containerID: 'containerd://efccc7403687e6499533e4ff1988c28fed8879bddb78dc54b28d77e667766764',
        image: 'nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d',
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: start } },
        lastState: {},
      },
    ],
  },
};

const event = (reason: string, message: string, component: string, fieldPath?: string) => ({
  kind: 'Event',
  involvedObject: { kind: 'Pod', name: 'get-demo', namespace: 's14', uid: 'u1', fieldPath },
  reason,
  message,
  type: 'Normal',
  source: { component },
  firstTimestamp: start,
  lastTimestamp: start,
  count: 1,
});

const events = [
  event('Scheduled', 'Successfully assigned s14/get-demo to minikube', 'default-scheduler'),
  event('Pulled', 'Container image "nginx:1.27" already present on machine and can be accessed by the pod', 'kubelet', 'spec.containers{nginx}'),
  event('Created', 'Container created', 'kubelet', 'spec.containers{nginx}'),
  event('Started', 'Container started', 'kubelet', 'spec.containers{nginx}'),
];

const recorded = `Name:             get-demo
Namespace:        s14
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       Wed, 07 Oct 2026 18:06:09 +0000
Labels:           app=get-demo
Annotations:      <none>
Status:           Running
IP:               10.244.0.159
IPs:
  IP:  10.244.0.159
Containers:
  nginx:
    Container ID:   containerd://efccc7403687e6499533e4ff1988c28fed8879bddb78dc54b28d77e667766764
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Wed, 07 Oct 2026 18:06:09 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-4g4mp (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-4g4mp:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  1s    default-scheduler  Successfully assigned s14/get-demo to minikube
  Normal  Pulled     1s    kubelet            spec.containers{nginx}: Container image "nginx:1.27" already present on machine and can be accessed by the pod
  Normal  Created    1s    kubelet            spec.containers{nginx}: Container created
  Normal  Started    1s    kubelet            spec.containers{nginx}: Container started
`;

describe('kubectl describe pod (recorded)', () => {
  it('matches the recorded output line for line', () => {
    expect(describeTabs(describePod(pod, events, now))).toBe(recorded);
  });
});
