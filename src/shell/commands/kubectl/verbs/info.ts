/**
 * Read-only verbs about the cluster and the client: `version`, `api-resources`, `cluster-info`,
 * `config view|current-context|get-contexts|get-clusters|use-context|set-context`, `explain`.
 */
import { RESOURCES, resolveResource, SCHEMA, type TypeRef } from '../../../../emulator/kube/api/index.ts';
import { serverUrl } from '../cluster-bridge.ts';
import type { KubectlEnv } from '../env.ts';
import { fail, KubectlExit } from '../errors.ts';
import { CONTEXT, kubeconfigOf } from '../kubeconfig.ts';
import { alignColumns } from '../printers/tabwriter.ts';
import type { FlagSpecs } from '../util/flags.ts';

export const CLIENT_VERSION = 'v1.34.1';
export const KUSTOMIZE_VERSION = 'v5.7.1';

export const VERSION_FLAGS: FlagSpecs = { client: { type: 'bool' }, output: { type: 'string', short: 'o' } };

/** Runs `kubectl version`. */
export async function version(env: KubectlEnv): Promise<number> {
  if (env.flags.str('output')) throw new KubectlExit(`petlab: 'kubectl version -o' is not available in this lab\n`);
  env.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (env.flags.bool('client')) return 0;
  if (!env.cluster) {
    env.err('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    return 1;
  }
  env.out(`Server Version: ${env.cluster.serverVersion ?? 'v1.34.0'}\n`);
  return 0;
}

export const API_RESOURCES_FLAGS: FlagSpecs = {
  output: { type: 'string', short: 'o' },
  namespaced: { type: 'string' },
  'api-group': { type: 'string' },
  verbs: { type: 'strings' },
  'no-headers': { type: 'bool' },
  'sort-by': { type: 'string' },
  cached: { type: 'bool' },
  categories: { type: 'strings' },
};

/** Runs `kubectl api-resources`. */
export async function apiResources(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const output = f.str('output');
  if (output && output !== 'wide' && output !== 'name') throw fail(`--output ${output} is not available in kubectl api-resources`);
  let list = [...RESOURCES];
  const namespaced = f.str('namespaced');
  if (namespaced !== undefined) list = list.filter((r) => String(r.namespaced) === namespaced);
  const group = f.str('api-group');
  if (group !== undefined) list = list.filter((r) => r.group === group);
  const verbs = f.list('verbs', true);
  if (verbs.length) list = list.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  list.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  if (output === 'name') {
    env.out(list.map((r) => (r.group ? `${r.plural}.${r.group}\n` : `${r.plural}\n`)).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const lines: string[][] = f.bool('no-headers') ? [] : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]];
  for (const r of list) {
    lines.push([
      r.plural,
      r.shortNames.join(','),
      r.apiVersion,
      String(r.namespaced),
      r.kind,
      ...(wide ? [`[${r.verbs.join(' ')}]`, r.categories.join(',')] : []),
    ]);
  }
  env.out(alignColumns(lines));
  return 0;
}

/** Runs `kubectl cluster-info`. */
export async function clusterInfo(env: KubectlEnv): Promise<number> {
  if (env.flags.args[0] === 'dump') throw new KubectlExit(`petlab: 'kubectl cluster-info dump' is not available in this lab\n`);
  const url = serverUrl(env.cluster);
  env.out(
    `Kubernetes control plane is running at ${url}\nCoreDNS is running at ${url}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n` +
      "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
  );
  return 0;
}

export const CONFIG_FLAGS: FlagSpecs = {
  current: { type: 'bool' },
  minify: { type: 'bool' },
  raw: { type: 'bool' },
  flatten: { type: 'bool' },
  output: { type: 'string', short: 'o' },
  'no-headers': { type: 'bool' },
};

/** Runs `kubectl config <sub>`. */
export async function config(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const [sub, ...rest] = f.args;
  const state = kubeconfigOf(env.ctx.world);
  const url = serverUrl(env.cluster);
  switch (sub) {
    case 'current-context':
      env.out(`${CONTEXT}\n`);
      return 0;
    case 'get-contexts': {
      if (rest[0] && rest[0] !== CONTEXT) throw fail(`context ${rest[0]} not found`);
      const ns = state.namespace ?? '';
      const lines = [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ['*', CONTEXT, CONTEXT, CONTEXT, ns]];
      env.out(alignColumns(f.bool('no-headers') ? lines.slice(1) : lines));
      return 0;
    }
    case 'get-clusters':
      env.out(`NAME\n${CONTEXT}\n`);
      return 0;
    case 'get-users':
      env.out(`NAME\n${CONTEXT}\n`);
      return 0;
    case 'use-context':
      if (rest[0] !== CONTEXT) throw fail(`no context exists with the name: "${rest[0] ?? ''}"`);
      env.out(`Switched to context "${CONTEXT}".\n`);
      return 0;
    case 'set-context': {
      const name = f.bool('current') ? CONTEXT : rest[0];
      if (!name) throw fail('you must specify a non-empty context name or --current');
      if (name !== CONTEXT) throw new KubectlExit(`petlab: only the context "${CONTEXT}" exists in this lab\n`);
      if (f.has('namespace')) state.namespace = f.str('namespace');
      env.out(`Context "${CONTEXT}" modified.\n`);
      return 0;
    }
    case 'view': {
      const data = f.bool('raw') ? 'REDACTED' : 'DATA+OMITTED';
      const ns = state.namespace ? `    namespace: ${state.namespace}\n` : '';
      env.out(
        `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${data}\n    server: ${url}\n  name: ${CONTEXT}\ncontexts:\n- context:\n    cluster: ${CONTEXT}\n${ns}    user: ${CONTEXT}\n  name: ${CONTEXT}\ncurrent-context: ${CONTEXT}\nkind: Config\npreferences: {}\nusers:\n- name: ${CONTEXT}\n  user:\n    client-certificate-data: ${data}\n    client-key-data: ${data}\n`,
      );
      return 0;
    }
  }
  if (sub === undefined) throw new KubectlExit("error: Required subcommand not specified.\nSee 'kubectl config -h' for help and examples\n");
  throw new KubectlExit(`petlab: 'kubectl config ${sub}' is not available in this lab\n`);
}

export const EXPLAIN_FLAGS: FlagSpecs = { recursive: { type: 'bool' }, 'api-version': { type: 'string' }, output: { type: 'string', short: 'o' } };

function typeLabel(t: TypeRef): string {
  if (t.endsWith('[]')) return `[]${typeLabel(t.slice(0, -2))}`;
  switch (t) {
    case 'string':
    case 'integer':
    case 'boolean':
      return t;
    case 'object':
      return 'Object';
    case 'map':
      return 'map[string]string';
    case 'int-or-string':
      return 'IntOrString';
    case 'quantity':
      return 'Quantity';
  }
  return t;
}

/** Runs `kubectl explain <type>[.field…]` from the API store's schema (descriptions are not modelled). */
export async function explain(env: KubectlEnv): Promise<number> {
  const arg = env.flags.args[0];
  if (!arg) {
    throw new KubectlExit(
      "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples\n",
    );
  }
  const [typeName, ...path] = arg.split('.');
  const info = resolveResource(typeName);
  if (!info) throw fail(`the server doesn't have a resource type "${typeName}"`);
  let type: TypeRef = info.kind;
  let fieldName = '';
  for (const p of path) {
    const fields = SCHEMA[type.replace(/\[\]$/, '')];
    if (!fields || !Object.hasOwn(fields, p)) throw fail(`field "${p}" does not exist`);
    type = fields[p];
    fieldName = p;
  }
  let out = info.group ? `GROUP:      ${info.group}\n` : '';
  out += `KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;
  if (fieldName) out += `FIELD: ${fieldName} <${typeLabel(type)}>\n\n\n`;
  out += 'DESCRIPTION:\n    <empty>\n';
  const fields = SCHEMA[type.replace(/\[\]$/, '')];
  if (fields) {
    out += 'FIELDS:\n';
    for (const k of Object.keys(fields).sort()) out += `  ${k}\t<${typeLabel(fields[k])}>\n\n`;
  }
  env.out(out);
  return 0;
}
