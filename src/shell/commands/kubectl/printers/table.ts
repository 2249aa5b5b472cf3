/**
 * Builds kubectl's human-readable tables (`kubectl get`, `-o wide`, `-A`, `--show-labels`,
 * `-L`, several kinds at once) from API objects, as cli-runtime's table printer decorates the
 * server's Table: NAMESPACE first with `-A`, `kind/name` names when several kinds are printed,
 * label columns after the kind's columns, LABELS last.
 */
import type { Json } from '../util/json.ts';
import { formatLabels, type RowContext } from './columns.ts';
import { printerFor } from './kinds.ts';

export interface TableOptions {
  /** `-o wide`: add priority-1 columns. */
  wide?: boolean;
  /** `-A`: a NAMESPACE column first. */
  withNamespace?: boolean;
  /** Several kinds requested: names print as `pod/web-0`, `statefulset.apps/web`. */
  withKind?: boolean;
  /** `--show-labels`. */
  showLabels?: boolean;
  /** `-L key,...`. */
  labelColumns?: readonly string[];
  /** `--no-headers`. */
  noHeaders?: boolean;
}

/** `pod`, `statefulset.apps`: the lower-case GroupKind kubectl prefixes names with. */
export function kindPrefix(kind: string, apiVersion: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** formatLabelHeaders: `-L app.kubernetes.io/name` → `NAME`. */
function labelHeader(label: string): string {
  const parts = label.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** The header line's cells for `kind`, or undefined with `--no-headers`. */
export function headerCells(kind: string, options: TableOptions): string[] {
  const printer = printerFor(kind);
  const cells = printer.columns.filter((c) => c.priority === 0 || options.wide).map((c) => c.header);
  if (options.withNamespace) cells.unshift('NAMESPACE');
  for (const l of options.labelColumns ?? []) cells.push(labelHeader(l));
  if (options.showLabels) cells.push('LABELS');
  return cells;
}

/** One object's cells, decorated like kubectl decorates server-side rows. */
export function rowCells(obj: Json, ctx: RowContext, options: TableOptions): string[] {
  const printer = printerFor(obj.kind);
  const all = printer.row(obj, ctx);
  let cells = all;
  if (!options.wide) {
    const cols = printer.columns;
    const n = cols.findIndex((c) => c.priority !== 0);
    // Usually the wide columns come last (a cheap slice); Event interleaves them.
    if (n >= 0) cells = cols.slice(n).every((c) => c.priority !== 0) ? all.slice(0, n) : all.filter((_, i) => cols[i].priority === 0);
  }
  if (options.withKind) cells[0] = `${kindPrefix(obj.kind, obj.apiVersion ?? '')}/${cells[0]}`;
  if (options.withNamespace) cells.unshift(obj.metadata?.namespace ?? '');
  const labels = (obj.metadata?.labels ?? {}) as Record<string, string>;
  for (const l of options.labelColumns ?? []) cells.push(labels[l] ?? '');
  if (options.showLabels) cells.push(formatLabels(labels));
  return cells;
}

/** Header plus one row per object (no header for an empty list, as kubectl). */
export function tableLines(kind: string, objects: readonly Json[], ctx: RowContext, options: TableOptions): string[][] {
  if (objects.length === 0) return [];
  const lines = options.noHeaders ? [] : [headerCells(kind, options)];
  for (const o of objects) lines.push(rowCells(o, ctx, options));
  return lines;
}
