/**
 * The Node objects of a kind-like cluster (kindest/node v1.34.0): labels, annotations, taints,
 * capacity and the status conditions a healthy kubelet posts.
 */
import { rfc3339 } from '../api/meta.ts';
import type { Node, NodeStatus } from '../api/types.ts';

export const KUBE_VERSION = 'v1.34.0';
export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

export interface NodePlan {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
  maxPods: number;
}

/** Healthy node conditions at `now` (kubelet's setNodeStatus texts). */
export function readyConditions(now: number, since: number): NonNullable<NodeStatus['conditions']> {
  const hb = rfc3339(now);
  const t = rfc3339(since);
  return [
    { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

/** A Node object for `plan`, created at `createdAt`. */
export function nodeObject(plan: NodePlan, createdAt: number, hex: (n: number) => string): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': plan.name,
    'kubernetes.io/os': 'linux',
  };
  if (plan.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const capacity = { cpu: '2', 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4010004Ki', pods: String(plan.maxPods) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: plan.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: plan.podCIDR,
      podCIDRs: [plan.podCIDR],
      providerID: `kind://docker/petlab/${plan.name}`,
      ...(plan.controlPlane ? { taints: [{ ...CONTROL_PLANE_TAINT }] } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: plan.ip },
        { type: 'Hostname', address: plan.name },
      ],
      allocatable: { ...capacity },
      capacity,
      conditions: readyConditions(createdAt, createdAt),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.1.0-28-amd64',
        kubeProxyVersion: KUBE_VERSION,
        kubeletVersion: KUBE_VERSION,
        machineID: hex(32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      },
    },
  };
}
