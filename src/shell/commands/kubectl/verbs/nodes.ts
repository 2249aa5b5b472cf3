/**
 * `kubectl cordon|uncordon|drain` (kubectl `pkg/cmd/drain`): mark a node unschedulable, then
 * evict its pods — refusing DaemonSet-managed, unmanaged and emptyDir pods unless told
 * otherwise — and wait for them to go.
 */
import type { KubeObject } from '../../../../emulator/kube/api/index.ts';
import type { KubectlEnv } from '../env.ts';
import { errorText, KubectlExit } from '../errors.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { waitFor } from '../util/wait.ts';
import { parseDuration } from './get.ts';

export const NODE_FLAGS: FlagSpecs = {
  selector: { type: 'string', short: 'l' },
  'dry-run': { type: 'string' },
  force: { type: 'bool' },
  'ignore-daemonsets': { type: 'bool' },
  'delete-emptydir-data': { type: 'bool' },
  'delete-local-data': { type: 'bool' },
  'grace-period': { type: 'int', default: -1 },
  timeout: { type: 'string' },
  'disable-eviction': { type: 'bool' },
  'skip-wait-for-delete-timeout': { type: 'int' },
  'pod-selector': { type: 'string' },
  'chunk-size': { type: 'int' },
};

function nodesOf(env: KubectlEnv, verb: string): KubeObject[] {
  const f = env.flags;
  if (f.args.length === 0 && !f.str('selector')) throw new KubectlExit(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`);
  if (f.str('selector')) return env.store.list('nodes', { labelSelector: f.str('selector') }).items;
  return f.args.map((n) => env.store.get('nodes', undefined, n));
}

function setUnschedulable(env: KubectlEnv, node: KubeObject, value: boolean): string {
  const name = node.metadata.name!;
  const already = Boolean((node.spec as Json)?.unschedulable) === value;
  if (already) return `node/${name} already ${value ? 'cordoned' : 'uncordoned'}\n`;
  env.store.patch('nodes', undefined, name, 'merge', { spec: { unschedulable: value ? true : null } });
  return `node/${name} ${value ? 'cordoned' : 'uncordoned'}\n`;
}

/** Runs `kubectl cordon` / `uncordon`. */
export async function cordon(env: KubectlEnv, value: boolean): Promise<number> {
  for (const node of nodesOf(env, value ? 'cordon' : 'uncordon')) env.out(setUnschedulable(env, node, value));
  return 0;
}

function controllerKind(pod: Json): string | undefined {
  return ((pod.metadata?.ownerReferences ?? []) as Json[]).find((r) => r.controller)?.kind;
}

/** Runs `kubectl drain`. */
export async function drain(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  let status = 0;
  for (const node of nodesOf(env, 'drain')) {
    const name = node.metadata.name!;
    env.out(setUnschedulable(env, node, true));
    const pods = env.store
      .list('pods', { fieldSelector: `spec.nodeName=${name}` })
      .items.filter((p) => !p.metadata.annotations?.['kubernetes.io/config.mirror'])
      .filter((p) => (p.status as Json)?.phase !== 'Succeeded' && (p.status as Json)?.phase !== 'Failed');
    const key = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;
    const daemon = pods.filter((p) => controllerKind(p) === 'DaemonSet');
    const unmanaged = pods.filter((p) => !controllerKind(p));
    const local = pods.filter((p) => controllerKind(p) !== 'DaemonSet' && ((p.spec as Json)?.volumes ?? []).some((v: Json) => v.emptyDir));
    const problems: string[] = [];
    if (daemon.length && !f.bool('ignore-daemonsets')) problems.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map(key).join(', ')}`);
    if (unmanaged.length && !f.bool('force')) problems.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map(key).join(', ')}`);
    if (local.length && !f.bool('delete-emptydir-data') && !f.bool('delete-local-data')) {
      problems.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.map(key).join(', ')}`);
    }
    if (problems.length) {
      env.err(`error: unable to drain node "${name}" due to error: ${problems.join(', ')}, continuing command...\n`);
      env.err(`There are pending nodes to be drained:\n ${name}\n`);
      for (const p of problems) env.err(`${p}\n`);
      status = 1;
      continue;
    }
    const warnings: string[] = [];
    if (daemon.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.map(key).join(', ')}`);
    if (unmanaged.length) warnings.push(`deleting Pods that declare no controller: ${unmanaged.map(key).join(', ')}`);
    if (warnings.length) env.err(`Warning: ${warnings.join('; ')}\n`);
    const evict = pods.filter((p) => controllerKind(p) !== 'DaemonSet');
    const grace = f.int('grace-period') ?? -1;
    for (const p of evict) {
      env.out(`evicting pod ${key(p)}\n`);
      try {
        env.store.delete('pods', p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: grace >= 0 ? grace : undefined });
      } catch (e) {
        env.err(errorText(e));
      }
    }
    const pending = new Map(evict.map((p) => [p.metadata.uid!, p]));
    const timeout = f.str('timeout');
    const ms = timeout ? parseDuration(timeout) : undefined;
    const result = await waitFor(
      env,
      ['pods'],
      () => {
        for (const [uid, p] of pending) {
          const now = env.store.tryGet('pods', p.metadata.namespace, p.metadata.name!);
          if (!now || now.metadata.uid !== uid) {
            env.out(`pod/${p.metadata.name} evicted\n`);
            pending.delete(uid);
          }
        }
        return pending.size === 0;
      },
      ms,
    );
    if (result === 'interrupted') return 130;
    if (result === 'timeout') {
      env.err(`error: unable to drain node "${name}" due to error: global timeout reached: ${timeout}, continuing command...\nThere are pending nodes to be drained:\n ${name}\nerror: global timeout reached: ${timeout}\n`);
      status = 1;
      continue;
    }
    env.out(`node/${name} drained\n`);
  }
  if (status !== 0) return status;
  return 0;
}
