/**
 * Draws the live view model as one SVG: boxes (nodes, workloads, claims, Services, Docker
 * networks, network namespaces) laid out in rows, each holding chips (pods, containers,
 * interfaces) coloured by state, and veth cables between the chips of two namespaces. Pure:
 * returns markup; every chip is keyboard-focusable with an accessible name.
 */
import type { LiveViewModel } from './describe.ts';
import type { ClaimView, KubeView, PodView, VolumeView } from './kube-view.ts';

interface Chip {
  key: string;
  label: string;
  sub?: string;
  cls: string;
  aria: string;
  data?: Record<string, string>;
  /** Where connectors attach (veth cables: `ns/link`; bindings: `pvc:name`, `pv:name`). */
  anchor?: string;
}

interface Box {
  title: string;
  cls: string;
  chips: Chip[];
}

interface Section {
  title: string;
  boxes: Box[];
}

const WIDTH = 720;
const CHIP_W = 150;
const CHIP_H = 34;
const GAP = 8;
const TITLE_H = 22;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function podChip(p: PodView): Chip {
  const words = p.state === 'ready' ? 'Running and Ready' : p.state === 'running' ? 'Running, not Ready' : p.status;
  return {
    key: `pod/${p.name}`,
    label: p.name,
    sub: [p.status, p.ip].filter(Boolean).join(' · '),
    cls: `state-${p.state}`,
    aria: `Pod ${p.name}: ${words}${p.node ? ` on ${p.node}` : ''}${p.ip ? `, IP ${p.ip}` : ''}${p.claims.length ? `, mounts ${p.claims.join(', ')}` : ''}`,
    data: { pod: p.name, state: p.state },
  };
}

const VOLUME_STATE: Record<string, string> = { Bound: 'state-ready', Available: 'state-neutral', Released: 'state-terminating', Failed: 'state-failed' };

function volumeChip(v: VolumeView): Chip {
  const where = v.node ? ` on ${v.node}` : '';
  const size = [v.capacity, ...v.modes].filter(Boolean).join(' ');
  return {
    key: `pv/${v.name}`,
    label: `PV ${v.name}`,
    // The chip has room for ~26 characters: the node says more than the size the claim shows.
    sub: [v.phase, v.node ?? v.capacity].filter(Boolean).join(' · '),
    cls: VOLUME_STATE[v.phase] ?? 'state-pending',
    aria: `PersistentVolume ${v.name}${size ? `, ${size}` : ''}${where}: ${v.phase}${v.claim ? `${v.phase === 'Released' ? ', was bound to' : ', bound to'} claim ${v.claim}` : ''}`,
    data: { volume: v.name, phase: v.phase },
    anchor: `pv:${v.name}`,
  };
}

function claimChip(c: ClaimView): Chip {
  return {
    key: `pvc/${c.name}`,
    label: c.phase,
    sub: [c.request, ...c.modes].filter(Boolean).join(' '),
    cls: c.phase === 'Bound' ? 'state-ready' : c.phase === 'Lost' ? 'state-failed' : 'state-pending',
    aria: `PersistentVolumeClaim ${c.name}: ${c.phase}${c.volume ? `, bound to volume ${c.volume}` : ''}`,
    data: { claim: c.name, phase: c.phase },
    anchor: `pvc:${c.name}`,
  };
}

/**
 * One box per claim: its status, the volume bound to it (a connector joins them) and the pods
 * that mount it; then the volumes no listed claim holds (Available, Released).
 */
function storageBoxes(k: KubeView): Box[] {
  const boxes: Box[] = k.claims.map((c) => {
    const volume = k.volumes.find((v) => v.name === c.volume);
    return {
      title: `PVC ${c.name}`,
      cls: 'claim',
      chips: [
        claimChip(c),
        ...(volume ? [volumeChip(volume)] : []),
        ...c.mountedBy.map((p) => ({ key: `pvc/${c.name}/${p}`, label: `mounted by ${p}`, cls: 'state-neutral', aria: `Claim ${c.name} is mounted by pod ${p}`, data: { 'mounted-by': p } })),
      ],
    };
  });
  const held = new Set(k.claims.map((c) => c.volume).filter(Boolean));
  const loose = k.volumes.filter((v) => !held.has(v.name));
  if (loose.length > 0) boxes.push({ title: 'Volumes without a claim', cls: 'claim', chips: loose.map(volumeChip) });
  return boxes;
}

/** The sections to draw, in order. */
export function sections(model: LiveViewModel): Section[] {
  const out: Section[] = [];
  const k = model.kube;
  if (k) {
    const groups = k.groups.filter((g) => g.pods.length > 0 || g.kind !== 'Pod');
    if (groups.length > 0) {
      out.push({
        title: 'Workloads',
        boxes: groups.map((g) => ({ title: `${g.kind} ${g.name}${g.replicas !== undefined ? ` (${g.pods.length}/${g.replicas})` : ''}`, cls: 'workload', chips: g.pods.map(podChip) })),
      });
    }
    out.push({
      title: 'Nodes',
      boxes: k.nodes.map((n) => ({
        title: `${n.name}${n.ready ? '' : ' (NotReady)'}${n.unschedulable ? ' (cordoned)' : ''}`,
        cls: n.ready ? 'node' : 'node node-down',
        chips: n.pods.map((name) => {
          const pod = k.groups.flatMap((g) => g.pods).find((p) => p.name === name);
          return { ...(pod ? podChip(pod) : { label: name, cls: 'state-pending', aria: name, data: {} }), key: `node/${n.name}/${name}`, sub: undefined };
        }),
      })),
    });
    const storage = storageBoxes(k);
    if (storage.length > 0) out.push({ title: 'Storage', boxes: storage });
    if (k.services.length > 0) {
      out.push({
        title: 'Services',
        boxes: k.services.map((s) => ({
          title: `Service ${s.name} ${s.clusterIP === 'None' ? '(headless)' : s.clusterIP}`,
          cls: 'service',
          chips: s.endpoints.map((e) => ({ key: `svc/${s.name}/${e.name}`, label: e.name, sub: e.ip, cls: e.ready ? 'state-ready' : 'state-running', aria: `Endpoint ${e.name} ${e.ip}${e.ready ? ' ready' : ' not ready'}`, data: { endpoint: e.name } })),
        })),
      });
    }
  }
  if (model.docker.length > 0) {
    out.push({
      title: 'Docker networks',
      boxes: model.docker.map((n) => ({
        title: `${n.name} · ${n.driver}${n.bridge ? ` ${n.bridge}` : ''}${n.subnet ? ` ${n.subnet}` : ''}`,
        cls: 'bridge',
        chips: n.containers.map((c) => ({ key: `ctr/${n.name}/${c.name}`, label: c.name, sub: c.ip, cls: c.running ? 'state-ready' : 'state-terminating', aria: `Container ${c.name}${c.ip ? ` ${c.ip}` : ''} on ${n.name}${c.running ? '' : ', stopped'}`, data: { container: c.name } })),
      })),
    });
  }
  if (model.netns.length > 0) {
    out.push({
      title: 'Network namespaces',
      boxes: model.netns.map((ns) => ({
        title: ns.name === 'host' ? 'host (initial namespace)' : `netns ${ns.name}`,
        cls: 'netns',
        chips: ns.links.map((l) => ({
          key: `link/${ns.name}/${l.name}`,
          label: `${l.name}${l.up ? '' : ' (down)'}`,
          sub: l.addresses[0],
          cls: l.up ? 'state-ready' : 'state-terminating',
          aria: `Interface ${l.name} in ${ns.name}, ${l.up ? 'up' : 'down'}${l.addresses.length ? `, ${l.addresses.join(' ')}` : ''}${l.peer ? `, cable to ${l.peer.name} in ${l.peer.netns}` : ''}`,
          data: { link: `${ns.name}/${l.name}`, ...(l.peer ? { peer: `${l.peer.netns}/${l.peer.name}` } : {}) },
          anchor: `${ns.name}/${l.name}`,
        })),
      })),
    });
  }
  return out;
}

/** The SVG markup of `model`, `width` user units wide, height as needed. */
export function renderSvg(model: LiveViewModel, titleId: string): string {
  const parts: string[] = [];
  const chipAt = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const section of sections(model)) {
    parts.push(`<text class="lv-section" x="0" y="${y + 16}">${esc(section.title)}</text>`);
    y += TITLE_H + 4;
    let x = 0;
    let rowH = 0;
    for (const box of section.boxes) {
      const perRow = Math.max(1, Math.min(box.chips.length, 4));
      const w = Math.max(CHIP_W + 2 * GAP, perRow * (CHIP_W + GAP) + GAP);
      const rows = Math.max(1, Math.ceil(box.chips.length / perRow));
      const h = TITLE_H + rows * (CHIP_H + GAP) + GAP;
      if (x > 0 && x + w > WIDTH) {
        x = 0;
        y += rowH + GAP;
        rowH = 0;
      }
      parts.push(`<g class="lv-box lv-${box.cls}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/><text x="${x + GAP}" y="${y + 16}">${esc(box.title)}</text>`);
      box.chips.forEach((c, i) => {
        const cx = x + GAP + (i % perRow) * (CHIP_W + GAP);
        const cy = y + TITLE_H + Math.floor(i / perRow) * (CHIP_H + GAP);
        const data = Object.entries(c.data ?? {}).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
        if (c.anchor) chipAt.set(c.anchor, { x: cx, y: cy });
        parts.push(
          `<g class="lv-chip ${c.cls}" tabindex="0" role="img" aria-label="${esc(c.aria)}" data-key="${esc(c.key)}"${data}>` +
            `<title>${esc(c.aria)}</title><rect x="${cx}" y="${cy}" width="${CHIP_W}" height="${CHIP_H}" rx="4"/>` +
            `<text x="${cx + 6}" y="${cy + 14}">${esc(c.label.slice(0, 22))}</text>` +
            (c.sub ? `<text class="lv-sub" x="${cx + 6}" y="${cy + 28}">${esc(c.sub.slice(0, 26))}</text>` : '') +
            `</g>`,
        );
      });
      parts.push('</g>');
      x += w + GAP;
      rowH = Math.max(rowH, h);
    }
    y += rowH + 2 * GAP;
  }
  // veth cables: a line between the two ends' centres, drawn once per pair.
  const cables: string[] = [];
  const centre = (p: { x: number; y: number }) => ({ x: p.x + CHIP_W / 2, y: p.y + CHIP_H / 2 });
  for (const ns of model.netns) {
    for (const l of ns.links) {
      if (!l.peer) continue;
      const a = chipAt.get(`${ns.name}/${l.name}`);
      const b = chipAt.get(`${l.peer.netns}/${l.peer.name}`);
      if (!a || !b || `${ns.name}/${l.name}` > `${l.peer.netns}/${l.peer.name}`) continue;
      const [p, q] = [centre(a), centre(b)];
      cables.push(`<line class="lv-cable" x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}"/>`);
    }
  }
  // Claim-to-volume bindings: a short connector between the claim chip and the volume chip.
  for (const c of model.kube?.claims ?? []) {
    const a = chipAt.get(`pvc:${c.name}`);
    const b = c.volume ? chipAt.get(`pv:${c.volume}`) : undefined;
    if (!a || !b) continue;
    const [p, q] = a.y === b.y ? [{ x: a.x + CHIP_W, y: a.y + CHIP_H / 2 }, { x: b.x, y: b.y + CHIP_H / 2 }] : [centre(a), centre(b)];
    cables.push(`<line class="lv-bind" data-binds="${esc(`${c.name} ${c.volume}`)}" x1="${p.x}" y1="${p.y}" x2="${q.x}" y2="${q.y}"/>`);
  }
  const height = Math.max(y, 40);
  return `<svg class="lv-svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="group" aria-labelledby="${esc(titleId)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}${cables.join('')}</svg>`;
}
