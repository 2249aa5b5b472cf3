/**
 * Completion for `kubectl`: verbs, resource types (plural, singular and short names from the
 * emulator's resource registry), object names (`get pods web-<Tab>`, `pod/web-<Tab>`), pods for
 * `logs`/`exec`, namespaces after `-n`, files after `-f`.
 */
import { RESOURCES, type ResourceInfo } from '../../../emulator/kube/api/resources.ts';
import { completePath } from './paths.ts';
import type { CompletionSources } from './sources.ts';
import type { CompletionResult } from './types.ts';
import { matching, positional, type WordContext } from './words.ts';

/**
 * kubectl 1.34's commands (`kubectl --help`, as src/shell/commands/kubectl/help.ts lists them),
 * emulated or not, and cobra's `help`: cobra completes every available subcommand plus the
 * help command (cobra completions.go getCompletions).
 */
export const KUBECTL_VERBS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward',
  'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
] as const;

/** Subcommands of kubectl's command groups (kubectl/pkg/cmd/<verb>/<verb>.go AddCommand lists). */
const SUBCOMMANDS: Record<string, readonly string[]> = {
  create: [
    'clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace',
    'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token',
  ],
  config: [
    'current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users',
    'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view',
  ],
  apply: ['edit-last-applied', 'set-last-applied', 'view-last-applied'],
  auth: ['can-i', 'reconcile', 'whoami'],
  certificate: ['approve', 'deny'],
  plugin: ['list'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
  top: ['node', 'pod'],
};
/** Third-level subcommands: `kubectl create secret generic`, `kubectl create service nodeport`. */
const CREATE_SUBCOMMANDS: Record<string, readonly string[]> = {
  secret: ['docker-registry', 'generic', 'tls'],
  service: ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
};

/**
 * `-o <Tab>`: cobra completes the printer's allowed formats (kubectl 1.34's list, as
 * src/shell/commands/kubectl/printers/output.ts ALLOWED_FORMATS records it).
 */
const OUTPUT_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

const TYPE_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'explain', 'wait']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward']);
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'taint']);
const ROLLOUT_SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
const ROLLOUT_KINDS = ['daemonset', 'deployment', 'statefulset'];
const VALUE_FLAGS = [
  '-n', '--namespace', '-f', '--filename', '-o', '--output', '-l', '--selector', '-c', '--container', '--replicas',
  '--tail', '--since', '--since-time', '--field-selector', '--sort-by', '--timeout', '--for', '--image', '--port', '--type', '--name', '-L', '--label-columns',
];
/** Verbs whose `-f` is not a file: `kubectl logs -f` follows (kubectl logs --help). */
const FOLLOW_VERBS = new Set(['logs']);

/** Resource names for `kubectl get <Tab>`. */
export function resourceTypeNames(): string[] {
  return RESOURCES.flatMap((r) => [r.plural, r.singular, ...r.shortNames]);
}

function findResource(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  return RESOURCES.find(
    (r) => r.plural === lower || r.singular === lower || r.shortNames.includes(lower) || r.kind.toLowerCase() === lower,
  );
}

/** Completes the word described by `ctx` for a `kubectl` command line. */
export function completeKubectl(sources: CompletionSources, ctx: WordContext, to: number): CompletionResult {
  const { words, current, from } = ctx;
  const result = (candidates: string[]): CompletionResult => ({ from, to, candidates });
  const previous = words[words.length - 1];
  const namespace = namespaceOf(words);
  const names = (resource: string) => [...(sources.kubeNames?.(resource, namespace) ?? [])];

  const follows = FOLLOW_VERBS.has(positional(words, VALUE_FLAGS.filter((f) => f !== '-f'))[0] ?? '');
  if ((previous === '-f' && !follows) || previous === '--filename') return completePath(sources, current, from, to);
  if (previous === '-n' || previous === '--namespace') return result(matching(names('namespaces'), current));
  if (previous === '-o' || previous === '--output') return result(matching(OUTPUT_FORMATS, current));
  if (current.startsWith('--output=')) return result(matching(OUTPUT_FORMATS.map((f) => `--output=${f}`), current));
  if (current.startsWith('-')) return result([]);

  const args = positional(words, follows ? VALUE_FLAGS.filter((f) => f !== '-f') : VALUE_FLAGS);
  if (args.length === 0) return result(matching(KUBECTL_VERBS, current));
  const verb = args[0];

  if (verb === 'rollout') {
    if (args.length === 1) return result(matching(ROLLOUT_SUBCOMMANDS, current));
    return completeTypeOrName(args.slice(2), current, names, result, ROLLOUT_KINDS);
  }
  if (TYPE_VERBS.has(verb)) return completeTypeOrName(args.slice(1), current, names, result);
  if (POD_VERBS.has(verb) && args.length === 1) return result(matching(names('pods'), current));
  if (NODE_VERBS.has(verb) && args.length === 1) return result(matching(names('nodes'), current));
  if (verb === 'create' && args.length === 2 && CREATE_SUBCOMMANDS[args[1]]) return result(matching(CREATE_SUBCOMMANDS[args[1]], current));
  // `kubectl apply -f …` takes files: its subcommands only come first, with no flag before
  if (args.length === 1 && Object.hasOwn(SUBCOMMANDS, verb) && !(verb === 'apply' && words.length > 2)) return result(matching(SUBCOMMANDS[verb], current));
  if (verb === 'top' && args.length === 2) return result(matching(names(/^no(de|des)?$/.test(args[1]) ? 'nodes' : 'pods'), current));
  return result([]);
}

function completeTypeOrName(
  after: readonly string[],
  current: string,
  names: (resource: string) => string[],
  result: (c: string[]) => CompletionResult,
  types: readonly string[] = resourceTypeNames(),
): CompletionResult {
  const slash = current.indexOf('/');
  if (slash > 0) {
    const info = findResource(current.slice(0, slash));
    if (!info) return result([]);
    const prefix = current.slice(0, slash + 1);
    return result(matching(names(info.plural).map((n) => prefix + n), current));
  }
  if (after.length === 0) return result(matching(types, current));
  const typeWord = after[0].split(',')[0];
  const info = findResource(typeWord);
  if (!info || after[0].includes('/')) return result([]);
  return result(matching(names(info.plural), current));
}

function namespaceOf(words: readonly string[]): string {
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] === '-n' || words[i] === '--namespace') return words[i + 1];
  }
  const inline = words.find((w) => w.startsWith('--namespace='));
  return inline ? inline.slice('--namespace='.length) : 'default';
}
