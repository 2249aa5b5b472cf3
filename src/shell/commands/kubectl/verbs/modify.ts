/**
 * Verbs that change one field set of existing objects: `scale` (`statefulset.apps/web scaled`),
 * `patch` (strategic, merge, json; `patched` / `patched (no change)`), `label` and `annotate`
 * (`labeled` / `unlabeled` / `not labeled`, `--overwrite`).
 */
import { parse as parseYaml } from 'yaml';
import type { KubeObject, ResourceInfo } from '../../../../emulator/kube/api/index.ts';
import { kindSlashName, type KubectlEnv } from '../env.ts';
import { errorText, fail, KubectlExit } from '../errors.ts';
import { parseOutput, printObjects } from '../printers/output.ts';
import type { FlagSpecs } from '../util/flags.ts';
import { parseResourceArgs } from '../util/resource-args.ts';
import { readManifests } from './manifests.ts';

interface Target {
  info: ResourceInfo;
  obj: KubeObject;
}

/** Objects named by args / -f / -l / --all, with kubectl's errors for what is missing. */
async function targetsOf(env: KubectlEnv, args: string[], opts: { allowSelector: boolean }): Promise<{ targets: Target[]; errors: string[] }> {
  const f = env.flags;
  const targets: Target[] = [];
  const errors: string[] = [];
  const files = f.list('filename');
  if (files.length > 0) {
    for (const m of await readManifests(env, files, false, 'update')) {
      const ns = m.info.namespaced ? m.obj.metadata.namespace || env.namespace : undefined;
      targets.push({ info: m.info, obj: env.store.get(m.info, ns, m.obj.metadata.name ?? '') });
    }
    return { targets, errors };
  }
  if (args.length === 0) {
    throw new KubectlExit(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  }
  for (const req of parseResourceArgs(args)) {
    const ns = req.info.namespaced ? env.namespace : undefined;
    if (req.names) {
      for (const name of req.names) {
        const obj = env.store.tryGet(req.info, ns, name);
        if (obj) targets.push({ info: req.info, obj });
        else errors.push(`Error from server (NotFound): ${req.info.group ? `${req.info.plural}.${req.info.group}` : req.info.plural} "${name}" not found\n`);
      }
      continue;
    }
    const selector = opts.allowSelector ? f.str('selector') : undefined;
    if (!selector && !(opts.allowSelector && f.bool('all'))) throw fail('resource(s) were provided, but no name was specified');
    for (const obj of env.store.list(req.info, { namespace: ns, labelSelector: selector }).items) targets.push({ info: req.info, obj });
  }
  return { targets, errors };
}

export const SCALE_FLAGS: FlagSpecs = {
  replicas: { type: 'int' },
  'current-replicas': { type: 'int', default: -1 },
  'resource-version': { type: 'string' },
  filename: { type: 'strings', short: 'f' },
  selector: { type: 'string', short: 'l' },
  all: { type: 'bool' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
};

const SCALABLE = new Set(['StatefulSet', 'Deployment', 'ReplicaSet']);

/** Runs `kubectl scale`. */
export async function scale(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const replicas = f.int('replicas');
  if (replicas === undefined) throw fail('required flag(s) "replicas" not set');
  if (replicas < 0) throw fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const { targets, errors } = await targetsOf(env, f.args, { allowSelector: true });
  for (const t of targets) {
    try {
      if (!SCALABLE.has(t.info.kind)) throw new KubectlExit('Error from server (NotFound): the server could not find the requested resource\n');
      const current = f.int('current-replicas') ?? -1;
      const spec = t.obj.spec as { replicas?: number };
      if (current >= 0 && (spec.replicas ?? 1) !== current) throw fail(`Expected replicas to be ${current}, was ${spec.replicas ?? 1}`);
      env.store.patch(t.info, t.obj.metadata.namespace, t.obj.metadata.name!, 'merge', { spec: { replicas } });
      env.out(`${kindSlashName(t.info, t.obj.metadata.name!)} scaled\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(e);
  return errors.length > 0 ? 1 : 0;
}

export const PATCH_FLAGS: FlagSpecs = {
  patch: { type: 'string', short: 'p' },
  'patch-file': { type: 'string' },
  type: { type: 'string', default: 'strategic' },
  filename: { type: 'strings', short: 'f' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  subresource: { type: 'string' },
  local: { type: 'bool' },
  'field-manager': { type: 'string' },
};

/** Runs `kubectl patch`. */
export async function patch(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const type = f.str('type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(type)) throw fail(`--type must be one of [json merge strategic], not "${type}"`);
  const text = f.str('patch');
  if (text === undefined || text === '') throw fail('must specify --patch or --patch-file containing the contents of the patch');
  let body: unknown;
  try {
    body = parseYaml(text, { version: '1.1' });
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    throw fail(`unable to parse "${text}": yaml: line ${line}: did not find expected node content`);
  }
  const { targets, errors } = await targetsOf(env, f.args, { allowSelector: false });
  const format = f.str('output') ? parseOutput(f.str('output')) : undefined;
  for (const t of targets) {
    try {
      const sub = f.str('subresource') === 'status' ? 'status' : undefined;
      const after = env.store.patch(t.info, t.obj.metadata.namespace, t.obj.metadata.name!, type as 'json' | 'merge' | 'strategic', body, {
        subresource: sub,
        dryRun: f.str('dry-run') === 'server',
      });
      if (format && format.type !== 'table') {
        env.out(printObjects(format, [after], true));
        continue;
      }
      // kubectl patch.go: didPatch := !reflect.DeepEqual(info.Object, patchedObj); the API server
      // does not write a no-op patch, so an unchanged object keeps its resourceVersion.
      const changed = JSON.stringify(after) !== JSON.stringify(t.obj);
      env.out(`${kindSlashName(t.info, t.obj.metadata.name!)} patched${changed ? '' : ' (no change)'}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(e);
  return errors.length > 0 ? 1 : 0;
}

export const LABEL_FLAGS: FlagSpecs = {
  overwrite: { type: 'bool' },
  selector: { type: 'string', short: 'l' },
  all: { type: 'bool' },
  'all-namespaces': { type: 'bool', short: 'A' },
  filename: { type: 'strings', short: 'f' },
  list: { type: 'bool' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  'resource-version': { type: 'string' },
  local: { type: 'bool' },
};

/** Runs `kubectl label` (`field` = labels) or `kubectl annotate` (`field` = annotations). */
export async function labelOrAnnotate(env: KubectlEnv, field: 'labels' | 'annotations'): Promise<number> {
  const f = env.flags;
  const past = field === 'labels' ? 'labeled' : 'annotated';
  const pairs = f.args.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const resources = f.args.filter((a) => !pairs.includes(a));
  if (!f.bool('list') && pairs.length === 0) throw fail('at least one label update is required');
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.endsWith('-') && !p.includes('=')) remove.push(p.slice(0, -1));
    else {
      const eq = p.indexOf('=');
      const key = p.slice(0, eq);
      const value = p.slice(eq + 1);
      if (field === 'labels' && !/^(([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?)$/.test(value)) {
        throw fail(`invalid label value: "${p}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
      }
      set[key] = value;
    }
  }
  const { targets, errors } = await targetsOf(env, resources, { allowSelector: true });
  for (const t of targets) {
    try {
      const current = (t.obj.metadata[field] ?? {}) as Record<string, string>;
      if (f.bool('list')) {
        for (const k of Object.keys(current).sort()) env.out(`${k}=${current[k]}\n`);
        continue;
      }
      for (const k of Object.keys(set)) {
        if (!f.bool('overwrite') && Object.hasOwn(current, k) && current[k] !== set[k]) {
          throw fail(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
        }
      }
      const next: Record<string, string | null> = {};
      let changed = false;
      for (const [k, v] of Object.entries(set)) {
        if (current[k] !== v) changed = true;
        next[k] = v;
      }
      for (const k of remove) {
        if (Object.hasOwn(current, k)) {
          changed = true;
          next[k] = null;
        }
      }
      const name = kindSlashName(t.info, t.obj.metadata.name!);
      if (!changed) {
        env.out(`${name} not ${past}\n`);
        continue;
      }
      env.store.patch(t.info, t.obj.metadata.namespace, t.obj.metadata.name!, 'merge', { metadata: { [field]: next } });
      const onlyRemoval = Object.keys(set).length === 0;
      env.out(`${name} ${onlyRemoval ? `un${past}` : past}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(e);
  return errors.length > 0 ? 1 : 0;
}
