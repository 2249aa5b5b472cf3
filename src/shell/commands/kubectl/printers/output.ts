/**
 * `-o` formats: parsing the flag the way kubectl's PrintFlags does and printing objects as
 * name, yaml, json, jsonpath or custom-columns. Human tables live in table.ts.
 */
import type { Json } from '../util/json.ts';
import { JsonPath, JsonPathError, relaxed } from './jsonpath.ts';
import { kindPrefix } from './table.ts';
import { alignColumns } from './tabwriter.ts';
import { asList, toGoJson, toYaml } from './yaml-out.ts';

export type OutputFormat =
  | { type: 'table'; wide: boolean }
  | { type: 'name' }
  | { type: 'yaml' }
  | { type: 'json' }
  | { type: 'jsonpath'; path: JsonPath }
  | { type: 'custom-columns'; columns: { header: string; path: JsonPath }[] };

/** kubectl's list of formats, in its error message order. */
export const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** A bad `-o` value; the message is what kubectl prints after `error: `. */
export class OutputFormatError extends Error {
  readonly code = 'OUTPUT_FORMAT';
}

/** Parses `-o` (undefined or '' = the default table). Throws OutputFormatError. */
export function parseOutput(value: string | undefined): OutputFormat {
  if (!value) return { type: 'table', wide: false };
  if (value === 'wide') return { type: 'table', wide: true };
  if (value === 'name' || value === 'yaml' || value === 'json') return { type: value };
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? '' : value.slice(eq + 1);
  try {
    if (name === 'jsonpath') {
      if (arg === '') throw new OutputFormatError('template format specified but no template given');
      return { type: 'jsonpath', path: new JsonPath(arg) };
    }
    if (name === 'custom-columns') {
      if (arg === '') throw new OutputFormatError('custom-columns format specified but no custom columns given');
      const columns = arg.split(',').map((spec) => {
        const colon = spec.indexOf(':');
        if (colon < 0) throw new OutputFormatError(`unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`);
        return { header: spec.slice(0, colon), path: new JsonPath(relaxed(spec.slice(colon + 1))) };
      });
      return { type: 'custom-columns', columns };
    }
  } catch (e) {
    if (e instanceof JsonPathError) throw new OutputFormatError(`error parsing jsonpath ${arg}, ${e.message}`);
    throw e;
  }
  if (['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath-file', 'jsonpath-as-json', 'custom-columns-file'].includes(name)) {
    throw new OutputFormatError(`petlab: output format ${name} is not available in this lab`);
  }
  throw new OutputFormatError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED_FORMATS}`);
}

/** `pod/web-0`, `statefulset.apps/web`. */
export function resourceName(obj: Json): string {
  return `${kindPrefix(obj.kind ?? '', obj.apiVersion ?? '')}/${obj.metadata?.name ?? ''}`;
}

/** fmt.Sprintf("%v") of unstructured data, as custom-columns prints non-string cells. */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goFormat(o[k])}`).join(' ')}]`;
  }
  return String(value);
}

/** custom-columns rows (header unless `noHeaders`); `<none>` for a column without value. */
export function customColumnLines(columns: { header: string; path: JsonPath }[], items: readonly Json[], noHeaders: boolean): string[][] {
  const lines: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
  for (const item of items) {
    lines.push(
      columns.map((c) => {
        const values = c.path.values(item);
        return values.length === 0 ? '<none>' : values.map(goFormat).join(',');
      }),
    );
  }
  return lines;
}

/**
 * Prints `objects` in a non-table format. `single` is true when the user named exactly one
 * object (kubectl then prints it bare instead of in a List).
 */
export function printObjects(format: Exclude<OutputFormat, { type: 'table' }>, objects: readonly Json[], single: boolean, noHeaders = false): string {
  const data = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.type) {
    case 'name':
      return objects.map((o) => `${resourceName(o)}\n`).join('');
    case 'yaml':
      return toYaml(data);
    case 'json':
      return `${toGoJson(data)}\n`;
    case 'jsonpath':
      return format.path.execute(data);
    case 'custom-columns':
      return alignColumns(customColumnLines(format.columns, objects, noHeaders));
  }
}
