/**
 * `kubectl set image TYPE/NAME CONTAINER=IMAGE…` (kubectl `pkg/cmd/set/set_image.go`): changes
 * container images in a workload's pod template; prints `deployment.apps/nginx image updated`.
 * Other `kubectl set` subcommands are not emulated.
 */
import type { KubeObject } from '../../../../emulator/kube/api/index.ts';
import { kindSlashName, type KubectlEnv } from '../env.ts';
import { errorText, fail, KubectlExit } from '../errors.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { parseResourceArgs } from '../util/resource-args.ts';

export const SET_FLAGS: FlagSpecs = {
  all: { type: 'bool' },
  selector: { type: 'string', short: 'l' },
  filename: { type: 'strings', short: 'f' },
  'dry-run': { type: 'string' },
  output: { type: 'string', short: 'o' },
  local: { type: 'bool' },
};

/** Runs `kubectl set <sub>`. */
export async function set(env: KubectlEnv): Promise<number> {
  const [sub, ...args] = env.flags.args;
  if (sub !== 'image') throw new KubectlExit(`petlab: 'kubectl set${sub ? ` ${sub}` : ''}' is not available in this lab\n`);
  const pairs = args.filter((a) => a.includes('='));
  const resources = args.filter((a) => !a.includes('='));
  if (pairs.length === 0) throw fail('at least one image update is required');
  if (resources.length === 0) throw fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  let status = 0;
  for (const req of parseResourceArgs(resources)) {
    for (const name of req.names ?? []) {
      try {
        const obj = env.store.get(req.info, req.info.namespaced ? env.namespace : undefined, name) as KubeObject & Json;
        const podSpec: Json = req.info.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
        if (!podSpec) throw fail(`${req.info.kind} has no pod template`);
        const containers = [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])] as Json[];
        for (const key of images.keys()) {
          if (key !== '*' && !containers.some((c) => c.name === key)) throw fail(`unable to find container named "${key}"`);
        }
        const path = req.info.kind === 'Pod' ? '/spec' : '/spec/template/spec';
        const ops: unknown[] = [];
        for (const field of ['initContainers', 'containers']) {
          ((podSpec[field] ?? []) as Json[]).forEach((c, i) => {
            const image = images.get(c.name) ?? images.get('*');
            if (image !== undefined && image !== c.image) ops.push({ op: 'replace', path: `${path}/${field}/${i}/image`, value: image });
          });
        }
        if (ops.length > 0) env.store.patch(req.info, obj.metadata.namespace, name, 'json', ops);
        env.out(`${kindSlashName(req.info, name)} image updated\n`);
      } catch (e) {
        env.err(errorText(e));
        status = 1;
      }
    }
  }
  return status;
}
