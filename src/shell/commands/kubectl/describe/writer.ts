/**
 * The building blocks of `kubectl describe` (k8s.io/kubectl `pkg/describe/describe.go`): a
 * prefix writer with indentation levels, multi-line labels/annotations/tolerations, the Events
 * table, RFC 1123 timestamps. Output is tab-separated and aligned by Go's tabwriter at the end.
 */
import { humanDuration, since } from '../util/duration.ts';
import type { Json } from '../util/json.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** Collects describe text; `write(level, text)` indents by two spaces per level. */
export class PrefixWriter {
  text = '';
  write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text;
  }
  writeLine(text: string): void {
    this.text += `${text}\n`;
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Sun, 29 Nov 2026 10:00:00 +0000`. */
export function rfc1123z(timestamp: string | undefined | null): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  const d = new Date(Number.isNaN(t) ? 0 : t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultilineWithIndent. */
export function labelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** printAnnotationsMultilineWithIndent (skips last-applied-configuration). */
export function annotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = initialIndent + innerIndent;
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(LEVEL_0, `${k}: ${value}\n`);
  });
}

/** printTolerationsMultilineWithIndent. */
export function tolerationsMultiline(w: PrefixWriter, title: string, tolerations: Json[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** Events about `obj`, oldest first (SortableEvents by last timestamp). */
export function eventsFor(events: readonly Json[], obj: Json): Json[] {
  const uid = obj.metadata?.uid;
  const out = events.filter((e) => {
    const io = e.involvedObject ?? {};
    if (uid && io.uid) return io.uid === uid;
    return io.name === obj.metadata?.name && io.kind === obj.kind && (io.namespace ?? '') === (obj.metadata?.namespace ?? '');
  });
  const time = (e: Json) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
  // Equal timestamps keep the order the server recorded them in (resourceVersion).
  const rv = (e: Json) => Number(e.metadata?.resourceVersion ?? 0);
  return out.map((e, i) => ({ e, i })).sort((a, b) => time(a.e) - time(b.e) || rv(a.e) - rv(b.e) || a.i - b.i).map((x) => x.e);
}

/** DescribeEvents: `Events:  <none>` or the Type/Reason/Age/From/Message table. */
export function describeEvents(w: PrefixWriter, events: readonly Json[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    // kubectl 1.34 prefixes the involved object's field path (`spec.containers{nginx}: …`).
    const fieldPath = e.involvedObject?.fieldPath;
    const message = (fieldPath ? `${fieldPath}: ` : '') + String(e.message ?? '').trim();
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

/** translateTimestampUntil: how long until `timestamp` (for `Terminating (lasts 25s)`). */
export function until(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(Date.parse(timestamp) - now);
}

/** printController: `StatefulSet/web` for the controlling owner, or ''. */
export function controlledBy(obj: Json): string {
  const ref = ((obj.metadata?.ownerReferences ?? []) as Json[]).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Go's %v of a string slice: `[a b]`. */
export function goSlice(values: readonly unknown[] | undefined): string {
  return `[${(values ?? []).map(String).join(' ')}]`;
}
