/** `kubectl describe` for Service, PersistentVolumeClaim, PersistentVolume, Node and small kinds. */
import { accessModes, formatLabels } from '../printers/columns.ts';
import { nodeRoles } from '../printers/kinds.ts';
import type { Json } from '../util/json.ts';
import {
  annotationsMultiline,
  controlledBy,
  describeEvents,
  goSlice,
  labelsMultiline,
  LEVEL_0,
  LEVEL_1,
  PrefixWriter,
  rfc1123z,
} from './writer.ts';
import { since } from '../util/duration.ts';
import { formatBytes, formatCpu, parseQuantity, withPercent } from '../util/quantity.ts';

function endpointsFor(slices: Json[], port: Json): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const s of slices) {
    const ports = (s.ports ?? []) as Json[];
    const ready = ((s.endpoints ?? []) as Json[]).filter((e) => e.conditions?.ready !== false && (e.addresses ?? []).length > 0);
    if (ports.length === 0) {
      for (const e of ready) {
        if (list.length < 3) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if ((p.name ?? '') !== (port.name ?? '')) continue;
      for (const e of ready) {
        if (list.length < 3) list.push(`${e.addresses[0]}:${p.port}`);
        count++;
      }
    }
  }
  const text = list.join(',');
  return count > 3 ? `${text} + ${count - 3} more...` : text;
}

/** describeService. */
export function describeService(svc: Json, slices: Json[], events: Json[], now: number): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  for (const p of (spec.ports ?? []) as Json[]) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${endpointsFor(slices, p)}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  describeEvents(w, events, now);
  return w.text;
}

/** describePersistentVolumeClaim; `users` are the pods mounting it. */
export function describePvc(pvc: Json, users: Json[], events: Json[], now: number): string {
  const w = new PrefixWriter();
  const spec = pvc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  if (spec.volumeAttributesClassName) w.write(LEVEL_0, `VolumeAttributesClass:\t${spec.volumeAttributesClassName}\n`);
  if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, now)})\n`);
  else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  labelsMultiline(w, 'Labels', pvc.metadata.labels);
  annotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
  const bound = Boolean(spec.volumeName);
  w.write(LEVEL_0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, 'Used By:\t');
  const names = users.map((p) => p.metadata.name).sort();
  if (names.length === 0) w.writeLine('<none>');
  names.forEach((n, i) => w.write(LEVEL_0, i === 0 ? `${n}\n` : `\t${n}\n`));
  describeEvents(w, events, now);
  return w.text;
}

/** describePersistentVolume. */
export function describePv(pv: Json, events: Json[], now: number): string {
  const w = new PrefixWriter();
  const spec = pv.spec ?? {};
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  labelsMultiline(w, 'Labels', pv.metadata.labels);
  annotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ''}\n`);
  if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, now)})\n`);
  else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode ?? 'Filesystem'}\n`);
  w.write(LEVEL_0, `Capacity:\t${spec.capacity?.storage ?? ''}\n`);
  w.write(LEVEL_0, `Node Affinity:\t${spec.nodeAffinity ? '' : '<none>'}\n`);
  if (spec.nodeAffinity) {
    w.write(LEVEL_1, 'Required Terms:\t\n');
    for (const term of (spec.nodeAffinity.required?.nodeSelectorTerms ?? []) as Json[]) {
      for (const e of (term.matchExpressions ?? []) as Json[]) w.write(LEVEL_1, `    Term 0:\t${e.key} ${e.operator} ${goSlice(e.values)}\n`);
    }
  }
  w.write(LEVEL_0, 'Message:\t\n');
  w.write(LEVEL_0, 'Source:\n');
  if (spec.hostPath) {
    w.write(LEVEL_1, 'Type:\tHostPath (bare host directory volume)\n');
    w.write(LEVEL_1, `Path:\t${spec.hostPath.path}\n`);
    w.write(LEVEL_1, `HostPathType:\t${spec.hostPath.type ?? ''}\n`);
  }
  describeEvents(w, events, now);
  return w.text;
}

/** describeNode (a kind-like node; resource columns from pod requests). */
export function describeNode(node: Json, pods: Json[], events: Json[], now: number): string {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints = (spec.taints ?? []) as Json[];
  w.write(LEVEL_0, 'Taints:\t');
  if (taints.length === 0) w.writeLine('<none>');
  taints.forEach((t, i) => w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable ?? false}\n`);
  const conditions = (st.conditions ?? []) as Json[];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of (st.addresses ?? []) as Json[]) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    if (!list) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(LEVEL_1, `${k}:\t${list[k]}\n`);
  }
  const info = st.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  const infoRows: [string, string][] = [
    ['Machine ID', info.machineID], ['System UUID', info.systemUUID], ['Boot ID', info.bootID], ['Kernel Version', info.kernelVersion],
    ['OS Image', info.osImage], ['Operating System', info.operatingSystem], ['Architecture', info.architecture],
    ['Container Runtime Version', info.containerRuntimeVersion], ['Kubelet Version', info.kubeletVersion], ['Kube-Proxy Version', info.kubeProxyVersion ?? ''],
  ];
  for (const [k, v] of infoRows) w.write(LEVEL_1, `${k}:\t${v ?? ''}\n`);
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  w.write(LEVEL_0, `Non-terminated Pods:\t(${active.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = st.allocatable ?? {};
  const allocCpu = parseQuantity(alloc.cpu);
  const allocMem = parseQuantity(alloc.memory);
  const total = { reqCpu: 0, limCpu: 0, reqMem: 0, limMem: 0 };
  for (const p of active) {
    const r = { reqCpu: 0, limCpu: 0, reqMem: 0, limMem: 0 };
    for (const c of ((p.spec as Json)?.containers ?? []) as Json[]) {
      r.reqCpu += parseQuantity(c.resources?.requests?.cpu);
      r.limCpu += parseQuantity(c.resources?.limits?.cpu);
      r.reqMem += parseQuantity(c.resources?.requests?.memory);
      r.limMem += parseQuantity(c.resources?.limits?.memory);
    }
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
    const cells = [
      withPercent(formatCpu(r.reqCpu), r.reqCpu, allocCpu),
      withPercent(formatCpu(r.limCpu), r.limCpu, allocCpu),
      withPercent(formatBytes(r.reqMem), r.reqMem, allocMem),
      withPercent(formatBytes(r.limMem), r.limMem, allocMem),
    ];
    w.write(LEVEL_1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cells.join('\t')}\t${since(p.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  w.write(LEVEL_1, `cpu\t${withPercent(formatCpu(total.reqCpu), total.reqCpu, allocCpu)}\t${withPercent(formatCpu(total.limCpu), total.limCpu, allocCpu)}\n`);
  w.write(LEVEL_1, `memory\t${withPercent(formatBytes(total.reqMem), total.reqMem, allocMem)}\t${withPercent(formatBytes(total.limMem), total.limMem, allocMem)}\n`);
  for (const r of ['ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi']) w.write(LEVEL_1, `${r}\t0 (0%)\t0 (0%)\n`);
  describeEvents(w, events, now);
  return w.text;
}

/** describeNamespace. */
export function describeNamespace(ns: Json): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.text;
}

/** describeConfigMap. */
export function describeConfigMap(cm: Json, events: Json[], now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', cm.metadata.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data[k]}\n\n`);
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${cm.binaryData[k].length} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, events, now);
  return w.text;
}

/** describeSecret (values hidden, sizes shown). */
export function describeSecret(s: Json): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', s.metadata.labels);
  annotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${s.type ?? 'Opaque'}\n\nData\n====\n`);
  for (const k of Object.keys(s.data ?? {}).sort()) {
    const bytes = Math.floor((String(s.data[k]).replace(/=+$/, '').length * 3) / 4);
    w.write(LEVEL_0, `${k}:\t${bytes} bytes\n`);
  }
  return w.text;
}

/** A generic describer: identity, labels, annotations, owner, events. */
export function describeGeneric(obj: Json, events: Json[], now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  if (obj.metadata.namespace) w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  const owner = controlledBy(obj);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  describeEvents(w, events, now);
  return w.text;
}
