/**
 * kubectl's resource arguments (cli-runtime `resource.Builder`): `pods`, `pods web-0 web-1`,
 * `pod/web-0 sts/web`, `sts,pods,pvc`, the `all` category. Unknown types give
 * `the server doesn't have a resource type "x"`.
 */
import { RESOURCES, type ResourceInfo } from '../../../../emulator/kube/api/index.ts';
import { resourceOrFail } from '../env.ts';
import { fail } from '../errors.ts';

export interface ResourceRequest {
  readonly info: ResourceInfo;
  /** Names to fetch; undefined means "list all". */
  readonly names?: string[];
}

/** Resources in the `all` category, in the order `kubectl get all` prints them. */
const ALL_ORDER = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'jobs', 'cronjobs'];

function expandTypes(text: string): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const t of text.split(',')) {
    if (t === '') continue;
    if (t === 'all') {
      const cat = RESOURCES.filter((r) => r.categories.includes('all'));
      cat.sort((a, b) => ALL_ORDER.indexOf(a.plural) - ALL_ORDER.indexOf(b.plural));
      out.push(...cat);
    } else out.push(resourceOrFail(t));
  }
  return out;
}

/** Parses positional arguments into requests. Throws KubectlExit with kubectl's messages. */
export function parseResourceArgs(args: readonly string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw fail(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (type === '' || name === '') throw fail(`arguments in resource/name form must have a single resource and name`);
      const info = resourceOrFail(type);
      const last = out[out.length - 1];
      if (last && last.info === info) last.names!.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const types = expandTypes(args[0]);
  const names = args.slice(1);
  return types.map((info) => (names.length > 0 ? { info, names: [...names] } : { info }));
}
