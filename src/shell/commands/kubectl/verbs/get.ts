/**
 * `kubectl get`: tables per kind, several kinds at once, names, selectors, `-A`, `-o …`,
 * `--show-labels`, `-L`, `--sort-by`, `--no-headers`, `--ignore-not-found`, and `-w` streaming a
 * row per change until Ctrl-C (kubectl `pkg/cmd/get/get.go`).
 */
import type { KubeObject, ResourceInfo } from '../../../../emulator/kube/api/index.ts';
import type { KubectlEnv } from '../env.ts';
import { errorText, fail, KubectlExit } from '../errors.ts';
import { JsonPath, relaxed } from '../printers/jsonpath.ts';
import { parseOutput, printObjects, type OutputFormat } from '../printers/output.ts';
import { rowCells, tableLines, type TableOptions } from '../printers/table.ts';
import { TabWriter } from '../printers/tabwriter.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { parseResourceArgs, type ResourceRequest } from '../util/resource-args.ts';
import { readManifests } from './manifests.ts';

export const GET_FLAGS: FlagSpecs = {
  output: { type: 'string', short: 'o' },
  selector: { type: 'string', short: 'l' },
  'field-selector': { type: 'string' },
  'all-namespaces': { type: 'bool', short: 'A' },
  watch: { type: 'bool', short: 'w' },
  'watch-only': { type: 'bool' },
  'show-labels': { type: 'bool' },
  'label-columns': { type: 'strings', short: 'L' },
  'sort-by': { type: 'string' },
  'no-headers': { type: 'bool' },
  'ignore-not-found': { type: 'bool' },
  'show-kind': { type: 'bool' },
  filename: { type: 'strings', short: 'f' },
  recursive: { type: 'bool', short: 'R' },
  'chunk-size': { type: 'int' },
  'output-watch-events': { type: 'bool' },
  'show-managed-fields': { type: 'bool' },
  'allow-missing-template-keys': { type: 'bool', default: true },
  subresource: { type: 'string' },
  raw: { type: 'string' },
};

const MUST_SPECIFY =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples\n";

/** One fetched object with the resource it came from. */
interface Found {
  info: ResourceInfo;
  obj: KubeObject;
}

/** Removes managedFields as kubectl does unless --show-managed-fields. */
function forOutput(obj: KubeObject, showManaged: boolean): Json {
  if (showManaged || !obj.metadata.managedFields) return obj;
  const { managedFields: _drop, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}

function sortObjects(found: Found[], sortBy: string): Found[] {
  const path = new JsonPath(relaxed(sortBy));
  const keyed = found.map((f, i) => ({ f, i, v: path.values(f.obj)[0] }));
  keyed.sort((a, b) => {
    const x = a.v;
    const y = b.v;
    if (x === undefined && y === undefined) return a.i - b.i;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y || a.i - b.i;
    const sx = typeof x === 'object' ? JSON.stringify(x) : String(x);
    const sy = typeof y === 'object' ? JSON.stringify(y) : String(y);
    return sx < sy ? -1 : sx > sy ? 1 : a.i - b.i;
  });
  return keyed.map((k) => k.f);
}

/** Runs `kubectl get`. */
export async function get(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const format = parseOutput(f.str('output'));
  const allNs = f.bool('all-namespaces');
  const files = f.list('filename');
  let requests: ResourceRequest[] = [];
  const found: Found[] = [];
  const errors: string[] = [];
  if (files.length > 0) {
    if (f.args.length > 0) throw fail('when paths, URLs, or stdin is provided as input, you may not specify a resource by argument as well');
    for (const m of await readManifests(env, files, f.bool('recursive'))) {
      const info = env.store.resource(m.info);
      const ns = info.namespaced ? m.obj.metadata?.namespace || env.namespace : undefined;
      try {
        found.push({ info, obj: env.store.get(info, ns, m.obj.metadata?.name ?? '') });
      } catch (e) {
        errors.push(errorText(e));
      }
    }
  } else {
    requests = parseResourceArgs(f.args);
    if (requests.length === 0) throw new KubectlExit(MUST_SPECIFY);
  }
  if (f.bool('watch') || f.bool('watch-only')) return watch(env, requests, format);

  const listOpts = {
    namespace: allNs ? undefined : env.namespace,
    labelSelector: f.str('selector'),
    fieldSelector: f.str('field-selector'),
  };
  for (const req of requests) {
    const ns = req.info.namespaced ? env.namespace : undefined;
    if (req.names) {
      for (const name of req.names) {
        const obj = env.store.tryGet(req.info, ns, name);
        if (obj) found.push({ info: req.info, obj });
        else if (!f.bool('ignore-not-found')) {
          const what = req.info.group ? `${req.info.plural}.${req.info.group}` : req.info.plural;
          errors.push(`Error from server (NotFound): ${what} "${name}" not found\n`);
        }
      }
    } else {
      for (const obj of env.store.list(req.info, listOpts).items) found.push({ info: req.info, obj });
    }
  }
  const sorted = f.str('sort-by') ? sortObjects(found, f.str('sort-by')!) : found;
  const showManaged = f.bool('show-managed-fields');
  if (format.type !== 'table') {
    const single = requests.length === 1 && requests[0].names?.length === 1 && files.length === 0;
    const singleFile = files.length > 0 && sorted.length === 1;
    env.out(printObjects(format, sorted.map((x) => forOutput(x.obj, showManaged)), single || singleFile, f.bool('no-headers')));
  } else {
    const kinds = new Set(sorted.map((x) => x.info.kind));
    const options: TableOptions = {
      wide: format.wide,
      withNamespace: allNs,
      withKind: kinds.size > 1 || f.bool('show-kind'),
      showLabels: f.bool('show-labels'),
      labelColumns: f.list('label-columns', true),
      noHeaders: f.bool('no-headers'),
    };
    const writer = new TabWriter();
    let written = false;
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (j < sorted.length && sorted[j].info === sorted[i].info) j++;
      const group = sorted.slice(i, j).map((x) => x.obj);
      if (written && !options.noHeaders) env.out('\n');
      writer.reset();
      env.out(writer.render(tableLines(sorted[i].info.kind, group, { now: env.now() }, options)));
      written = true;
      i = j;
    }
    if (!written && errors.length === 0 && !f.bool('ignore-not-found')) {
      const namespaced = !allNs && requests.every((r) => r.info.namespaced);
      env.err(namespaced ? `No resources found in ${env.namespace} namespace.\n` : 'No resources found\n');
    }
  }
  for (const e of errors) env.err(e);
  return errors.length > 0 ? 1 : 0;
}

async function watch(env: KubectlEnv, requests: ResourceRequest[], format: OutputFormat): Promise<number> {
  const f = env.flags;
  if (requests.length !== 1) {
    throw fail(`watch is only supported on individual resources and resource collections, but ${requests.length} resources were found`);
  }
  const req = requests[0];
  const allNs = f.bool('all-namespaces');
  const names = req.names ?? [];
  if (names.length > 1) {
    throw fail(`watch is only supported on individual resources and resource collections, but ${names.length} resources were found`);
  }
  const fieldSelector = [f.str('field-selector'), names.length === 1 ? `metadata.name=${names[0]}` : undefined].filter(Boolean).join(',');
  const listOpts = {
    namespace: allNs ? undefined : req.info.namespaced ? env.namespace : undefined,
    labelSelector: f.str('selector'),
    fieldSelector: fieldSelector || undefined,
  };
  const options: TableOptions = {
    wide: format.type === 'table' && format.wide,
    withNamespace: allNs,
    showLabels: f.bool('show-labels'),
    labelColumns: f.list('label-columns', true),
    noHeaders: f.bool('no-headers'),
  };
  const writer = new TabWriter();
  let headerDone = false;
  const print = (obj: KubeObject, eventType: string): void => {
    if (format.type !== 'table') {
      const data = f.bool('output-watch-events') ? { type: eventType, object: obj } : obj;
      env.out(printObjects(format, [data], true));
      return;
    }
    const lines: string[][] = [];
    if (!headerDone) {
      headerDone = true;
      lines.push(...tableLines(req.info.kind, [obj], { now: env.now() }, options));
    } else lines.push(rowCells(obj, { now: env.now() }, options));
    if (f.bool('output-watch-events')) {
      for (let k = 0; k < lines.length; k++) lines[k] = [k === 0 && lines.length > 1 && !options.noHeaders ? 'EVENT' : eventType, ...lines[k]];
    }
    env.out(writer.render(lines));
  };
  if (!f.bool('watch-only')) {
    const initial = names.length === 1 ? [env.store.get(req.info, listOpts.namespace, names[0])] : env.store.list(req.info, listOpts).items;
    if (format.type === 'table' && initial.length > 0) {
      headerDone = true;
      env.out(writer.render(tableLines(req.info.kind, initial, { now: env.now() }, options)));
    } else for (const o of initial) print(o, 'ADDED');
  }
  const stop = env.store.watch(req.info, listOpts, (e) => print(e.object, e.type));
  try {
    const timeout = f.str('request-timeout');
    const ms = timeout ? parseDuration(timeout) : undefined;
    if (ms !== undefined && ms > 0) {
      const finished = await env.ctx.sleep(ms);
      return finished ? 0 : 130;
    }
    await new Promise<void>((resolve) => env.ctx.interrupt.onInterrupt(resolve));
    return 130;
  } finally {
    stop();
  }
}

/** Go durations as kubectl's --request-timeout takes them (`5s`, `1m`, `500ms`, bare seconds). */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let matched = '';
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    matched += m[0];
  }
  return matched === text && text !== '' ? total : undefined;
}
