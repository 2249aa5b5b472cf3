/**
 * Label and field selectors: the string syntax of `kubectl get -l` / `--field-selector`
 * (`a=b,c!=d,e in (x,y),f notin (z),g,!h`) and the `LabelSelector` objects of workload specs,
 * following k8s.io/apimachinery `pkg/labels/selector.go` and `pkg/fields/selector.go`.
 */
import type { KubeObject, LabelSelector } from './types.ts';
import { badRequest } from './errors.ts';

export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'exists' | '!' };

/** A parsed label selector: all requirements must hold. An empty selector matches everything. */
export interface Selector {
  readonly requirements: readonly Requirement[];
  /** A selector built from a LabelSelector with no terms at all matches nothing when `nothing`. */
  readonly nothing?: boolean;
}

export const EVERYTHING: Selector = { requirements: [] };
export const NOTHING: Selector = { requirements: [], nothing: true };

/** Whether `labels` satisfy `selector`. */
export function matches(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (selector.nothing) return false;
  const l = labels ?? {};
  for (const r of selector.requirements) {
    const has = Object.hasOwn(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
        if (!has || v !== r.value) return false;
        break;
      case '!=':
        if (has && v === r.value) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
}

/**
 * Parses the string form. Throws an ApiError (BadRequest) with the apimachinery parser text,
 * e.g. `unable to parse requirement: found '', expected: identifier`.
 */
export function parseLabelSelector(text: string): Selector {
  const s = text.trim();
  if (s === '') return EVERYTHING;
  const requirements: Requirement[] = [];
  for (const part of splitTopLevel(s)) {
    const p = part.trim();
    if (p === '') throw badRequest(`unable to parse requirement: found '', expected: identifier`);
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^!\s*([^\s!=(),]+)$/))) requirements.push({ key: m[1], op: '!' });
    else if ((m = p.match(/^([^\s!=(),]+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const values = m[3].split(',').map((v) => v.trim()).filter((v) => v !== '');
      requirements.push({ key: m[1], op: m[2] as 'in' | 'notin', values });
    } else if ((m = p.match(/^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/))) {
      requirements.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] });
    } else if ((m = p.match(/^([^\s!=(),]+)$/))) requirements.push({ key: m[1], op: 'exists' });
    else throw badRequest(`unable to parse requirement: ${JSON.stringify(p)}`);
  }
  return { requirements };
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Converts a workload's `LabelSelector` (metav1.LabelSelectorAsSelector): matchLabels become `=`,
 * matchExpressions their operators; an empty object matches everything, undefined nothing.
 */
export function fromLabelSelector(sel: LabelSelector | undefined | null): Selector {
  if (!sel) return NOTHING;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) requirements.push({ key, op: '=', value });
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') requirements.push({ key: e.key, op: 'in', values: e.values ?? [] });
    else if (e.operator === 'NotIn') requirements.push({ key: e.key, op: 'notin', values: e.values ?? [] });
    else if (e.operator === 'Exists') requirements.push({ key: e.key, op: 'exists' });
    else requirements.push({ key: e.key, op: '!' });
  }
  return { requirements };
}

/** `app=nginx,tier in (web)`: the string form, as `kubectl describe` prints a Selector. */
export function selectorString(sel: Selector): string {
  if (sel.nothing) return '<none>';
  return sel.requirements
    .map((r) => {
      if (r.op === '=' || r.op === '!=') return `${r.key}${r.op}${r.value}`;
      if (r.op === 'in' || r.op === 'notin') return `${r.key} ${r.op} (${r.values.join(',')})`;
      return r.op === '!' ? `!${r.key}` : r.key;
    })
    .join(',');
}

// ---- field selectors ----

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Fields each kind can be selected on (the API server's field label conversion funcs). */
const FIELDS: Record<string, readonly string[]> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: [
    'metadata.name',
    'metadata.namespace',
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['metadata.name', 'status.phase'],
  Secret: ['metadata.name', 'metadata.namespace', 'type'],
  PersistentVolumeClaim: ['metadata.name', 'metadata.namespace'],
  StatefulSet: ['metadata.name', 'metadata.namespace', 'status.successful'],
  ReplicaSet: ['metadata.name', 'metadata.namespace', 'status.replicas'],
};

/**
 * Parses `metadata.name=web-0,status.phase!=Running` for objects of `kind`. Throws BadRequest
 * naming the unsupported field like the API server (`field label not supported: foo`).
 */
export function parseFieldSelector(text: string, kind: string, plural: string, apiVersion: string, labelSelectorText = ''): FieldRequirement[] {
  const s = text.trim();
  if (s === '') return [];
  const allowed = FIELDS[kind] ?? ['metadata.name', 'metadata.namespace'];
  const out: FieldRequirement[] = [];
  for (const part of s.split(',')) {
    const m = part.trim().match(/^([^=!]+?)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw badRequest(`invalid selector: '${s}'; can't understand '${part.trim()}'`);
    const field = m[1].trim();
    if (!allowed.includes(field)) {
      const [g, v] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      throw badRequest(
        `Unable to find "${g}/${v}, Resource=${plural}" that match label selector "${labelSelectorText}", field selector "${s}": field label not supported: ${field}`,
      );
    }
    out.push({ field, op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() });
  }
  return out;
}

/** Whether `obj` satisfies all field requirements (missing fields compare as ''). */
export function matchesFields(reqs: readonly FieldRequirement[], obj: KubeObject): boolean {
  for (const r of reqs) {
    const actual = fieldValue(obj, r.field);
    if ((actual === r.value) !== (r.op === '=')) return false;
  }
  return true;
}

function fieldValue(obj: KubeObject, path: string): string {
  if (path === 'source' && obj.kind === 'Event') {
    return String((obj.source as { component?: string } | undefined)?.component ?? '');
  }
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[k];
  }
  if (cur === undefined || cur === null) return path === 'spec.unschedulable' ? 'false' : '';
  return String(cur);
}
