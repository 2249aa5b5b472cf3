/** `kubectl describe` for StatefulSet, Deployment and ReplicaSet. */
import { formatSelector } from '../printers/columns.ts';
import type { Json } from '../util/json.ts';
import { describePodTemplate } from './pod.ts';
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

/** Pod phase counts for `Pods Status:`. */
export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** Counts pods by phase like getPodStatusForController. */
export function countPods(pods: readonly Json[]): PodCounts {
  const c = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    const phase = p.status?.phase;
    if (phase === 'Running') c.running++;
    else if (phase === 'Pending') c.waiting++;
    else if (phase === 'Succeeded') c.succeeded++;
    else if (phase === 'Failed') c.failed++;
  }
  return c;
}

function selectorText(sel: Json): string {
  const s = formatSelector(sel);
  return s === '<none>' ? '' : s;
}

/** describeStatefulSet. */
export function describeStatefulSet(sts: Json, pods: Json[], events: Json[], now: number): string {
  const w = new PrefixWriter();
  const c = countPods(pods);
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(sts.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', sts.metadata.labels);
  annotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  const strategy = sts.spec?.updateStrategy ?? {};
  w.write(LEVEL_0, `Update Strategy:\t${strategy.type ?? 'RollingUpdate'}\n`);
  const ru = strategy.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, sts.spec?.template);
  const templates = (sts.spec?.volumeClaimTemplates ?? []) as Json[];
  if (templates.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  else {
    w.write(LEVEL_0, 'Volume Claims:\n');
    for (const t of templates) {
      w.write(LEVEL_1, `Name:\t${t.metadata?.name ?? ''}\n`);
      w.write(LEVEL_1, `StorageClass:\t${t.spec?.storageClassName ?? ''}\n`);
      labelsMultiline(w, 'Labels', t.metadata?.labels, '  ');
      labelsMultiline(w, 'Annotations', t.metadata?.annotations, '  ');
      w.write(LEVEL_1, `Capacity:\t${t.spec?.resources?.requests?.storage ?? '<default>'}\n`);
      w.write(LEVEL_1, `Access Modes:\t${goSlice(t.spec?.accessModes)}\n`);
    }
  }
  describeEvents(w, events, now);
  return w.text;
}

function rsSummary(list: Json[]): string {
  if (list.length === 0) return '<none>';
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

const REVISION = 'deployment.kubernetes.io/revision';

/** describeDeployment; `replicaSets` are those the deployment owns. */
export function describeDeployment(d: Json, replicaSets: Json[], events: Json[], now: number): string {
  const w = new PrefixWriter();
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorText(d.spec?.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategy = d.spec?.strategy ?? {};
  w.write(LEVEL_0, `StrategyType:\t${strategy.type ?? 'RollingUpdate'}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  if (strategy.rollingUpdate) {
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${strategy.rollingUpdate.maxUnavailable ?? '25%'} max unavailable, ${strategy.rollingUpdate.maxSurge ?? '25%'} max surge\n`);
  }
  describePodTemplate(w, d.spec?.template);
  const conditions = (st.conditions ?? []) as Json[];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const revision = d.metadata.annotations?.[REVISION];
  const newRS = replicaSets.find((rs) => rs.metadata.annotations?.[REVISION] === revision);
  const old = replicaSets.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) !== 0);
  if (replicaSets.length > 0) {
    w.write(LEVEL_0, `OldReplicaSets:\t${rsSummary(old)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${rsSummary(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, events, now);
  return w.text;
}

/** describeReplicaSet. */
export function describeReplicaSet(rs: Json, pods: Json[], events: Json[], now: number): string {
  const w = new PrefixWriter();
  const c = countPods(pods);
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(rs.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controlledBy(rs);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, rs.spec?.template);
  describeEvents(w, events, now);
  return w.text;
}
