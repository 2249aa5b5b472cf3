/**
 * The store's watch side: who watches which kind (namespace, label and field selectors), and the
 * delivery of each committed change as a queued job, after the write like a real informer. An
 * object that stops matching a watcher's selectors reaches it as DELETED, one that starts
 * matching as ADDED (the API server's filtered watch).
 */
import type { World } from '../../world.ts';
import type { ResourceInfo } from './resources.ts';
import { EVERYTHING, fromLabelSelector, matches, matchesFields, parseFieldSelector, parseLabelSelector, type FieldRequirement, type Selector } from './selectors.ts';
import type { ListOptions, WatchEvent } from './store-types.ts';
import type { KubeObject, LabelSelector } from './types.ts';

interface Watcher {
  namespace?: string;
  selector: Selector;
  fields: FieldRequirement[];
  handler: (e: WatchEvent) => void;
  stopped: boolean;
}

interface WatcherList {
  all: Watcher[];
  /** No watcher filters by namespace, labels or fields. */
  unfiltered: boolean;
}

/** The watchers of every kind. Errors: BadRequest from a malformed field selector at `watch`. */
export class Watchers {
  private readonly world: World;
  /** Per plural, in registration order; each list is replaced (never changed) on watch/stop. */
  private readonly lists = new Map<string, WatcherList>();

  constructor(world: World) {
    this.world = world;
  }

  /** Adds a watcher of `info`'s kind; returns its stop function. */
  watch(info: ResourceInfo, options: ListOptions, handler: (e: WatchEvent) => void): () => void {
    const w: Watcher = {
      namespace: info.namespaced && options.namespace ? options.namespace : undefined,
      selector: toSelector(options.labelSelector),
      fields: options.fieldSelector ? parseFieldSelector(options.fieldSelector, info.kind, info.plural, info.apiVersion) : [],
      handler,
      stopped: false,
    };
    const plural = info.plural;
    this.set(plural, [...(this.lists.get(plural)?.all ?? []), w]);
    return () => {
      if (w.stopped) return;
      w.stopped = true;
      this.set(plural, (this.lists.get(plural)?.all ?? []).filter((x) => x !== w));
    };
  }

  private set(plural: string, all: Watcher[]): void {
    this.lists.set(plural, { all, unfiltered: all.every((w) => w.namespace === undefined && w.selector === EVERYTHING && w.fields.length === 0) });
  }

  /** Queues the delivery of a committed change to the kind's interested watchers. */
  deliver(info: ResourceInfo, event: WatchEvent): void {
    const list = this.lists.get(info.plural);
    if (!list || list.all.length === 0) return;
    // One queued job delivers to every interested watcher in registration order: the world's
    // queue is FIFO, so this runs the handlers exactly when one job per watcher would.
    if (list.unfiltered) {
      // Every watcher sees every object: each gets the event itself (the list is never changed).
      const all = list.all;
      this.world.enqueue(() => {
        for (let i = 0; i < all.length; i++) if (!all[i].stopped) all[i].handler(event);
      });
      return;
    }
    const targets: Watcher[] = [];
    const events: WatchEvent[] = [];
    for (let i = 0; i < list.all.length; i++) {
      const w = list.all[i];
      const now = event.type !== 'DELETED' && watcherMatches(w, event.object);
      const before = event.oldObject !== undefined && event.type !== 'ADDED' && watcherMatches(w, event.oldObject);
      let e: WatchEvent | undefined;
      if (event.type === 'DELETED') e = before || watcherMatches(w, event.object) ? event : undefined;
      else if (now && before) e = event;
      else if (now) e = { type: 'ADDED', object: event.object };
      else if (before) e = { type: 'DELETED', object: event.object, oldObject: event.oldObject };
      if (!e) continue;
      targets.push(w);
      events.push(e);
    }
    if (targets.length === 0) return;
    this.world.enqueue(() => {
      for (let i = 0; i < targets.length; i++) if (!targets[i].stopped) targets[i].handler(events[i]);
    });
  }
}

function watcherMatches(w: Watcher, obj: KubeObject): boolean {
  if (w.namespace !== undefined && obj.metadata.namespace !== w.namespace) return false;
  if (w.selector !== EVERYTHING && !matches(w.selector, obj.metadata.labels)) return false;
  return w.fields.length === 0 || matchesFields(w.fields, obj);
}

/** A list/watch label selector as a parsed Selector (BadRequest for a malformed string). */
export function toSelector(s: ListOptions['labelSelector']): Selector {
  if (s === undefined) return EVERYTHING;
  if (typeof s === 'string') return parseLabelSelector(s);
  if ('requirements' in s) return s as Selector;
  return fromLabelSelector(s as LabelSelector);
}
