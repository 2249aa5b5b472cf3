/**
 * `kubectl delete` (kubectl `pkg/cmd/delete`): by names, `-f`, `-l`, `--all`; `--cascade`,
 * `--grace-period`, `--now`, `--force`, `--wait` (default on: returns when the objects are gone).
 * Prints `pod "web-0" deleted from default namespace` (1.34 wording).
 */
import type { KubeObject, PropagationPolicy, ResourceInfo } from '../../../../emulator/kube/api/index.ts';
import { singularName, type KubectlEnv } from '../env.ts';
import { errorText, fail, KubectlExit } from '../errors.ts';
import type { FlagSpecs } from '../util/flags.ts';
import { parseResourceArgs } from '../util/resource-args.ts';
import { waitFor } from '../util/wait.ts';
import { parseDuration } from './get.ts';
import { readManifests } from './manifests.ts';

export const DELETE_FLAGS: FlagSpecs = {
  filename: { type: 'strings', short: 'f' },
  recursive: { type: 'bool', short: 'R' },
  selector: { type: 'string', short: 'l' },
  'field-selector': { type: 'string' },
  all: { type: 'bool' },
  'all-namespaces': { type: 'bool', short: 'A' },
  cascade: { type: 'string', default: 'background' },
  'grace-period': { type: 'int', default: -1 },
  now: { type: 'bool' },
  force: { type: 'bool' },
  wait: { type: 'bool', default: true },
  timeout: { type: 'string' },
  'ignore-not-found': { type: 'bool' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  interactive: { type: 'bool', short: 'i' },
  raw: { type: 'string' },
};

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

function cascadePolicy(value: string): PropagationPolicy {
  switch (value) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
  }
  throw fail(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}

interface Target {
  info: ResourceInfo;
  obj: KubeObject;
}

/** Runs `kubectl delete`. */
export async function del(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const policy = cascadePolicy(f.str('cascade') ?? 'background');
  let grace = f.int('grace-period') ?? -1;
  if (f.bool('now')) {
    if (grace !== -1) throw fail('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = f.bool('force');
  if (force && grace === -1) grace = 0;
  if (grace === 0 && !force) grace = 1;
  const targets: Target[] = [];
  const errors: string[] = [];
  const files = f.list('filename');
  const allNs = f.bool('all-namespaces');
  if (files.length > 0) {
    for (const m of await readManifests(env, files, f.bool('recursive'), 'delete')) {
      const ns = m.info.namespaced ? m.obj.metadata.namespace || env.namespace : undefined;
      const obj = env.store.tryGet(m.info, ns, m.obj.metadata.name ?? '');
      if (obj) targets.push({ info: m.info, obj });
      else if (!f.bool('ignore-not-found')) errors.push(`Error from server (NotFound): error when deleting "${m.source}": ${m.info.group ? `${m.info.plural}.${m.info.group}` : m.info.plural} "${m.obj.metadata.name}" not found\n`);
    }
  } else {
    if (f.args.length === 0) throw new KubectlExit(NO_RESOURCES);
    const requests = parseResourceArgs(f.args);
    const selector = f.str('selector');
    const fieldSelector = f.str('field-selector');
    for (const req of requests) {
      const ns = req.info.namespaced ? env.namespace : undefined;
      if (req.names) {
        if (selector || f.bool('all')) throw fail('name cannot be provided when a selector is specified');
        for (const name of req.names) {
          const obj = env.store.tryGet(req.info, ns, name);
          if (obj) targets.push({ info: req.info, obj });
          else if (!f.bool('ignore-not-found')) {
            errors.push(`Error from server (NotFound): ${req.info.group ? `${req.info.plural}.${req.info.group}` : req.info.plural} "${name}" not found\n`);
          }
        }
        continue;
      }
      if (!selector && !fieldSelector && !f.bool('all')) throw fail('resource(s) were provided, but no name was specified');
      const items = env.store.list(req.info, { namespace: allNs ? undefined : ns, labelSelector: selector, fieldSelector }).items;
      for (const obj of items) targets.push({ info: req.info, obj });
    }
  }
  if (force && grace === 0) {
    env.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const dryRun = f.str('dry-run');
  const operation = (grace === 0 ? 'force deleted' : 'deleted') + (dryRun === 'server' ? ' (server dry run)' : dryRun !== undefined && dryRun !== 'none' ? ' (dry run)' : '');
  const deleted: Target[] = [];
  for (const t of targets) {
    const ns = t.obj.metadata.namespace;
    try {
      if (dryRun === undefined || dryRun === 'none' || dryRun === 'server') {
        env.store.delete(t.info, ns, t.obj.metadata.name!, {
          propagationPolicy: policy,
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
          dryRun: dryRun === 'server',
        });
      }
      deleted.push(t);
      const kind = singularName(t.info);
      if (f.str('output') === 'name') env.out(`${kind}/${t.obj.metadata.name}\n`);
      else if (t.info.namespaced) env.out(`${kind} "${t.obj.metadata.name}" ${operation} from ${ns} namespace\n`);
      else env.out(`${kind} "${t.obj.metadata.name}" ${operation}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  // delete.go prints this on stdout, unlike get.
  if (targets.length === 0 && errors.length === 0) env.out('No resources found\n');
  for (const e of errors) env.err(e);
  if (f.bool('wait') && deleted.length > 0 && (dryRun === undefined || dryRun === 'none')) {
    const timeout = f.str('timeout');
    const ms = timeout ? parseDuration(timeout) : undefined;
    const gone = () =>
      deleted.every((t) => {
        const now = env.store.tryGet(t.info, t.obj.metadata.namespace, t.obj.metadata.name!);
        return !now || now.metadata.uid !== t.obj.metadata.uid;
      });
    const result = await waitFor(env, [...new Set(deleted.map((t) => t.info.plural))], gone, ms);
    if (result === 'timeout') {
      for (const t of deleted) {
        const now = env.store.tryGet(t.info, t.obj.metadata.namespace, t.obj.metadata.name!);
        if (now && now.metadata.uid === t.obj.metadata.uid) env.err(`error: timed out waiting for the condition on ${t.info.plural}/${t.obj.metadata.name}\n`);
      }
      return 1;
    }
    if (result === 'interrupted') return 130;
  }
  return errors.length > 0 ? 1 : 0;
}
