/**
 * `kubectl describe TYPE [NAME_PREFIX | -l selector]` (kubectl `pkg/cmd/describe`): exact name
 * first, otherwise every object whose name starts with the argument; several objects are
 * separated by two blank lines, as kubectl's `"\n\n%s"` does.
 */
import type { KubeObject, ResourceInfo } from '../../../../emulator/kube/api/index.ts';
import { describeNamespace, describeConfigMap, describeGeneric, describeNode, describePv, describePvc, describeSecret, describeService } from '../describe/others.ts';
import { describePod } from '../describe/pod.ts';
import { eventsFor } from '../describe/writer.ts';
import { describeDeployment, describeReplicaSet, describeStatefulSet } from '../describe/workloads.ts';
import type { KubectlEnv } from '../env.ts';
import { KubectlExit } from '../errors.ts';
import { describeTabs } from '../printers/go-tabwriter.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { parseResourceArgs } from '../util/resource-args.ts';
import { readManifests } from './manifests.ts';

export const DESCRIBE_FLAGS: FlagSpecs = {
  selector: { type: 'string', short: 'l' },
  'all-namespaces': { type: 'bool', short: 'A' },
  'show-events': { type: 'bool', default: true },
  filename: { type: 'strings', short: 'f' },
  recursive: { type: 'bool', short: 'R' },
  'chunk-size': { type: 'int' },
};

function owned(env: KubectlEnv, kind: string, owner: KubeObject, namespace: string): Json[] {
  return env.store
    .list(kind, { namespace })
    .items.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid));
}

/** The describe text of one object (already aligned). */
export function describeObject(env: KubectlEnv, info: ResourceInfo, obj: KubeObject, showEvents: boolean): string {
  const now = env.now();
  const ns = obj.metadata.namespace ?? '';
  const all = showEvents ? env.store.list('events', { namespace: info.namespaced ? ns : undefined }).items : [];
  const events = showEvents ? eventsFor(all, obj) : [];
  const o = obj as Json;
  let text: string;
  switch (info.kind) {
    case 'Pod':
      text = describePod(o, events, now);
      break;
    case 'StatefulSet':
      text = describeStatefulSet(o, owned(env, 'pods', obj, ns), events, now);
      break;
    case 'Deployment':
      text = describeDeployment(o, owned(env, 'replicasets', obj, ns), events, now);
      break;
    case 'ReplicaSet':
      text = describeReplicaSet(o, owned(env, 'pods', obj, ns), events, now);
      break;
    case 'Service':
      text = describeService(o, env.store.list('endpointslices', { namespace: ns, labelSelector: `kubernetes.io/service-name=${obj.metadata.name}` }).items, events, now);
      break;
    case 'PersistentVolumeClaim': {
      const users = env.store
        .list('pods', { namespace: ns })
        .items.filter((p) => ((p.spec as Json)?.volumes ?? []).some((v: Json) => v.persistentVolumeClaim?.claimName === obj.metadata.name));
      text = describePvc(o, users, events, now);
      break;
    }
    case 'PersistentVolume':
      text = describePv(o, events, now);
      break;
    case 'Node':
      text = describeNode(o, env.store.list('pods', { fieldSelector: `spec.nodeName=${obj.metadata.name}` }).items, events, now);
      break;
    case 'Namespace':
      text = describeNamespace(o);
      break;
    case 'ConfigMap':
      text = describeConfigMap(o, events, now);
      break;
    case 'Secret':
      text = describeSecret(o);
      break;
    default:
      text = describeGeneric(o, events, now);
  }
  return describeTabs(text);
}

/** Runs `kubectl describe`. */
export async function describe(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const showEvents = f.bool('show-events');
  const found: { info: ResourceInfo; obj: KubeObject }[] = [];
  const errors: string[] = [];
  const files = f.list('filename');
  const allNs = f.bool('all-namespaces');
  if (files.length > 0) {
    for (const m of await readManifests(env, files, f.bool('recursive'), 'describe')) {
      const ns = m.info.namespaced ? m.obj.metadata.namespace || env.namespace : undefined;
      found.push({ info: m.info, obj: env.store.get(m.info, ns, m.obj.metadata.name ?? '') });
    }
  } else {
    if (f.args.length === 0) {
      throw new KubectlExit(
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
          "error: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n",
      );
    }
    for (const req of parseResourceArgs(f.args)) {
      const ns = req.info.namespaced ? (allNs ? undefined : env.namespace) : undefined;
      if (!req.names) {
        for (const obj of env.store.list(req.info, { namespace: ns, labelSelector: f.str('selector') }).items) found.push({ info: req.info, obj });
        continue;
      }
      for (const name of req.names) {
        const exact = env.store.tryGet(req.info, ns ?? (req.info.namespaced ? env.namespace : undefined), name);
        if (exact) {
          found.push({ info: req.info, obj: exact });
          continue;
        }
        const prefixed = env.store.list(req.info, { namespace: ns }).items.filter((o) => o.metadata.name?.startsWith(name));
        if (prefixed.length === 0) {
          const what = req.info.group ? `${req.info.plural}.${req.info.group}` : req.info.plural;
          errors.push(`Error from server (NotFound): ${what} "${name}" not found\n`);
        }
        for (const obj of prefixed) found.push({ info: req.info, obj });
      }
    }
  }
  found.forEach((x, i) => env.out((i === 0 ? '' : '\n\n') + describeObject(env, x.info, x.obj, showEvents)));
  if (found.length === 0 && errors.length === 0) {
    env.err(allNs ? 'No resources found\n' : `No resources found in ${env.namespace} namespace.\n`);
  }
  for (const e of errors) env.err(e);
  return errors.length > 0 ? 1 : 0;
}
