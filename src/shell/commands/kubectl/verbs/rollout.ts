/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for Deployments and StatefulSets,
 * with the status texts of kubectl `pkg/polymorphichelpers/rollout_status.go` and the history
 * table of `history.go`.
 */
import type { KubeObject, ResourceInfo } from '../../../../emulator/kube/api/index.ts';
import { kindSlashName, type KubectlEnv } from '../env.ts';
import { errorText, fail, KubectlExit } from '../errors.ts';
import { describeTabs } from '../printers/go-tabwriter.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { parseResourceArgs } from '../util/resource-args.ts';
import { waitFor } from '../util/wait.ts';
import { parseDuration } from './get.ts';

export const ROLLOUT_FLAGS: FlagSpecs = {
  watch: { type: 'bool', short: 'w', default: true },
  timeout: { type: 'string' },
  revision: { type: 'int', default: 0 },
  'to-revision': { type: 'int', default: 0 },
  filename: { type: 'strings', short: 'f' },
  selector: { type: 'string', short: 'l' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'string' },
};

/** One status step: the message kubectl prints, whether the rollout is done, or an error. */
export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: Json): RolloutStatus {
  const spec = sts.spec ?? {};
  const st = sts.status ?? {};
  const strategy = spec.updateStrategy ?? { type: 'RollingUpdate' };
  if (strategy.type !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  if (!st.observedGeneration || (sts.metadata.generation ?? 0) > st.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = spec.replicas ?? 1;
  if ((st.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (partition !== undefined && (st.updatedReplicas ?? 0) < replicas - partition) {
      return {
        message: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: Json): RolloutStatus {
  const st = d.status ?? {};
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = ((st.conditions ?? []) as Json[]).find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: true, error: `deployment "${name}" exceeded its progress deadline` };
    const replicas = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((st.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((st.availableReplicas ?? 0) < updated) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

function statusOf(info: ResourceInfo, obj: Json): RolloutStatus {
  if (info.kind === 'StatefulSet') return statefulSetStatus(obj);
  if (info.kind === 'Deployment') return deploymentStatus(obj);
  throw fail(`no status viewer has been implemented for ${info.kind}`);
}

function oneTarget(env: KubectlEnv, args: string[]): { info: ResourceInfo; obj: KubeObject } {
  if (args.length === 0) {
    throw new KubectlExit(
      "error: required resource not specified\n",
    );
  }
  const [req] = parseResourceArgs(args);
  if (!req.names || req.names.length === 0) throw fail('resource(s) were provided, but no name was specified');
  return { info: req.info, obj: env.store.get(req.info, req.info.namespaced ? env.namespace : undefined, req.names[0]) };
}

interface Revision {
  revision: number;
  cause: string;
  template: Json;
}

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function historyOf(env: KubectlEnv, info: ResourceInfo, obj: KubeObject): Revision[] {
  const ns = obj.metadata.namespace;
  const ownedBy = (o: KubeObject) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === obj.metadata.uid);
  if (info.kind === 'StatefulSet') {
    return env.store
      .list('controllerrevisions', { namespace: ns })
      .items.filter(ownedBy)
      .map((r) => {
        const template = { ...((r as Json).data?.spec?.template ?? {}) };
        delete template.$patch;
        return { revision: Number((r as Json).revision ?? 0), cause: r.metadata.annotations?.[CHANGE_CAUSE] ?? '', template };
      })
      .sort((a, b) => a.revision - b.revision);
  }
  if (info.kind === 'Deployment') {
    return env.store
      .list('replicasets', { namespace: ns })
      .items.filter(ownedBy)
      .map((rs) => {
        const template = JSON.parse(JSON.stringify((rs.spec as Json)?.template ?? {}));
        if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
        return { revision: Number(rs.metadata.annotations?.[REVISION] ?? 0), cause: rs.metadata.annotations?.[CHANGE_CAUSE] ?? '', template };
      })
      .sort((a, b) => a.revision - b.revision);
  }
  throw fail(`no history viewer has been implemented for ${info.kind}`);
}

/** Runs `kubectl rollout <sub>`. */
export async function rollout(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const [sub, ...args] = f.args;
  if (!sub) throw new KubectlExit("error: Required resource not specified.\nSee 'kubectl rollout -h' for help and examples\n");
  const { info, obj } = oneTarget(env, args);
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name!;
  const label = kindSlashName(info, name);
  switch (sub) {
    case 'status': {
      const timeout = f.str('timeout');
      const ms = timeout ? parseDuration(timeout) : undefined;
      let last = statusOf(info, obj);
      if (last.error) throw fail(last.error);
      env.out(last.message);
      if (last.done || !f.bool('watch')) return 0;
      const result = await waitFor(
        env,
        [info.plural],
        (event) => {
          // kubectl prints the status on every watch event of the object, repeats included.
          if (!event) return false;
          if (event.object.metadata.name !== name || event.object.metadata.namespace !== ns) return false;
          const now = env.store.tryGet(info, ns, name);
          if (!now) return true;
          const next = statusOf(info, now);
          if (next.message !== '') env.out(next.message);
          last = next;
          return next.done || next.error !== undefined;
        },
        ms,
      );
      if (result === 'timeout') throw fail('timed out waiting for the condition');
      if (result === 'interrupted') return 130;
      if (last.error) throw fail(last.error);
      return 0;
    }
    case 'history': {
      const history = historyOf(env, info, obj);
      const wanted = f.int('revision') ?? 0;
      if (wanted > 0) {
        const r = history.find((h) => h.revision === wanted);
        if (!r) throw fail(`unable to find the specified revision`);
        env.out(`${label} with revision #${wanted}\n`);
        env.out(JSON.stringify(r.template, null, 2) + '\n');
        return 0;
      }
      let table = 'REVISION\tCHANGE-CAUSE\n';
      for (const h of history) table += `${h.revision}\t${h.cause || '<none>'}\n`;
      env.out(`${label} \n${describeTabs(table)}\n`);
      return 0;
    }
    case 'undo': {
      const history = historyOf(env, info, obj);
      const to = f.int('to-revision') ?? 0;
      const current = history[history.length - 1];
      const target = to > 0 ? history.find((h) => h.revision === to) : history[history.length - 2];
      if (!target) {
        throw fail(to > 0 ? `unable to find specified revision ${to} in history` : `no rollout history found for ${info.singular} "${name}"`);
      }
      const template = (obj.spec as Json).template;
      if (current && JSON.stringify(stripHash(template)) === JSON.stringify(target.template) && to > 0) {
        env.out(`${label} skipped rollback (current template already matches revision ${target.revision})\n`);
        return 0;
      }
      env.store.patch(info, ns, name, 'json', [{ op: 'replace', path: '/spec/template', value: target.template }]);
      env.out(`${label} rolled back\n`);
      return 0;
    }
    case 'restart': {
      if ((obj.spec as Json)?.paused) throw fail(`can't restart paused ${info.singular} (run rollout resume first)`);
      const at = new Date(env.now()).toISOString().replace(/\.\d+Z$/, 'Z');
      env.store.patch(info, ns, name, 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } });
      env.out(`${label} restarted\n`);
      return 0;
    }
    case 'pause':
    case 'resume': {
      const plural = info.group ? `${info.plural}.${info.group}` : info.plural;
      if (info.kind !== 'Deployment') throw fail(`${plural} "${name}" ${sub === 'pause' ? 'pausing' : 'resuming'} is not supported`);
      const paused = Boolean((obj.spec as Json)?.paused);
      if (sub === 'pause' && paused) throw fail(`${plural} "${name}" is already paused`);
      if (sub === 'resume' && !paused) throw fail(`${plural} "${name}" is not paused`);
      try {
        env.store.patch(info, ns, name, 'merge', { spec: { paused: sub === 'pause' ? true : null } });
      } catch (e) {
        throw new KubectlExit(errorText(e));
      }
      env.out(`${label} ${sub === 'pause' ? 'paused' : 'resumed'}\n`);
      return 0;
    }
  }
  throw fail(`unknown command "${sub}" for "kubectl rollout"`);
}

function stripHash(template: Json): Json {
  const t = JSON.parse(JSON.stringify(template ?? {}));
  if (t.metadata?.labels) delete t.metadata.labels['pod-template-hash'];
  return t;
}
