/**
 * The event recorder: writes `core/v1` Event objects like client-go's recorder (name
 * `<object>.<UnixNano hex>`, aggregation of repeats into `count`/`lastTimestamp`) and mirrors each one
 * into the world's event log for the lab timeline. `decision()` logs a controller's reasoning in
 * plain words (world log only; Kubernetes keeps those in its logs, not as Events).
 */
import type { ApiStore } from '../api/store.ts';
import { rfc3339 } from '../api/meta.ts';
import { hexPrefixValue } from '../api/ids.ts';
import type { KubeEvent, KubeObject } from '../api/types.ts';

/** 2³² */
const WORD = 4294967296;

/** Kinds in lower case (`Pod` → `pod`), computed once per kind. */
const lowerKinds = new Map<string, string>();

function lowerKind(kind: string): string {
  let lower = lowerKinds.get(kind);
  if (lower === undefined) lowerKinds.set(kind, (lower = kind.toLowerCase()));
  return lower;
}

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
    const subject = `${lowerKind(obj.kind)}/${obj.metadata.namespace ? `${ns}/` : ''}${name}`;
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
        metadata: { name: `${name}.${this.eventSuffix(world.now(), hexPrefixValue(world.rng, 16, 5))}`, namespace: ns },
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

  /** The last name's UnixNano as two words: high (above 2³²) and low 32 bits. */
  private lastHigh = -1;
  private lastLow = 0;

  /**
   * client-go names events `<object>.<UnixNano in hex>` (record/event.go makeEvent), so names sort
   * in time order within an object — the order `kubectl get events` lists them (the API server
   * lists by name). The sub-millisecond part comes from the seeded random hex (16 digits drawn for
   * every event, which keeps later UIDs stable; the first 5 are used); names stay strictly
   * increasing within a recorder. UnixNano exceeds 2⁵³, so it is kept in two exact words.
   */
  private eventSuffix(ms: number, random: number): string {
    if (!Number.isSafeInteger(ms) || ms < 0) return this.eventSuffixBig(ms, random);
    const hi = Math.floor(ms / WORD);
    // lo·10⁶ + jitter·10³ < 2³²·10⁶ + 10⁶ < 2⁵³: exact.
    const low = (ms - hi * WORD) * 1_000_000 + (random % 1000) * 1000;
    const carry = Math.floor(low / WORD);
    let high = hi * 1_000_000 + carry;
    let lowWord = low - carry * WORD;
    if (high < this.lastHigh || (high === this.lastHigh && lowWord <= this.lastLow)) {
      high = this.lastHigh;
      lowWord = this.lastLow + 1;
      if (lowWord === WORD) {
        high++;
        lowWord = 0;
      }
    }
    this.lastHigh = high;
    this.lastLow = lowWord;
    return high === 0 ? lowWord.toString(16) : high.toString(16) + lowWord.toString(16).padStart(8, '0');
  }

  /** eventSuffix in BigInt, for times outside the safe integers (throws for a fractional `ms`, as before). */
  private eventSuffixBig(ms: number, random: number): string {
    const last = this.lastHigh < 0 ? -1n : (BigInt(this.lastHigh) << 32n) + BigInt(this.lastLow);
    let nano = BigInt(ms) * 1_000_000n + BigInt(random % 1000) * 1000n;
    if (nano <= last) nano = last + 1n;
    this.lastHigh = Number(nano >> 32n);
    this.lastLow = Number(nano & 0xffffffffn);
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
