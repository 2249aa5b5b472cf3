/**
 * The table columns kubectl shows for each kind, with the cell values of one object, as the
 * server-side printers in kubernetes `pkg/printers/internalversion/printers.go` (1.34) define
 * them. Priority-1 columns appear only with `-o wide`.
 */
import type { Json } from '../util/json.ts';

export interface Column {
  /** Header as kubectl prints it (upper case). */
  readonly header: string;
  /** 0 = always shown, 1 = only with `-o wide`. */
  readonly priority: 0 | 1;
}

/** What a printer needs besides the object. */
export interface RowContext {
  /** Virtual now, ms since the epoch (for AGE). */
  readonly now: number;
}

export interface KindPrinter {
  readonly columns: readonly Column[];
  /** All cells of the row (priority 0 and 1, in column order). */
  row(obj: Json, ctx: RowContext): string[];
}

/** Column list helper: names, with `*` marking priority-1 (wide) columns. */
export function cols(...names: string[]): Column[] {
  return names.map((n) => (n.startsWith('*') ? { header: n.slice(1), priority: 1 } : { header: n, priority: 0 }));
}

/** labels.FormatLabels: `a=b,c=d` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key; `<none>` for an
 * empty selector (printers use `<none>` when the string is empty).
 */
export function formatSelector(selector: Json): string {
  if (!selector) return '<none>';
  const parts: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries((selector.matchLabels ?? {}) as Record<string, string>)) {
    parts.push({ key: k, text: `${k}=${v}` });
  }
  for (const e of (selector.matchExpressions ?? []) as Json[]) {
    const values = [...((e.values ?? []) as string[])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  if (parts.length === 0) return '<none>';
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parts.map((p) => p.text).join(',');
}

/** Container names and images of a pod template, comma-joined (the wide CONTAINERS/IMAGES cells). */
export function containersAndImages(podSpec: Json): [string, string] {
  const containers = (podSpec?.containers ?? []) as Json[];
  return [containers.map((c) => c.name ?? '').join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that fixed order. */
export function accessModes(modes: readonly string[] | undefined): string {
  const m = modes ?? [];
  const out: string[] = [];
  if (m.includes('ReadWriteOnce')) out.push('RWO');
  if (m.includes('ReadOnlyMany')) out.push('ROX');
  if (m.includes('ReadWriteMany')) out.push('RWX');
  if (m.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}
