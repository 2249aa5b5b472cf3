/**
 * The resource registry: which kinds the API server serves, under which names, as
 * `kubectl api-resources` prints them (Kubernetes 1.34 discovery for these kinds).
 */

export interface ResourceInfo {
  /** Plural resource name, e.g. `statefulsets`. */
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly kind: string;
  /** API group, '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** `apps/v1`, or `v1` for the core group. */
  readonly apiVersion: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  /** Discovery categories, e.g. `all` for `kubectl get all`. */
  readonly categories: readonly string[];
  /** Whether the resource has a status subresource (updates to the main resource ignore status). */
  readonly hasStatus: boolean;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

function res(
  plural: string,
  singular: string,
  kind: string,
  groupVersion: string,
  namespaced: boolean,
  shortNames: string[],
  options: { verbs?: readonly string[]; categories?: string[]; hasStatus?: boolean } = {},
): ResourceInfo {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return {
    plural,
    singular,
    shortNames,
    kind,
    group,
    version,
    apiVersion: groupVersion,
    namespaced,
    verbs: options.verbs ?? ALL_VERBS,
    categories: options.categories ?? [],
    hasStatus: options.hasStatus ?? false,
  };
}

/** Every served resource, in `kubectl api-resources` order (core group first, then by group). */
export const RESOURCES: readonly ResourceInfo[] = [
  res('configmaps', 'configmap', 'ConfigMap', 'v1', true, ['cm']),
  res('events', 'event', 'Event', 'v1', true, ['ev']),
  res('namespaces', 'namespace', 'Namespace', 'v1', false, ['ns'], {
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    hasStatus: true,
  }),
  res('nodes', 'node', 'Node', 'v1', false, ['no'], { hasStatus: true }),
  res('persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', 'v1', true, ['pvc'], { hasStatus: true }),
  res('persistentvolumes', 'persistentvolume', 'PersistentVolume', 'v1', false, ['pv'], { hasStatus: true }),
  res('pods', 'pod', 'Pod', 'v1', true, ['po'], { categories: ['all'], hasStatus: true }),
  res('secrets', 'secret', 'Secret', 'v1', true, []),
  res('serviceaccounts', 'serviceaccount', 'ServiceAccount', 'v1', true, ['sa']),
  res('services', 'service', 'Service', 'v1', true, ['svc'], { categories: ['all'], hasStatus: true }),
  res('controllerrevisions', 'controllerrevision', 'ControllerRevision', 'apps/v1', true, []),
  res('daemonsets', 'daemonset', 'DaemonSet', 'apps/v1', true, ['ds'], { categories: ['all'], hasStatus: true }),
  res('deployments', 'deployment', 'Deployment', 'apps/v1', true, ['deploy'], { categories: ['all'], hasStatus: true }),
  res('replicasets', 'replicaset', 'ReplicaSet', 'apps/v1', true, ['rs'], { categories: ['all'], hasStatus: true }),
  res('statefulsets', 'statefulset', 'StatefulSet', 'apps/v1', true, ['sts'], { categories: ['all'], hasStatus: true }),
  res('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io/v1', true, []),
  res('storageclasses', 'storageclass', 'StorageClass', 'storage.k8s.io/v1', false, ['sc']),
];

const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

/** `pods`, `statefulsets.apps`: the group-qualified resource used in API error messages. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** `Pod`, `StatefulSet.apps`: the group-qualified kind used in Invalid error messages. */
export function qualifiedKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** The resource serving `kind` (any version of its group), or undefined. */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** The resource serving exactly `apiVersion` + `kind`, or undefined (kubectl: "no matches for kind"). */
export function resourceFor(apiVersion: string, kind: string): ResourceInfo | undefined {
  const info = byKind.get(kind);
  return info && info.apiVersion === apiVersion ? info : undefined;
}

/**
 * Resolves what a user typed (`po`, `pod`, `pods`, `Pod`, `statefulsets.apps`, `sts.apps`,
 * `deployments.v1.apps`) to a resource, like kubectl's RESTMapper; undefined when unknown
 * (kubectl: `error: the server doesn't have a resource type "x"`).
 */
export function resolveResource(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot < 0 ? lower : lower.slice(0, dot);
  let rest = dot < 0 ? undefined : lower.slice(dot + 1);
  for (const r of RESOURCES) {
    const names = [r.plural, r.singular, ...r.shortNames, r.kind.toLowerCase()];
    if (!names.includes(base)) continue;
    if (rest === undefined) return r;
    // `deployments.v1.apps` or `deployments.apps`
    if (rest.startsWith(`${r.version}.`)) rest = rest.slice(r.version.length + 1);
    if (rest === r.group || (r.group === '' && rest === r.version)) return r;
  }
  return undefined;
}
