/**
 * The event recorder: writes `core/v1` Event objects like client-go's recorder (name
 * `<object>.<UnixNano hex>`, aggregation of repeats into `count`/`lastTimestamp`) and mirrors each one
 * into the world's event log for the lab timeline. `decision()` logs a controller's reasoning in
 * plain words (world log only; Kubernetes keeps those in its logs, not as Events).
 */
import type { ApiStore } from '../api/store.ts';
import { rfc3339 } from '../api/meta.ts';
import { hexId } from '../api/ids.ts';
import type { KubeEvent, KubeObject } from '../api/types.ts';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private readonly store: ApiStore;
  private readonly seen = new Map<string, string>();
  private readonly lastDecision = new Map<string, string>();

  constructor(store: ApiStore) {
    this.store = store;
  }

  /** Records an Event about `obj`. Never throws (a failed event write is dropped, as in client-go). */
  event(source: EventSource, obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const world = this.store.world;
    const ns = obj.metadata.namespace ?? 'default';
    const name = String(obj.metadata.name);
    const subject = `${obj.kind.toLowerCase()}/${obj.metadata.namespace ? `${ns}/` : ''}${name}`;
    world.events.record({ source: `kube/${source.component}`, type: `k8s.${reason}`, subject, message, data: { reason, type, kind: obj.kind, name, namespace: obj.metadata.namespace } });
    const now = rfc3339(world.now());
    const aggKey = `${source.component}\u0000${source.host ?? ''}\u0000${obj.kind}\u0000${ns}\u0000${name}\u0000${obj.metadata.uid}\u0000${reason}\u0000${message}\u0000${type}\u0000${fieldPath ?? ''}`;
    try {
      const existingName = this.seen.get(aggKey);
      const existing = existingName ? (this.store.tryGet('events', ns, existingName) as KubeEvent | undefined) : undefined;
      if (existing) {
        this.store.patch('events', ns, existingName!, 'merge', { count: existing.count + 1, lastTimestamp: now });
        return;
      }
      const ev: KubeEvent = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${name}.${this.eventSuffix(world.now(), hexId(world.rng, 16))}`, namespace: ns },
        involvedObject: {
          apiVersion: obj.apiVersion,
          kind: obj.kind,
          name,
          namespace: obj.metadata.namespace,
          uid: obj.metadata.uid,
          resourceVersion: obj.metadata.resourceVersion,
          ...(fieldPath ? { fieldPath } : {}),
        },
        reason,
        message,
        type,
        source: { ...source },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      };
      if (!ev.involvedObject.namespace) delete ev.involvedObject.namespace;
      const created = this.store.create(ev, { adopt: true });
      this.seen.set(aggKey, String(created.metadata.name));
    } catch {
      /* events are best effort */
    }
  }

  private lastNano = -1n;

  /**
   * client-go names events `<object>.<UnixNano in hex>` (record/event.go makeEvent), so names sort
   * in time order within an object — the order `kubectl get events` lists them (the API server
   * lists by name). The sub-millisecond part comes from the seeded random hex (drawn for every
   * event, which keeps later UIDs stable); names stay strictly increasing within a recorder.
   */
  private eventSuffix(ms: number, random: string): string {
    const jitter = BigInt(parseInt(random.slice(0, 5), 16) % 1000);
    let nano = BigInt(ms) * 1_000_000n + jitter * 1000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    return nano.toString(16);
  }

  /** Logs a controller decision in plain words to the world's event log (the lab timeline). */
  decision(component: string, subject: string, message: string, data?: Record<string, unknown>): void {
    // Controllers re-decide on every sync; the timeline only needs each change of mind.
    if (this.lastDecision.get(subject) === message) return;
    this.lastDecision.set(subject, message);
    this.store.world.events.record({ source: `kube/${component}`, type: 'decision', subject, message, data });
  }
}
