/**
 * Defaulting and admission, as the API server applies them before storing: the SetDefaults_*
 * functions of k8s.io/kubernetes `pkg/apis/<group>/v1/defaults.go` plus the admission plugins every
 * cluster runs (ServiceAccount, DefaultTolerationSeconds, DefaultStorageClass, pvc-protection).
 * They change the object in place; callers pass a fresh copy.
 */
import type { Rng } from '../../rng.ts';
import type { Container, Deployment, KubeObject, PersistentVolumeClaim, PodSpec, ReplicaSet, Service, StatefulSet } from './types.ts';

function defaultContainer(c: Container): void {
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (c.imagePullPolicy === undefined) {
    const image = c.image ?? '';
    const tag = image.includes('@') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
    c.imagePullPolicy = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
    if (!probe) continue;
    probe.timeoutSeconds ??= 1;
    probe.periodSeconds ??= 10;
    probe.successThreshold ??= 1;
    probe.failureThreshold ??= 3;
    if (probe.httpGet) probe.httpGet.scheme ??= 'HTTP';
    if (probe.httpGet) probe.httpGet.path ??= '/';
  }
}

/** SetDefaults_PodSpec and friends. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    if (v.configMap) (v.configMap as Record<string, unknown>).defaultMode ??= 420;
    if (v.secret) (v.secret as Record<string, unknown>).defaultMode ??= 420;
  }
}

/** Admission for a new Pod: service account token volume and the not-ready/unreachable tolerations. */
export function admitPod(spec: PodSpec, rng: Rng): void {
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const volName = `kube-api-access-${rng.string(5, 'bcdfghjklmnpqrstvwxz2456789')}`;
  if (spec.automountServiceAccountToken !== false && !(spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'))) {
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name: volName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ];
    for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
      c.volumeMounts = [...(c.volumeMounts ?? []), { name: volName, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }];
    }
  }
  const tol = spec.tolerations ?? [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tol.some((t) => t.key === key)) tol.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tol;
}

/** Applies kind defaults (and admission) to a new object in place. */
export function applyDefaults(obj: KubeObject, rng: Rng, defaultStorageClass: string | undefined): void {
  switch (obj.kind) {
    case 'Pod': {
      const spec = obj.spec as PodSpec;
      if (!spec) return;
      defaultPodSpec(spec);
      admitPod(spec, rng);
      obj.status ??= { phase: 'Pending', qosClass: 'BestEffort' };
      break;
    }
    case 'StatefulSet': {
      const s = (obj as StatefulSet).spec;
      if (!s) return;
      s.replicas ??= 1;
      s.podManagementPolicy ??= 'OrderedReady';
      s.updateStrategy ??= { type: 'RollingUpdate' };
      s.updateStrategy.type ??= 'RollingUpdate';
      if (s.updateStrategy.type === 'RollingUpdate') {
        s.updateStrategy.rollingUpdate ??= {};
        s.updateStrategy.rollingUpdate.partition ??= 0;
      }
      s.revisionHistoryLimit ??= 10;
      s.persistentVolumeClaimRetentionPolicy ??= {};
      s.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
      s.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
      s.minReadySeconds ??= 0;
      if (s.template?.spec) defaultPodSpec(s.template.spec);
      s.template.metadata ??= {};
      for (const t of s.volumeClaimTemplates ?? []) {
        t.apiVersion ??= 'v1';
        t.kind ??= 'PersistentVolumeClaim';
        t.spec.volumeMode ??= 'Filesystem';
        t.status ??= { phase: 'Pending' };
      }
      obj.status ??= { replicas: 0, availableReplicas: 0 };
      break;
    }
    case 'Deployment': {
      const s = (obj as Deployment).spec;
      if (!s) return;
      s.replicas ??= 1;
      s.strategy ??= { type: 'RollingUpdate' };
      s.strategy.type ??= 'RollingUpdate';
      if (s.strategy.type === 'RollingUpdate') {
        s.strategy.rollingUpdate ??= {};
        s.strategy.rollingUpdate.maxUnavailable ??= '25%';
        s.strategy.rollingUpdate.maxSurge ??= '25%';
      }
      s.revisionHistoryLimit ??= 10;
      s.progressDeadlineSeconds ??= 600;
      if (s.template?.spec) defaultPodSpec(s.template.spec);
      obj.status ??= {};
      break;
    }
    case 'ReplicaSet': {
      const s = (obj as ReplicaSet).spec;
      if (!s) return;
      s.replicas ??= 1;
      if (s.template?.spec) defaultPodSpec(s.template.spec);
      obj.status ??= { replicas: 0 };
      break;
    }
    case 'Service': {
      const s = (obj as Service).spec;
      if (!s) return;
      s.type ??= 'ClusterIP';
      s.sessionAffinity ??= 'None';
      s.internalTrafficPolicy ??= 'Cluster';
      s.ipFamilies ??= ['IPv4'];
      s.ipFamilyPolicy ??= 'SingleStack';
      for (const p of s.ports ?? []) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
      obj.status ??= { loadBalancer: {} };
      break;
    }
    case 'PersistentVolumeClaim': {
      const s = (obj as PersistentVolumeClaim).spec;
      if (!s) return;
      s.volumeMode ??= 'Filesystem';
      if (s.storageClassName === undefined && defaultStorageClass) s.storageClassName = defaultStorageClass;
      obj.metadata.finalizers ??= [];
      if (!obj.metadata.finalizers.includes('kubernetes.io/pvc-protection')) obj.metadata.finalizers.push('kubernetes.io/pvc-protection');
      obj.status ??= { phase: 'Pending' };
      break;
    }
    case 'PersistentVolume': {
      obj.metadata.finalizers ??= [];
      if (!obj.metadata.finalizers.includes('kubernetes.io/pv-protection')) obj.metadata.finalizers.push('kubernetes.io/pv-protection');
      const s = obj.spec as Record<string, unknown>;
      s.persistentVolumeReclaimPolicy ??= 'Retain';
      s.volumeMode ??= 'Filesystem';
      obj.status ??= { phase: 'Pending' };
      break;
    }
    case 'Secret':
      obj.type ??= 'Opaque';
      if (obj.stringData) {
        const data = { ...((obj.data as Record<string, string>) ?? {}) };
        for (const [k, v] of Object.entries(obj.stringData as Record<string, string>)) data[k] = base64(v);
        obj.data = data;
        delete obj.stringData;
      }
      break;
    case 'Namespace':
      obj.spec ??= { finalizers: ['kubernetes'] };
      obj.status ??= { phase: 'Active' };
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': String(obj.metadata.name) };
      break;
    case 'StorageClass':
      obj.reclaimPolicy ??= 'Delete';
      obj.volumeBindingMode ??= 'Immediate';
      break;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a UTF-8 string, without relying on DOM `btoa` or node Buffer. */
export function base64(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}
