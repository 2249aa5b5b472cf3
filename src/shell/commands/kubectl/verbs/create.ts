/**
 * `kubectl create -f` and the generators `create deployment|service clusterip|namespace|
 * configmap|secret generic` (kubectl `pkg/cmd/create`), with `--dry-run=client -o yaml`.
 */
import { base64 } from '../../../../emulator/kube/api/defaults.ts';
import { resolveResource, type KubeObject } from '../../../../emulator/kube/api/index.ts';
import { kindSlashName, type KubectlEnv } from '../env.ts';
import { errorText, fail, usageError, withSource, KubectlExit } from '../errors.ts';
import { parseOutput, printObjects } from '../printers/output.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { LAST_APPLIED, lastAppliedOf } from './apply.ts';
import { readManifests } from './manifests.ts';

export const CREATE_FLAGS: FlagSpecs = {
  filename: { type: 'strings', short: 'f' },
  recursive: { type: 'bool', short: 'R' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
  'save-config': { type: 'bool' },
  validate: { type: 'string' },
  image: { type: 'strings' },
  replicas: { type: 'int', short: 'r', default: 1 },
  port: { type: 'int', default: -1 },
  tcp: { type: 'strings' },
  clusterip: { type: 'string' },
  'from-literal': { type: 'strings' },
  'from-file': { type: 'strings' },
  'from-env-file': { type: 'strings' },
  type: { type: 'string' },
  'field-manager': { type: 'string' },
  edit: { type: 'bool' },
};

/** The container name kubectl derives from an image: `registry.k8s.io/nginx-slim:0.7` → `nginx-slim`. */
export function containerNameOf(image: string): string {
  const base = image.split('/').pop() ?? image;
  return base.split('@')[0].split(':')[0].replace(/[^a-z0-9-]/g, '-');
}

function literals(env: KubectlEnv): Record<string, string> {
  const data: Record<string, string> = {};
  for (const l of env.flags.list('from-literal')) {
    const eq = l.indexOf('=');
    if (eq <= 0) throw fail(`invalid literal source ${l}, expected key=value`);
    data[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return data;
}

function generate(env: KubectlEnv, args: string[]): Json {
  const f = env.flags;
  const [kind, ...rest] = args;
  switch (kind) {
    case 'deployment':
    case 'deploy': {
      const name = rest[0];
      const images = f.list('image');
      if (!name) throw usageError('create deployment', 'NAME is required');
      if (images.length === 0) throw fail('required flag(s) "image" not set');
      const port = f.int('port') ?? -1;
      const containers = images.map((image) => ({
        image,
        name: containerNameOf(image),
        ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
        resources: {},
      }));
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { labels: { app: name }, name },
        spec: {
          replicas: f.int('replicas') ?? 1,
          selector: { matchLabels: { app: name } },
          strategy: {},
          template: { metadata: { labels: { app: name } }, spec: { containers } },
        },
        status: {},
      };
    }
    case 'service':
    case 'svc': {
      const [type, name] = rest;
      if (type !== 'clusterip') throw new KubectlExit(`petlab: 'kubectl create service ${type ?? ''}' is not available in this lab\n`);
      if (!name) throw usageError('create service clusterip', 'NAME is required');
      const ports = f.list('tcp').map((t) => {
        const [port, target] = t.split(':');
        return { name: `${port}-${target ?? port}`, port: Number(port), protocol: 'TCP', targetPort: Number(target ?? port) };
      });
      const clusterIP = f.str('clusterip');
      if (ports.length === 0 && clusterIP !== 'None') throw fail('at least one tcp port specifier must be provided');
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { labels: { app: name }, name },
        spec: { ...(clusterIP !== undefined ? { clusterIP } : {}), ports, selector: { app: name }, type: 'ClusterIP' },
        status: { loadBalancer: {} },
      };
    }
    case 'namespace':
    case 'ns': {
      if (!rest[0]) throw usageError('create namespace', 'NAME is required');
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: rest[0] }, spec: {}, status: {} };
    }
    case 'configmap':
    case 'cm': {
      if (!rest[0]) throw usageError('create configmap', 'NAME is required');
      return { apiVersion: 'v1', data: literals(env), kind: 'ConfigMap', metadata: { name: rest[0] } };
    }
    case 'secret': {
      const [type, name] = rest;
      if (type !== 'generic') throw new KubectlExit(`petlab: 'kubectl create secret ${type ?? ''}' is not available in this lab\n`);
      if (!name) throw usageError('create secret generic', 'NAME is required');
      const data = Object.fromEntries(Object.entries(literals(env)).map(([k, v]) => [k, base64(v)]));
      return { apiVersion: 'v1', data, kind: 'Secret', metadata: { name }, type: f.str('type') ?? 'Opaque' };
    }
  }
  if (kind && resolveResource(kind)) throw new KubectlExit(`petlab: 'kubectl create ${kind}' is not available in this lab\n`);
  throw fail(`unknown command "${kind}" for "kubectl create"`);
}

/** Runs `kubectl create`. */
export async function create(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const dryRun = f.str('dry-run');
  const format = f.str('output') ? parseOutput(f.str('output')) : undefined;
  const suffix = dryRun === 'server' ? ' (server dry run)' : dryRun !== undefined && dryRun !== 'none' ? ' (dry run)' : '';
  const items: { obj: Json; source: string }[] = [];
  if (f.list('filename').length > 0) {
    for (const m of await readManifests(env, f.list('filename'), f.bool('recursive'), 'create')) items.push({ obj: m.obj, source: m.source });
  } else {
    if (f.args.length === 0) throw fail('must specify one of -f and -k');
    items.push({ obj: generate(env, f.args), source: '' });
  }
  let status = 0;
  for (const { obj, source } of items) {
    try {
      const toCreate: Json = { ...obj };
      if (f.bool('save-config')) {
        toCreate.metadata = { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(obj) } };
      }
      const info = resolveResource(obj.kind)!;
      const created =
        dryRun === 'client' || dryRun === ''
          ? toCreate
          : env.store.create(toCreate as KubeObject, { namespace: env.namespace, strict: true, dryRun: dryRun === 'server' });
      if (format && format.type !== 'table') env.out(printObjects(format, [created], true));
      else env.out(`${kindSlashName(info, obj.metadata.name)} created${suffix}\n`);
    } catch (e) {
      env.err(errorText(withSource('creating', source, e)));
      status = 1;
    }
  }
  return status;
}
