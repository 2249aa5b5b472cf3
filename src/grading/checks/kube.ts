/**
 * Checks about Kubernetes objects: pure functions of what the API server holds. Each names the
 * object and says what is missing, the way Kubernetes' own StatefulSet invariant checks do
 * ("3 replicas wanted, 2 Ready: web-2 is Pending").
 */
import type { CheckResult } from '../lab-schema.ts';
import type { Pod, PersistentVolumeClaim, Service, StatefulSet } from '../../emulator/kube/api/types.ts';
import { findObject, type KubeReader } from './kube-reader.ts';
import { fail, listWords, pass, plural } from './result.ts';

/** Whether the pod has condition Ready=True (Kubernetes' `podutil.IsPodReady`). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Why a pod is not Ready, in kubectl's words: "Pending", "Running but not Ready", "Terminating". */
export function podState(pod: Pod | undefined): string {
  if (!pod) return 'missing';
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Running' && !isPodReady(pod)) return 'Running but not Ready';
  return phase;
}

/** Names `<set>-0` … `<set>-(n-1)`, honouring `spec.ordinals.start`. */
export function ordinalNames(set: string, replicas: number, start = 0): string[] {
  return Array.from({ length: replicas }, (_, i) => `${set}-${start + i}`);
}

export interface ServiceSpecWanted {
  namespace?: string;
  name: string;
}

/** The Service exists and is headless (`clusterIP: None`), so each pod gets its own DNS record. */
export function serviceIsHeadless(reader: KubeReader, want: ServiceSpecWanted): CheckResult {
  const ns = want.namespace ?? 'default';
  const svc = findObject<Service>(reader, 'Service', ns, want.name);
  if (!svc) return fail(`Service ${want.name} not found in namespace ${ns}`);
  const ip = svc.spec.clusterIP;
  if (ip !== 'None') return fail(`Service ${want.name} has clusterIP ${ip ?? '(unset)'}; a headless Service needs clusterIP: None`);
  return pass(`Service ${want.name} is headless (clusterIP: None)`);
}

export interface StatefulSetWanted {
  namespace?: string;
  name: string;
  /** Replicas the lab asks for. */
  replicas: number;
  /** The governing Service the set must name in `serviceName`. */
  serviceName?: string;
}

/** The StatefulSet exists with `replicas` pods, each created and Ready under its ordinal name. */
export function statefulSetReady(reader: KubeReader, want: StatefulSetWanted): CheckResult {
  const ns = want.namespace ?? 'default';
  const set = findObject<StatefulSet>(reader, 'StatefulSet', ns, want.name);
  if (!set) return fail(`StatefulSet ${want.name} not found in namespace ${ns}`);
  if (want.serviceName !== undefined && set.spec.serviceName !== want.serviceName) {
    return fail(`StatefulSet ${want.name} has serviceName ${JSON.stringify(set.spec.serviceName ?? '')}; it should name the headless Service ${want.serviceName}`);
  }
  const replicas = set.spec.replicas ?? 1;
  if (replicas !== want.replicas) {
    return fail(`StatefulSet ${want.name} asks for ${plural(replicas, 'replica')}; the lab wants ${want.replicas}`);
  }
  const names = ordinalNames(want.name, replicas, set.spec.ordinals?.start ?? 0);
  const pods = new Map(reader.list('Pod', ns).map((p) => [p.metadata.name, p as Pod]));
  const notReady = names.filter((n) => !(pods.get(n) && isPodReady(pods.get(n)!) && !pods.get(n)!.metadata.deletionTimestamp));
  const ready = names.length - notReady.length;
  if (notReady.length > 0) {
    const why = notReady.map((n) => `${n} is ${podState(pods.get(n))}`);
    return fail(`${plural(want.replicas, 'replica')} wanted, ${ready} Ready: ${listWords(why)}`);
  }
  return pass(`${plural(want.replicas, 'replica')} wanted, ${ready} Ready: ${listWords(names)}`);
}

/** Each pod `<set>-N` has hostname `<set>-N` and subdomain `<service>`: its stable DNS name. */
export function stableNetworkIdentity(reader: KubeReader, want: StatefulSetWanted & { serviceName: string }): CheckResult {
  const ns = want.namespace ?? 'default';
  const names = ordinalNames(want.name, want.replicas);
  const problems: string[] = [];
  const dns: string[] = [];
  for (const name of names) {
    const pod = findObject<Pod>(reader, 'Pod', ns, name);
    if (!pod) {
      problems.push(`${name} is missing`);
      continue;
    }
    if (pod.spec.hostname !== name || pod.spec.subdomain !== want.serviceName) {
      problems.push(`${name} has hostname ${pod.spec.hostname ?? '(none)'} and subdomain ${pod.spec.subdomain ?? '(none)'}`);
      continue;
    }
    if (!pod.status?.podIP) {
      problems.push(`${name} has no IP yet`);
      continue;
    }
    dns.push(`${name}.${want.serviceName}.${ns}.svc.cluster.local → ${pod.status.podIP}`);
  }
  if (problems.length > 0) return fail(`pods need stable DNS names under Service ${want.serviceName}: ${listWords(problems)}`);
  return pass(dns.join(', '));
}

export interface ClaimsWanted {
  namespace?: string;
  /** The volumeClaimTemplate's name, e.g. "www". */
  claim: string;
  set: string;
  replicas: number;
}

/** PVCs `<claim>-<set>-N` exist and are Bound, one per ordinal. */
export function claimsBound(reader: KubeReader, want: ClaimsWanted): CheckResult {
  const ns = want.namespace ?? 'default';
  const names = ordinalNames(`${want.claim}-${want.set}`, want.replicas);
  const problems: string[] = [];
  for (const name of names) {
    const pvc = findObject<PersistentVolumeClaim>(reader, 'PersistentVolumeClaim', ns, name);
    if (!pvc) problems.push(`${name} is missing`);
    else if (pvc.status?.phase !== 'Bound') problems.push(`${name} is ${pvc.status?.phase ?? 'Pending'}`);
  }
  if (problems.length > 0) return fail(`${plural(want.replicas, 'claim')} wanted Bound: ${listWords(problems)}`);
  return pass(`${listWords(names)} ${want.replicas === 1 ? 'is' : 'are'} Bound`);
}
