/**
 * The world's event log: what happened, when, and why. Diagrams, the lab timeline and lab checks
 * about process ("web-1 was created only after web-0 was Ready") read it. It is not Kubernetes'
 * Event kind (kube/ keeps those as API objects) but every subsystem writes here too.
 */

export interface WorldEvent {
  /** Sequence number, increasing from 1. */
  readonly seq: number;
  /** Virtual time in ms since the epoch. */
  readonly at: number;
  /** Which part of the world acted: 'linux', 'docker', 'kube/statefulset-controller', 'shell'… */
  readonly source: string;
  /** A stable machine-readable verb: 'namespace.created', 'pod.created', 'pod.ready', 'decision'… */
  readonly type: string;
  /** What it happened to, e.g. 'pod/default/web-1', 'netns/blue', 'process/42'. */
  readonly subject: string;
  /** Plain words for the timeline, e.g. "web-1 waits: web-0 is not Ready yet". */
  readonly message: string;
  /** Extra structured facts for checks. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export type EventInput = Omit<WorldEvent, 'seq' | 'at'>;
export type EventListener = (event: WorldEvent) => void;

/** Append-only, bounded (oldest entries are dropped past `capacity`). */
export class EventLog {
  private entries: WorldEvent[] = [];
  private listeners = new Set<EventListener>();
  private seq = 0;

  private readonly now: () => number;
  private readonly capacity: number;

  constructor(now: () => number, capacity = 50_000) {
    this.now = now;
    this.capacity = capacity;
  }

  record(input: EventInput): WorldEvent {
    const event: WorldEvent = { ...input, seq: ++this.seq, at: this.now() };
    this.entries.push(event);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Events in order, optionally only those matching `filter`. */
  list(filter?: (event: WorldEvent) => boolean): readonly WorldEvent[] {
    return filter ? this.entries.filter(filter) : this.entries;
  }

  /** Calls `listener` for every later event; returns a function that stops it. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
