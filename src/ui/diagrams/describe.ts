/**
 * The live view's text alternative: the same facts as the diagram, in sentences, for screen
 * readers and for anyone who prefers reading.
 */
import type { ClaimView, KubeView, PodView, VolumeView } from './kube-view.ts';
import type { DockerNetworkView, NetnsView } from './net-view.ts';

export interface LiveViewModel {
  readonly kube?: KubeView;
  readonly docker: readonly DockerNetworkView[];
  readonly netns: readonly NetnsView[];
}

function pod(p: PodView): string {
  const state = p.state === 'ready' ? 'Running and Ready' : p.state === 'running' ? 'Running, not Ready' : p.status;
  return `${p.name} ${state}${p.node ? ` on ${p.node}` : ''}${p.ip ? ` (${p.ip})` : ''}`;
}

/** "1Gi, RWO, standard, Delete, on petlab-worker": what is known of a claim or volume. */
function facts(items: readonly (string | undefined)[]): string {
  const known = items.filter((i): i is string => i !== undefined && i !== '');
  return known.length > 0 ? ` (${known.join(', ')})` : '';
}

function claim(c: ClaimView): string {
  const bound = c.volume ? ` to volume ${c.volume}` : '';
  return `PersistentVolumeClaim ${c.name}${facts([c.request, ...c.modes])} is ${c.phase}${bound}; mounted by ${list(c.mountedBy, 'no pod')}.`;
}

function volume(v: VolumeView): string {
  const head = `PersistentVolume ${v.name}${facts([v.capacity, ...v.modes, v.storageClass, v.reclaimPolicy, v.node && `on ${v.node}`])} is ${v.phase}`;
  if (v.phase === 'Released' && v.claim) return `${head}: its claim ${v.claim} is gone.`;
  return `${head}${v.claim ? ` to claim ${v.claim}` : ''}.`;
}

/**
 * "web-0 mounts claim www-web-0 (bound to pvc-…)": one pod's use of one claim, with what the
 * claim is now (bound to its volume, Pending, Lost, or not found: the pod then waits).
 */
export function mountSentence(pod: string, claimName: string, claims: readonly ClaimView[]): string {
  const c = claims.find((x) => x.name === claimName);
  const state = !c ? 'not found' : c.phase === 'Bound' && c.volume ? `bound to ${c.volume}` : c.phase === 'Pending' ? 'Pending, not bound yet' : c.phase;
  return `${pod} mounts claim ${claimName} (${state})`;
}

const list = (items: readonly string[], none: string) => (items.length > 0 ? items.join(', ') : none);

/** One sentence per thing drawn, in drawing order. */
export function describeModel(model: LiveViewModel): string[] {
  const out: string[] = [];
  const k = model.kube;
  if (k) {
    for (const n of k.nodes) {
      out.push(`Node ${n.name} is ${n.ready ? 'Ready' : 'NotReady'}${n.unschedulable ? ' and cordoned' : ''}; pods: ${list(n.pods, 'none')}.`);
    }
    for (const g of k.groups) {
      const wanted = g.replicas !== undefined ? ` (${g.replicas} wanted)` : '';
      out.push(`${g.kind} ${g.name}${wanted}: ${list(g.pods.map(pod), 'no pods')}.`);
      for (const p of g.pods) for (const c of p.claims) out.push(`${mountSentence(p.name, c, k.claims)}.`);
    }
    for (const c of k.claims) out.push(claim(c));
    for (const v of k.volumes) out.push(volume(v));
    for (const s of k.services) {
      const ip = s.clusterIP === 'None' ? 'headless' : `${s.type} ${s.clusterIP}`;
      out.push(`Service ${s.name} (${ip}): endpoints ${list(s.endpoints.map((e) => `${e.name} ${e.ip}${e.ready ? '' : ' not ready'}`), 'none')}.`);
    }
  }
  for (const n of model.docker) {
    const where = [n.driver, n.subnet].filter(Boolean).join(' ');
    out.push(`Docker network ${n.name} (${where}): ${list(n.containers.map((c) => `${c.name}${c.ip ? ` ${c.ip}` : ''}${c.running ? '' : ' (stopped)'}`), 'no containers')}.`);
  }
  for (const ns of model.netns) {
    const links = ns.links.map((l) => {
      const addr = l.addresses.length > 0 ? ` ${l.addresses.join(' ')}` : '';
      const peer = l.peer ? `, cable to ${l.peer.name} in ${l.peer.netns}` : '';
      const master = l.master ? `, port of ${l.master}` : '';
      return `${l.name} ${l.up ? 'up' : 'down'}${addr}${peer}${master}`;
    });
    out.push(`Network namespace ${ns.name}: ${list(links, 'no interfaces')}.`);
  }
  if (out.length === 0) out.push('Nothing to draw yet: no pods, containers or network namespaces.');
  return out;
}
