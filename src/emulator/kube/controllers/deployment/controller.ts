/**
 * The Deployment controller (upstream `pkg/controller/deployment`): finds or creates the new
 * ReplicaSet `<deployment>-<pod-template-hash>` for the current template (revision annotation =
 * highest + 1), then rolls out — Recreate (old to 0, wait, new up) or RollingUpdate within
 * maxSurge/maxUnavailable — and reports status and the Available/Progressing conditions. A paused
 * Deployment only scales. Events: `Scaled up replica set web-7d4c8b5b5f from 0 to 3`.
 */
import type { ApiStore } from '../../api/store.ts';
import { controllerRef, isTerminating, keyOf, newControllerRef, rfc3339 } from '../../api/meta.ts';
import type { Deployment, Pod, ReplicaSet } from '../../api/types.ts';
import { OwnerIndex } from '../owner-index.ts';
import { WorkQueue } from '../queue.ts';
import type { EventRecorder } from '../recorder.ts';
import { isActive } from '../replicaset/controller.ts';
import { clone } from './owner.ts';
import { DESIRED_REPLICAS, equalTemplate, HASH_LABEL, MAX_REPLICAS, replicaSetsOf, REVISION, revisionOf, surgeAndUnavailable, templateHash } from './util.ts';

const SOURCE = { component: 'deployment-controller' };

export class DeploymentController {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;
  /** Pods by controller (informer index): status counts do not scan the namespace. */
  private readonly pods: OwnerIndex;

  constructor(store: ApiStore, recorder: EventRecorder) {
    this.store = store;
    this.recorder = recorder;
    this.pods = OwnerIndex.shared(store, 'pods');
    this.queue = new WorkQueue(store.world, 'deployment', (k) => this.sync(k));
    store.watch('deployments', {}, (e) => this.queue.add(keyOf(e.object)));
    store.watch('replicasets', {}, (e) => {
      const ref = controllerRef(e.object);
      if (ref?.kind === 'Deployment') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
    });
    store.watch('pods', {}, (e) => {
      if (e.type !== 'DELETED') return;
      const ref = controllerRef(e.object);
      if (ref?.kind !== 'ReplicaSet') return;
      const rs = this.store.tryGet('replicasets', e.object.metadata.namespace, ref.name);
      const dref = rs && controllerRef(rs);
      if (dref?.kind === 'Deployment') this.queue.add(`${e.object.metadata.namespace}/${dref.name}`);
    });
  }

  /** Reconciles one Deployment. */
  sync(key: string): void {
    const [ns, name] = key.split('/');
    const d = this.store.tryGet('deployments', ns, name) as Deployment | undefined;
    if (!d || isTerminating(d)) return;
    const all = replicaSetsOf(this.store, d);
    let newRS = all.find((rs) => equalTemplate(rs.spec.template, d.spec.template));
    const old = all.filter((rs) => rs !== newRS);
    if (d.spec.paused) {
      if (newRS) this.scale(newRS, d.spec.replicas ?? 1, d);
      this.updateStatus(d, newRS, all);
      return;
    }
    if (!newRS) newRS = this.createNewRS(d, all);
    else this.ensureRevision(d, newRS, all);
    if (d.spec.strategy?.type === 'Recreate') this.recreate(d, newRS, old);
    else this.rollingUpdate(d, newRS, old);
    const fresh = replicaSetsOf(this.store, d);
    this.cleanup(d, fresh.filter((rs) => rs.metadata.uid !== newRS!.metadata.uid));
    this.updateStatus(d, fresh.find((rs) => rs.metadata.uid === newRS!.metadata.uid), fresh);
  }

  private createNewRS(d: Deployment, all: ReplicaSet[]): ReplicaSet {
    const hash = templateHash(d.spec.template, (d.status?.collisionCount as number | undefined) ?? 0);
    const template = clone(d.spec.template);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
    const revision = Math.max(0, ...all.map(revisionOf)) + 1;
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...(d.spec.template.metadata?.labels ?? {}), [HASH_LABEL]: hash },
        annotations: { [DESIRED_REPLICAS]: String(d.spec.replicas ?? 1), [MAX_REPLICAS]: String((d.spec.replicas ?? 1) + surgeAndUnavailable(d).surge), [REVISION]: String(revision) },
        ownerReferences: [newControllerRef(d)],
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec.minReadySeconds ?? 0,
        selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH_LABEL]: hash } },
        template,
      },
    };
    const created = this.store.create(rs) as ReplicaSet;
    this.setRevision(d, revision);
    return created;
  }

  private ensureRevision(d: Deployment, rs: ReplicaSet, all: ReplicaSet[]): void {
    const max = Math.max(0, ...all.map(revisionOf));
    let rev = revisionOf(rs);
    if (rev < max) {
      // A rollback to an older template: it becomes the newest revision.
      rev = max + 1;
      const next = clone(rs);
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [REVISION]: String(rev) };
      this.store.update(next, { system: true });
    }
    this.setRevision(d, rev);
  }

  private setRevision(d: Deployment, rev: number): void {
    const cur = this.store.get('deployments', d.metadata.namespace, String(d.metadata.name)) as Deployment;
    if (cur.metadata.annotations?.[REVISION] === String(rev)) return;
    const next = clone(cur);
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [REVISION]: String(rev) };
    this.store.update(next, { system: true });
  }

  private scale(rs: ReplicaSet, to: number, d: Deployment): void {
    const cur = this.store.tryGet('replicasets', rs.metadata.namespace, String(rs.metadata.name)) as ReplicaSet | undefined;
    if (!cur) return;
    const from = cur.spec.replicas ?? 0;
    const annotations = { ...(cur.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(d.spec.replicas ?? 1), [MAX_REPLICAS]: String((d.spec.replicas ?? 1) + surgeAndUnavailable(d).surge) };
    if (from === to && JSON.stringify(annotations) === JSON.stringify(cur.metadata.annotations)) return;
    const next = clone(cur);
    next.spec.replicas = to;
    next.metadata.annotations = annotations;
    this.store.update(next, { system: true });
    if (from !== to) this.recorder.event(SOURCE, d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`);
  }

  private podsOf(rs: ReplicaSet): Pod[] {
    // Callers only count: the index's order (not the list's name order) does not matter.
    const out: Pod[] = [];
    for (const p of this.pods.ownedBy(rs.metadata.uid).values()) if (p.metadata.namespace === rs.metadata.namespace) out.push(p as Pod);
    return out;
  }

  private recreate(d: Deployment, newRS: ReplicaSet, old: ReplicaSet[]): void {
    for (const rs of old) if ((rs.spec.replicas ?? 0) > 0) this.scale(rs, 0, d);
    if (old.some((rs) => this.podsOf(rs).length > 0)) return;
    this.scale(newRS, d.spec.replicas ?? 1, d);
  }

  private rollingUpdate(d: Deployment, newRS: ReplicaSet, old: ReplicaSet[]): void {
    const replicas = d.spec.replicas ?? 1;
    const { surge, unavailable } = surgeAndUnavailable(d);
    const fresh = (rs: ReplicaSet) => (this.store.tryGet('replicasets', rs.metadata.namespace, String(rs.metadata.name)) as ReplicaSet | undefined) ?? rs;
    const nrs = fresh(newRS);
    const olds = old.map(fresh);
    // Scale up the new ReplicaSet within maxSurge.
    const total = [nrs, ...olds].reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    const newReplicas = nrs.spec.replicas ?? 0;
    if (newReplicas < replicas) {
      const room = Math.max(0, replicas + surge - total);
      const to = Math.min(replicas, newReplicas + room);
      if (to > newReplicas) this.scale(nrs, to, d);
    } else if (newReplicas > replicas) this.scale(nrs, replicas, d);
    // Scale down old ReplicaSets within maxUnavailable.
    const oldTotal = olds.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    if (oldTotal === 0) return;
    const nrsNow = fresh(newRS);
    const allPods = [nrsNow, ...olds].reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    const minAvailable = replicas - unavailable;
    const newUnavailable = (nrsNow.spec.replicas ?? 0) - (nrsNow.status?.availableReplicas ?? 0);
    let canScaleDown = allPods - minAvailable - newUnavailable;
    // Old pods that are not available are removed first (cleanupUnhealthyReplicas).
    for (const rs of olds) {
      if (canScaleDown <= 0) break;
      const unhealthy = (rs.spec.replicas ?? 0) - (rs.status?.availableReplicas ?? 0);
      const n = Math.min(unhealthy, canScaleDown, rs.spec.replicas ?? 0);
      if (n > 0) {
        this.scale(rs, (rs.spec.replicas ?? 0) - n, d);
        canScaleDown -= n;
      }
    }
    const availableAll = [nrsNow, ...olds.map(fresh)].reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
    let room = availableAll - minAvailable;
    for (const rs of olds.map(fresh).sort((a, b) => revisionOf(a) - revisionOf(b))) {
      if (room <= 0) break;
      const n = Math.min(rs.spec.replicas ?? 0, room);
      if (n > 0) {
        this.scale(rs, (rs.spec.replicas ?? 0) - n, d);
        room -= n;
      }
    }
  }

  private cleanup(d: Deployment, old: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = old.filter((rs) => (rs.spec.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0).sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      try {
        this.store.delete('replicasets', rs.metadata.namespace, String(rs.metadata.name));
      } catch {
        /* gone */
      }
    }
  }

  private updateStatus(d: Deployment, newRS: ReplicaSet | undefined, all: ReplicaSet[]): void {
    const replicas = d.spec.replicas ?? 1;
    const sum = (f: (rs: ReplicaSet) => number) => all.reduce((n, rs) => n + f(rs), 0);
    const podCount = sum((rs) => this.podsOf(rs).filter(isActive).length);
    const available = sum((rs) => rs.status?.availableReplicas ?? 0);
    const status: NonNullable<Deployment['status']> = {
      observedGeneration: d.metadata.generation,
      replicas: podCount,
      updatedReplicas: newRS ? this.podsOf(newRS).filter(isActive).length : 0,
      readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, replicas - available),
    };
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) if (!status[k]) delete status[k];
    const now = rfc3339(this.store.world.now());
    const prev = d.status?.conditions ?? [];
    const { unavailable } = surgeAndUnavailable(d);
    const availableOk = available >= replicas - unavailable;
    const cond = (type: string, st: string, reason: string, message: string) => {
      const p = prev.find((c) => c.type === type);
      const same = p && p.status === st;
      return { type, status: st, lastUpdateTime: same && p.reason === reason ? p.lastUpdateTime : now, lastTransitionTime: same ? p.lastTransitionTime : now, reason, message };
    };
    const complete = newRS && (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas && available >= replicas;
    // No progress for progressDeadlineSeconds: Progressing=False (kubectl rollout status then fails).
    const deadline = (d.spec.progressDeadlineSeconds ?? 600) * 1000;
    const prevProgress = prev.find((c) => c.type === 'Progressing');
    const since = prevProgress?.lastUpdateTime ? Date.parse(prevProgress.lastUpdateTime) : this.store.world.now();
    const timedOut = !complete && !d.spec.paused && prevProgress !== undefined && (prevProgress.reason === 'ProgressDeadlineExceeded' || (prevProgress.reason === 'ReplicaSetUpdated' && this.store.world.now() - since >= deadline));
    const progressing = d.spec.paused
      ? cond('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused')
      : complete
        ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS!.metadata.name}" has successfully progressed.`)
        : timedOut
          ? cond('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${newRS?.metadata.name}" has timed out progressing.`)
          : cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS?.metadata.name}" is progressing.`);
    if (!complete && !d.spec.paused && !timedOut) this.queue.addAfter(keyOf(d), Math.max(1000, deadline - (this.store.world.now() - since)), true);
    status.conditions = [
      availableOk ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.') : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
      progressing,
    ];
    const cur = this.store.tryGet('deployments', d.metadata.namespace, String(d.metadata.name)) as Deployment | undefined;
    if (!cur || JSON.stringify(cur.status) === JSON.stringify(status)) return;
    const next = clone(cur);
    next.status = status;
    this.store.updateStatus(next);
  }
}
