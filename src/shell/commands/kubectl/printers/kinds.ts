/**
 * Table printers of the workload, network, storage and cluster kinds, cell by cell as
 * kubernetes `pkg/printers/internalversion/printers.go` (1.34) fills them.
 */
import { since } from '../util/duration.ts';
import type { Json } from '../util/json.ts';
import {
  accessModes,
  cols,
  containersAndImages,
  formatLabels,
  formatSelector,
  type KindPrinter,
  type RowContext,
} from './columns.ts';
import { podPrinter } from './pod.ts';

const age = (o: Json, ctx: RowContext): string => since(o.metadata?.creationTimestamp, ctx.now);
const name = (o: Json): string => o.metadata?.name ?? '';

const statefulSet: KindPrinter = {
  columns: cols('NAME', 'READY', 'AGE', '*CONTAINERS', '*IMAGES'),
  row: (o, ctx) => [
    name(o),
    `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    age(o, ctx),
    ...containersAndImages(o.spec?.template?.spec),
  ],
};

const deployment: KindPrinter = {
  columns: cols('NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', '*CONTAINERS', '*IMAGES', '*SELECTOR'),
  row: (o, ctx) => [
    name(o),
    `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    String(o.status?.updatedReplicas ?? 0),
    String(o.status?.availableReplicas ?? 0),
    age(o, ctx),
    ...containersAndImages(o.spec?.template?.spec),
    formatSelector(o.spec?.selector),
  ],
};

const replicaSet: KindPrinter = {
  columns: cols('NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', '*CONTAINERS', '*IMAGES', '*SELECTOR'),
  row: (o, ctx) => [
    name(o),
    String(o.spec?.replicas ?? 0),
    String(o.status?.replicas ?? 0),
    String(o.status?.readyReplicas ?? 0),
    age(o, ctx),
    ...containersAndImages(o.spec?.template?.spec),
    formatSelector(o.spec?.selector),
  ],
};

/** printers.go printDaemonSet (NODE SELECTOR: labels.SelectorFromSet of the template's nodeSelector). */
const daemonSet: KindPrinter = {
  columns: cols('NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', '*CONTAINERS', '*IMAGES', '*SELECTOR'),
  row: (o, ctx) => {
    const sel = Object.entries((o.spec?.template?.spec?.nodeSelector ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return [
      name(o),
      String(o.status?.desiredNumberScheduled ?? 0),
      String(o.status?.currentNumberScheduled ?? 0),
      String(o.status?.numberReady ?? 0),
      String(o.status?.updatedNumberScheduled ?? 0),
      String(o.status?.numberAvailable ?? 0),
      sel.length ? sel.map(([k, v]) => `${k}=${v}`).join(',') : '<none>',
      age(o, ctx),
      ...containersAndImages(o.spec?.template?.spec),
      formatSelector(o.spec?.selector),
    ];
  },
};

function portString(ports: Json[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

function externalIP(svc: Json): string {
  const spec = svc.spec ?? {};
  const ext = (spec.externalIPs ?? []) as string[];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length > 0 ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = ((svc.status?.loadBalancer?.ingress ?? []) as Json[]).map((i) => i.ip || i.hostname).filter(Boolean);
      const all = [...ingress, ...ext];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

const service: KindPrinter = {
  columns: cols('NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', '*SELECTOR'),
  row: (o, ctx) => {
    const ips = (o.spec?.clusterIPs ?? (o.spec?.clusterIP ? [o.spec.clusterIP] : [])) as string[];
    return [
      name(o),
      o.spec?.type ?? 'ClusterIP',
      ips.length > 0 ? ips[0] : '<none>',
      externalIP(o),
      portString(o.spec?.ports) || '<none>',
      age(o, ctx),
      formatLabels(o.spec?.selector),
    ];
  },
};

function listWithMore(list: string[], count: number, max: number): string {
  const text = list.join(',');
  if (count > max) return `${text} + ${count - max} more...`;
  return text === '' ? '<unset>' : text;
}

const endpointSlice: KindPrinter = {
  columns: cols('NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'),
  row: (o, ctx) => {
    const ports = ((o.ports ?? []) as Json[]).map((p) => (p.port != null ? String(p.port) : (p.name ?? '*')));
    const addresses = ((o.endpoints ?? []) as Json[]).flatMap((e) => (e.addresses ?? []) as string[]);
    return [
      name(o),
      o.addressType ?? '',
      listWithMore(ports.slice(0, 3), ports.length, 3),
      listWithMore(addresses.slice(0, 3), addresses.length, 3),
      age(o, ctx),
    ];
  },
};

const pvc: KindPrinter = {
  columns: cols('NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE', '*VOLUMEMODE'),
  row: (o, ctx) => {
    const bound = Boolean(o.spec?.volumeName);
    return [
      name(o),
      o.metadata?.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
      o.spec?.volumeName ?? '',
      bound ? (o.status?.capacity?.storage ?? '') : '',
      bound ? accessModes(o.status?.accessModes) : '',
      o.spec?.storageClassName ?? o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
      o.spec?.volumeAttributesClassName || '<unset>',
      age(o, ctx),
      o.spec?.volumeMode || '<unset>',
    ];
  },
};

const pv: KindPrinter = {
  columns: cols(
    'NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS',
    'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE', '*VOLUMEMODE',
  ),
  row: (o, ctx) => {
    const ref = o.spec?.claimRef;
    return [
      name(o),
      o.spec?.capacity?.storage ?? '0',
      accessModes(o.spec?.accessModes),
      o.spec?.persistentVolumeReclaimPolicy ?? '',
      o.metadata?.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      o.spec?.storageClassName ?? '',
      o.spec?.volumeAttributesClassName || '<unset>',
      o.status?.reason ?? '',
      age(o, ctx),
      o.spec?.volumeMode || '<unset>',
    ];
  },
};

/** storageutil.IsDefaultAnnotation: the (beta or GA) is-default-class annotation is "true". */
export function isDefaultStorageClass(o: Json): boolean {
  const a = o.metadata?.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

const storageClass: KindPrinter = {
  columns: cols('NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'),
  row: (o, ctx) => [
    isDefaultStorageClass(o) ? `${name(o)} (default)` : name(o),
    o.provisioner ?? '',
    o.reclaimPolicy ?? 'Delete',
    o.volumeBindingMode ?? 'Immediate',
    String(o.allowVolumeExpansion ?? false),
    age(o, ctx),
  ],
};

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted. */
export function nodeRoles(node: Json): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata?.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

/** The node STATUS: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Json): string {
  const ready = ((node.status?.conditions ?? []) as Json[]).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Json, type: string): string {
  const a = ((node.status?.addresses ?? []) as Json[]).find((x) => x.type === type);
  return a ? a.address : '<none>';
}

const node: KindPrinter = {
  columns: cols('NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', '*INTERNAL-IP', '*EXTERNAL-IP', '*OS-IMAGE', '*KERNEL-VERSION', '*CONTAINER-RUNTIME'),
  row: (o, ctx) => {
    const info = o.status?.nodeInfo ?? {};
    return [
      name(o),
      nodeStatus(o),
      nodeRoles(o),
      age(o, ctx),
      info.kubeletVersion ?? '',
      nodeAddress(o, 'InternalIP'),
      nodeAddress(o, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

const namespace: KindPrinter = {
  columns: cols('NAME', 'STATUS', 'AGE'),
  row: (o, ctx) => [name(o), o.status?.phase ?? '', age(o, ctx)],
};

const configMap: KindPrinter = {
  columns: cols('NAME', 'DATA', 'AGE'),
  row: (o, ctx) => [name(o), String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), age(o, ctx)],
};

const secret: KindPrinter = {
  columns: cols('NAME', 'TYPE', 'DATA', 'AGE'),
  row: (o, ctx) => [name(o), o.type ?? '', String(Object.keys(o.data ?? {}).length), age(o, ctx)],
};

const serviceAccount: KindPrinter = {
  columns: cols('NAME', 'SECRETS', 'AGE'),
  row: (o, ctx) => [name(o), String((o.secrets ?? []).length), age(o, ctx)],
};

/** formatResourceName for an owner: `statefulset.apps/web`. */
function controllerName(o: Json): string {
  const ref = ((o.metadata?.ownerReferences ?? []) as Json[]).find((r) => r.controller);
  if (!ref) return '<none>';
  const group = String(ref.apiVersion ?? '').includes('/') ? String(ref.apiVersion).split('/')[0] : '';
  return `${String(ref.kind).toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}

const controllerRevision: KindPrinter = {
  columns: cols('NAME', 'CONTROLLER', 'REVISION', 'AGE'),
  row: (o, ctx) => [name(o), controllerName(o), String(o.revision ?? 0), age(o, ctx)],
};

/** formatEventSource: component (or reporting controller), then ", instance" when known. */
function eventSource(o: Json): string {
  const component = o.source?.component || o.reportingComponent || '';
  const instance = o.source?.host || o.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** First-seen and last-seen ages and the count of an Event, as printEvent derives them. */
export function eventTimes(o: Json, now: number): { first: string; last: string; count: number } {
  const first = o.firstTimestamp ? since(o.firstTimestamp, now) : since(o.eventTime, now);
  let last = o.lastTimestamp ? since(o.lastTimestamp, now) : first;
  let count = o.count ?? 0;
  if (o.series) {
    last = since(o.series.lastObservedTime, now);
    count = o.series.count;
  } else if (count === 0) count = 1;
  return { first, last, count };
}

const event: KindPrinter = {
  columns: cols('LAST SEEN', 'TYPE', 'REASON', 'OBJECT', '*SUBOBJECT', '*SOURCE', 'MESSAGE', '*FIRST SEEN', '*COUNT', '*NAME'),
  row: (o, ctx) => {
    const t = eventTimes(o, ctx.now);
    const io = o.involvedObject ?? {};
    const target = io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
    return [t.last, o.type ?? '', o.reason ?? '', target, io.fieldPath ?? '', eventSource(o), String(o.message ?? '').trim(), t.first, String(t.count), name(o)];
  },
};

/** The server's default table for kinds without a printer. */
export const defaultPrinter: KindPrinter = {
  columns: cols('NAME', 'AGE'),
  row: (o, ctx) => [name(o), age(o, ctx)],
};

const PRINTERS: Readonly<Record<string, KindPrinter>> = {
  Pod: podPrinter,
  StatefulSet: statefulSet,
  Deployment: deployment,
  ReplicaSet: replicaSet,
  DaemonSet: daemonSet,
  Service: service,
  EndpointSlice: endpointSlice,
  PersistentVolumeClaim: pvc,
  PersistentVolume: pv,
  StorageClass: storageClass,
  Node: node,
  Namespace: namespace,
  ConfigMap: configMap,
  Secret: secret,
  ServiceAccount: serviceAccount,
  ControllerRevision: controllerRevision,
  Event: event,
};

/** The printer of `kind`, or the default NAME/AGE printer. */
export function printerFor(kind: string): KindPrinter {
  return PRINTERS[kind] ?? defaultPrinter;
}
