/**
 * The EndpointSlice controller's incremental path. A full sync walks every pod a Service selects
 * and compares every slice (O(n)); after a settled sync only the pods that changed since need a
 * look. `ServiceTrack` remembers, per Service, what the last sync left behind (the slices, where
 * each endpoint sits, whether the slices list the endpoints in the members' order) and which pods
 * changed since; `applyDelta` then writes exactly what the full sync would write — the same slices
 * with the same contents in the same order — or says it cannot tell (pods left, a new slice is
 * needed, someone else touched the slices), and the caller runs the full sync.
 */
import type { ApiStore } from '../api/store.ts';
import type { KubeObject, Pod, Service } from '../api/types.ts';

/** An endpoint as the controller writes it (see endpointslice-controller.ts). */
export interface DeltaEndpoint {
  targetRef: { uid: string };
}

/** What the incremental path needs from the controller. */
export interface DeltaHost<E extends DeltaEndpoint> {
  readonly store: ApiStore;
  /** The endpoint of a member pod with an IP (the same object while the pod is unchanged). */
  endpointOf(pod: Pod, svc: Service): E;
  /** The content of an endpoint, for comparisons. */
  json(e: E): string;
  /** Slices in the order the controller created them. */
  byCreation(a: KubeObject, b: KubeObject): number;
  /** The last-change-trigger-time annotation for a write now. */
  lastChange(): string;
  /** maxEndpointsPerSlice */
  readonly maxPerSlice: number;
}

/** Per-Service state: the selected pods and what the last sync left in the slices. */
export class ServiceTrack {
  /** Pods the Service selects, by uid, in the order they became members. */
  readonly members = new Map<string, Pod>();
  /** Each member's position stamp (increasing along `members`' order). */
  readonly seq = new Map<string, number>();
  /** Members whose endpoint may have changed since the last sync. */
  readonly dirty = new Set<string>();
  /** Whether the next sync must be a full one (new track, failed or partial sync). */
  full = true;
  /** The Service object the last sync saw. */
  svc: Service | undefined;
  /** The managed slices by name, as the last sync left them. */
  slices = new Map<string, KubeObject>();
  /** Where each endpoint sits: slice name, index in it, and the member stamp it was placed with. */
  placed = new Map<string, { slice: string; index: number; seq: number }>();
  /** The slices (in creation order) list the endpoints in the members' order. */
  inOrder = false;
  /** The highest member stamp among placed endpoints. */
  maxPlacedSeq = -1;

  /** Records what a full sync left: `order` is the uids of the endpoints it wanted, in members' order. */
  record(svc: Service, slices: KubeObject[], order: string[], byCreation: (a: KubeObject, b: KubeObject) => number): void {
    this.svc = svc;
    this.slices = new Map(slices.map((s) => [String(s.metadata.name), s]));
    this.placed = new Map();
    this.maxPlacedSeq = -1;
    let i = 0;
    let inOrder = true;
    let known = true;
    for (const s of [...slices].sort(byCreation)) {
      const eps = (s.endpoints as DeltaEndpoint[] | null | undefined) ?? [];
      for (let index = 0; index < eps.length; index++) {
        const uid = eps[index].targetRef.uid;
        const seq = this.seq.get(uid);
        if (seq === undefined || this.placed.has(uid)) known = false;
        else {
          this.placed.set(uid, { slice: String(s.metadata.name), index, seq });
          if (seq > this.maxPlacedSeq) this.maxPlacedSeq = seq;
        }
        if (order[i++] !== uid) inOrder = false;
      }
    }
    this.inOrder = inOrder && i === order.length;
    this.full = !known;
    this.dirty.clear();
  }
}

/**
 * Brings the slices up to date from `track.dirty` alone. Returns false (having written nothing)
 * when the full sync is needed; true when the slices now hold what the full sync would have
 * written (possibly nothing).
 */
export function applyDelta<E extends DeltaEndpoint>(host: DeltaHost<E>, track: ServiceTrack, svc: Service, slices: KubeObject[]): boolean {
  if (track.full || track.svc !== svc || track.dirty.size === 0) return false;
  // Named target ports resolve against the pods: the full sync works them out.
  for (const p of svc.spec.ports ?? []) if (typeof p.targetPort === 'string') return false;
  if (slices.length !== track.slices.size || slices.length === 0) return false;
  for (const s of slices) if (track.slices.get(String(s.metadata.name)) !== s) return false;

  const edits = new Map<string, E[]>();
  const changed = new Set<string>();
  const additions: { uid: string; seq: number; ep: E }[] = [];
  for (const uid of track.dirty) {
    const pod = track.members.get(uid);
    const st = pod?.status;
    const eligible = pod !== undefined && !!st && !!st.podIP && st.phase !== 'Succeeded' && st.phase !== 'Failed';
    const at = track.placed.get(uid);
    if (at) {
      // A pod that left, or rejoined at a new place: the full sync re-plans.
      if (!eligible || track.seq.get(uid) !== at.seq) return false;
      const ep = host.endpointOf(pod, svc);
      let eps = edits.get(at.slice);
      if (!eps) edits.set(at.slice, (eps = [...((track.slices.get(at.slice)!.endpoints as E[] | null | undefined) ?? [])]));
      const j = at.index;
      if (eps[j]?.targetRef.uid !== uid) return false;
      if (eps[j] !== ep) {
        if (host.json(eps[j]) !== host.json(ep)) changed.add(at.slice);
        eps[j] = ep;
      }
    } else if (eligible) {
      additions.push({ uid, seq: track.seq.get(uid)!, ep: host.endpointOf(pod, svc) });
    }
  }
  const sorted = slices.length > 1 ? [...slices].sort(host.byCreation) : slices;
  let lastLength = 0;
  const last = sorted[sorted.length - 1];
  const lastName = String(last.metadata.name);
  if (additions.length) {
    // The full sync appends to the last slice only while every endpoint keeps its members'
    // order and the newcomers come after all placed ones and fit; otherwise it re-plans.
    additions.sort((a, b) => a.seq - b.seq);
    if (!track.inOrder || additions[0].seq <= track.maxPlacedSeq) return false;
    const lastEps = edits.get(lastName) ?? ((last.endpoints as E[] | null | undefined) ?? []);
    if (additions.length > host.maxPerSlice - lastEps.length) return false;
    lastLength = lastEps.length;
    edits.set(lastName, [...lastEps, ...additions.map((a) => a.ep)]);
    changed.add(lastName);
  }
  // Writes in creation order, as the full sync does; a failure leaves the next sync a full one.
  track.full = true;
  for (const sl of sorted) {
    const name = String(sl.metadata.name);
    if (!changed.has(name)) continue;
    const next: KubeObject = {
      ...sl,
      endpoints: edits.get(name),
      metadata: { ...sl.metadata, annotations: { ...(sl.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': host.lastChange() } },
    };
    track.slices.set(name, host.store.update(next, { system: true, adopt: true }));
  }
  for (const a of additions) {
    track.placed.set(a.uid, { slice: lastName, index: lastLength++, seq: a.seq });
    if (a.seq > track.maxPlacedSeq) track.maxPlacedSeq = a.seq;
  }
  track.full = false;
  track.dirty.clear();
  return true;
}
