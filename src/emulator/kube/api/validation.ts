/**
 * Validation with the API server's texts (k8s.io/kubernetes `pkg/apis/core/validation`,
 * `pkg/apis/apps/validation/validation.go` as of 1.34): names, required fields, selector/template
 * mismatches, immutable fields and StatefulSet's forbidden spec updates. Returns field errors; the
 * store turns them into `<Kind> "<name>" is invalid: …`.
 */
import type { FieldError } from './errors.ts';
import { formatBadValue } from './errors.ts';
import { fromLabelSelector, matches } from './selectors.ts';
import type { Deployment, KubeObject, LabelSelector, PersistentVolumeClaim, Pod, PodTemplateSpec, Service, StatefulSet } from './types.ts';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

// Label keys and values (k8s.io/apimachinery pkg/util/validation IsQualifiedName and
// IsValidLabelValue, as metav1 validation.ValidateLabels reports them under metadata.labels).
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** IsQualifiedName: the messages for a bad label key (none for a good one). */
export function qualifiedNameErrors(key: string): string[] {
  const errs: string[] = [];
  const parts = key.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
      if (!DNS1123_SUBDOMAIN.test(prefix)) errs.push(`prefix part ${SUBDOMAIN_MSG}`);
    }
  } else {
    return [`a qualified name ${QUALIFIED_NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_NAME_MSG}`);
  return errs;
}

/** ValidateLabels: each bad key (by its key) and each bad value (by its value), at `field`. */
function validateLabels(labels: Record<string, string> | undefined, field: string, errs: FieldError[]): void {
  if (!labels) return;
  for (const k in labels) {
    const v = labels[k];
    if (!QUALIFIED_NAME.test(k) || k.length > 63) for (const detail of qualifiedNameErrors(k)) errs.push({ type: 'Invalid value', field, value: k, detail });
    if (typeof v !== 'string') continue;
    if (v.length > 63) errs.push({ type: 'Invalid value', field, value: v, detail: 'must be no more than 63 characters' });
    if (!LABEL_VALUE.test(v)) errs.push({ type: 'Invalid value', field, value: v, detail: LABEL_VALUE_MSG });
  }
}

/** Which name rule each kind follows. */
function nameRule(kind: string): 'subdomain' | 'label' | 'dns1035' {
  if (kind === 'Namespace' || kind === 'StatefulSet') return 'label';
  if (kind === 'Service') return 'dns1035';
  return 'subdomain';
}

/** Validates metadata.name (and namespace presence for namespaced kinds). */
export function validateName(kind: string, name: string | undefined): FieldError[] {
  if (!name) return [{ type: 'Required value', field: 'metadata.name', detail: 'name or generateName is required' }];
  const rule = nameRule(kind);
  if (rule === 'subdomain' && (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))) {
    return [{ type: 'Invalid value', field: 'metadata.name', value: name, detail: SUBDOMAIN_MSG }];
  }
  if (rule === 'label' && (name.length > 63 || !DNS1123_LABEL.test(name))) {
    return [{ type: 'Invalid value', field: 'metadata.name', value: name, detail: LABEL_MSG }];
  }
  if (rule === 'dns1035' && (name.length > 63 || !DNS1035_LABEL.test(name))) {
    return [{ type: 'Invalid value', field: 'metadata.name', value: name, detail: DNS1035_MSG }];
  }
  return [];
}

function validatePodSpecAt(spec: Pod['spec'] | undefined, path: string, extraVolumes: string[] = []): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec || !Array.isArray(spec.containers) || spec.containers.length === 0) {
    errs.push({ type: 'Required value', field: `${path}.containers` });
    return errs;
  }
  const names = new Set<string>();
  spec.containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    if (!c.name) errs.push({ type: 'Required value', field: `${p}.name` });
    else if (names.has(c.name)) errs.push({ type: 'Duplicate value', field: `${p}.name`, value: c.name });
    else if (!DNS1123_LABEL.test(c.name)) errs.push({ type: 'Invalid value', field: `${p}.name`, value: c.name, detail: LABEL_MSG });
    if (c.name) names.add(c.name);
    if (!c.image) errs.push({ type: 'Required value', field: `${p}.image` });
    for (const [j, m] of (c.volumeMounts ?? []).entries()) {
      if (!(spec.volumes ?? []).some((v) => v.name === m.name) && !extraVolumes.includes(m.name)) {
        errs.push({ type: 'Not found', field: `${p}.volumeMounts[${j}].name`, value: m.name });
      }
    }
  });
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errs.push({ type: 'Unsupported value', field: `${path}.restartPolicy`, value: spec.restartPolicy, detail: 'supported values: "Always", "OnFailure", "Never"' });
  }
  return errs;
}

function validateTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, errs: FieldError[], extraVolumes: string[] = []): void {
  if (!template) {
    errs.push({ type: 'Required value', field: 'spec.template' });
    return;
  }
  const labels = template.metadata?.labels ?? {};
  if (selector && Object.keys(selector).length > 0 && !matches(fromLabelSelector(selector), labels)) {
    errs.push({ type: 'Invalid value', field: 'spec.template.metadata.labels', value: labels, detail: '`selector` does not match template `labels`' });
  }
  errs.push(...validatePodSpecAt(template.spec, 'spec.template.spec', extraVolumes));
}

function validateSelector(selector: LabelSelector | undefined, errs: FieldError[], kindWord: string): void {
  if (!selector) {
    errs.push({ type: 'Required value', field: 'spec.selector' });
    return;
  }
  const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
  if (empty) errs.push({ type: 'Invalid value', field: 'spec.selector', value: goSelector(selector), detail: `empty selector is invalid for ${kindWord}` });
}

/** Go's `%#v` of a metav1.LabelSelector, as immutable-selector errors print it. */
export function goSelector(sel: LabelSelector): string {
  const ml = sel.matchLabels ? formatBadValue(sel.matchLabels) : 'map[string]string(nil)';
  const me = sel.matchExpressions?.length ? `[]v1.LabelSelectorRequirement{...}` : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

function nonNegative(value: unknown, field: string, errs: FieldError[]): void {
  if (typeof value === 'number' && value < 0) errs.push({ type: 'Invalid value', field, value, detail: 'must be greater than or equal to 0' });
}

/** Kind-specific validation of a new object. */
export function validateCreate(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  validateLabels(obj.metadata?.labels, 'metadata.labels', errs);
  const template = (obj.spec as { template?: PodTemplateSpec } | undefined)?.template;
  if (obj.kind === 'StatefulSet' || obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') validateLabels(template?.metadata?.labels, 'spec.template.metadata.labels', errs);
  switch (obj.kind) {
    case 'Pod':
      errs.push(...validatePodSpecAt((obj as Pod).spec, 'spec'));
      break;
    case 'StatefulSet': {
      const s = (obj as StatefulSet).spec ?? ({} as StatefulSet['spec']);
      nonNegative(s.replicas, 'spec.replicas', errs);
      validateSelector(s.selector, errs, 'statefulset');
      if (s.podManagementPolicy && !['OrderedReady', 'Parallel'].includes(s.podManagementPolicy)) {
        errs.push({ type: 'Unsupported value', field: 'spec.podManagementPolicy', value: s.podManagementPolicy, detail: 'supported values: "OrderedReady", "Parallel"' });
      }
      const t = s.updateStrategy?.type;
      if (t && t !== 'RollingUpdate' && t !== 'OnDelete') {
        errs.push({ type: 'Unsupported value', field: 'spec.updateStrategy.type', value: t, detail: 'supported values: "OnDelete", "RollingUpdate"' });
      }
      nonNegative(s.updateStrategy?.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition', errs);
      nonNegative(s.ordinals?.start, 'spec.ordinals.start', errs);
      validateTemplate(s.selector, s.template, errs, (s.volumeClaimTemplates ?? []).map((t) => String(t.metadata?.name)));
      const rp = s.template?.spec?.restartPolicy;
      if (rp && rp !== 'Always') errs.push({ type: 'Unsupported value', field: 'spec.template.spec.restartPolicy', value: rp, detail: 'supported values: "Always"' });
      break;
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const s = (obj as Deployment).spec ?? ({} as Deployment['spec']);
      nonNegative(s.replicas, 'spec.replicas', errs);
      validateSelector(s.selector, errs, obj.kind === 'Deployment' ? 'deployment' : 'replicaset');
      validateTemplate(s.selector, s.template, errs);
      break;
    }
    case 'Service': {
      const s = (obj as Service).spec ?? {};
      if ((s.type ?? 'ClusterIP') !== 'ExternalName' && s.clusterIP !== 'None' && !(s.ports && s.ports.length > 0)) {
        errs.push({ type: 'Required value', field: 'spec.ports' });
      }
      (s.ports ?? []).forEach((p, i) => {
        if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) {
          errs.push({ type: 'Invalid value', field: `spec.ports[${i}].port`, value: p.port ?? 0, detail: 'must be between 1 and 65535, inclusive' });
        }
        if ((s.ports?.length ?? 0) > 1 && !p.name) errs.push({ type: 'Required value', field: `spec.ports[${i}].name` });
      });
      break;
    }
    case 'PersistentVolumeClaim': {
      const s = (obj as PersistentVolumeClaim).spec ?? {};
      if (!s.accessModes || s.accessModes.length === 0) errs.push({ type: 'Required value', field: 'spec.accessModes', detail: 'at least 1 access mode is required' });
      if (!s.resources?.requests?.storage) errs.push({ type: 'Required value', field: 'spec.resources[storage]' });
      break;
    }
  }
  return errs;
}

/** The StatefulSet spec fields an update may change (1.34). */
const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export const STATEFULSET_FORBIDDEN_UPDATE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Validation of an update: the create rules on the new object plus what may not change. */
export function validateUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
  const errs = validateCreate(next);
  switch (next.kind) {
    case 'StatefulSet': {
      const a = { ...((next.spec ?? {}) as Record<string, unknown>) };
      const b = { ...((prev.spec ?? {}) as Record<string, unknown>) };
      for (const k of STS_MUTABLE) {
        delete a[k];
        delete b[k];
      }
      if (!same(a, b)) errs.push({ type: 'Forbidden', field: 'spec', detail: STATEFULSET_FORBIDDEN_UPDATE });
      break;
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const a = (next as Deployment).spec?.selector;
      const b = (prev as Deployment).spec?.selector;
      if (a && !same(a, b)) errs.push({ type: 'Invalid value', field: 'spec.selector', value: goSelector(a), detail: 'field is immutable' });
      break;
    }
    case 'Pod': {
      const strip = (p: KubeObject) => {
        const s = JSON.parse(JSON.stringify(p.spec ?? {})) as Pod['spec'];
        for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) delete c.image;
        delete s.activeDeadlineSeconds;
        delete s.tolerations;
        delete s.terminationGracePeriodSeconds;
        delete s.nodeName;
        return s;
      };
      if (!same(strip(next), strip(prev))) {
        errs.push({
          type: 'Forbidden',
          field: 'spec',
          detail:
            'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        });
      }
      break;
    }
    case 'Service': {
      const a = (next as Service).spec?.clusterIP;
      const b = (prev as Service).spec?.clusterIP;
      if (a !== undefined && a !== b) errs.push({ type: 'Invalid value', field: 'spec.clusterIPs[0]', value: [a], detail: 'may not change once set' });
      break;
    }
    case 'PersistentVolumeClaim': {
      const a = { ...((next.spec ?? {}) as Record<string, unknown>), resources: undefined, volumeAttributesClassName: undefined };
      const b = { ...((prev.spec ?? {}) as Record<string, unknown>), resources: undefined, volumeAttributesClassName: undefined };
      if (!same(a, b)) {
        errs.push({ type: 'Forbidden', field: 'spec', detail: 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims' });
      }
      break;
    }
  }
  return errs;
}
