/**
 * Draws the live view model as one SVG: boxes (nodes, workloads, claims, Services, Docker
 * networks, network namespaces) laid out in rows, each holding chips (pods, containers,
 * interfaces) coloured by state, and veth cables between the chips of two namespaces. A pod's
 * claims hang under its chip (StatefulSet pods in ordinal order, so www-web-2 sits under
 * web-2), each joined to it by a short tree connector: no line crosses another column. Pure:
 * returns markup; every chip and mount is keyboard-focusable (one tab stop, arrow keys between
 * them: live-view.ts) with an accessible name.
 */
import { mountSentence, type LiveViewModel } from './describe.ts';
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
  /** Chips hung under this one with a connector each (a pod's claims). */
  under?: Chip[];
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

/** The diagram's width in user units (1 unit = 1 CSS pixel) when nothing else is asked for. */
export const WIDTH = 720;
/** The width for narrow screens (a 360 px phone): two chips a row. */
export const NARROW_WIDTH = 340;
const CHIP_W = 150;
const CHIP_H = 34;
const GAP = 8;
const TITLE_H = 22;
/** Vertical room above a hung chip, where its connector runs. */
const HANG_GAP = 12;
/** How far a hung chip is indented: its connector's spine runs in the indent. */
const HANG_INDENT = 14;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function podChip(p: PodView, claims: readonly ClaimView[] = []): Chip {
  const words = p.state === 'ready' ? 'Running and Ready' : p.state === 'running' ? 'Running, not Ready' : p.status;
  return {
    key: `pod/${p.name}`,
    label: p.name,
    sub: [p.status, p.ip].filter(Boolean).join(' · '),
    cls: `state-${p.state}`,
    aria: `Pod ${p.name}: ${words}${p.node ? ` on ${p.node}` : ''}${p.ip ? `, IP ${p.ip}` : ''}${p.claims.length ? `, mounts ${p.claims.join(', ')}` : ''}`,
    data: { pod: p.name, state: p.state },
    under: p.claims.map((name) => mountChip(p.name, name, claims)),
  };
}

/** A claim as one pod mounts it, hung under the pod's chip. */
function mountChip(pod: string, name: string, claims: readonly ClaimView[]): Chip {
  const c = claims.find((x) => x.name === name);
  const phase = c?.phase ?? 'not found';
  const volume = c?.phase === 'Bound' && c.volume ? (c.volume.length > 14 ? `${c.volume.slice(0, 13)}…` : c.volume) : undefined;
  return {
    key: `mount/${pod}/${name}`,
    label: name,
    sub: [phase, volume].filter(Boolean).join(' · '),
    cls: phase === 'Bound' ? 'state-ready' : phase === 'Pending' ? 'state-pending' : 'state-failed',
    aria: mountSentence(pod, name, claims),
    data: { 'mounted-by': pod, mounts: name },
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
 * One box per claim: its status and the volume bound to it (a connector joins them); the pods
 * that mount it show the claim under their own chips. Then the volumes no listed claim holds
 * (Available, Released).
 */
function storageBoxes(k: KubeView): Box[] {
  const boxes: Box[] = k.claims.map((c) => {
    const volume = k.volumes.find((v) => v.name === c.volume);
    return {
      title: `PVC ${c.name}`,
      cls: 'claim',
      chips: [claimChip(c), ...(volume ? [volumeChip(volume)] : [])],
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
        boxes: groups.map((g) => ({ title: `${g.kind} ${g.name}${g.replicas !== undefined ? ` (${g.pods.length}/${g.replicas})` : ''}`, cls: 'workload', chips: g.pods.map((p) => podChip(p, k.claims)) })),
      });
    }
    out.push({
      title: 'Nodes',
      boxes: k.nodes.map((n) => ({
        title: `${n.name}${n.ready ? '' : ' (NotReady)'}${n.unschedulable ? ' (cordoned)' : ''}`,
        cls: n.ready ? 'node' : 'node node-down',
        chips: n.pods.map((name) => {
          const pod = k.groups.flatMap((g) => g.pods).find((p) => p.name === name);
          return { ...(pod ? podChip(pod) : { label: name, cls: 'state-pending', aria: name, data: {} }), key: `node/${n.name}/${name}`, sub: undefined, under: undefined };
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

/**
 * One chip's markup at (`x`, `y`), `w` wide; `link` is the path of its connector, if any. `stop`:
 * the chip is the diagram's one tab stop (the others are reached with the arrow keys).
 */
function chipSvg(c: Chip, x: number, y: number, w: number, stop: boolean, link?: string): string {
  const data = Object.entries(c.data ?? {}).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
  const chars = w < CHIP_W ? 2 : 0;
  return (
    `<g class="lv-chip ${c.cls}${link ? ' lv-mount' : ''}" tabindex="${stop ? 0 : -1}" role="img" aria-label="${esc(c.aria)}" data-key="${esc(c.key)}"${data}>` +
    `<title>${esc(c.aria)}</title>` +
    (link ? `<path class="lv-link" d="${link}"/>` : '') +
    `<rect x="${x}" y="${y}" width="${w}" height="${CHIP_H}" rx="4"/>` +
    `<text x="${x + 6}" y="${y + 14}">${esc(c.label.slice(0, 22 - chars))}</text>` +
    (c.sub ? `<text class="lv-sub" x="${x + 6}" y="${y + 28}">${esc(c.sub.slice(0, 26 - chars))}</text>` : '') +
    `</g>`
  );
}

/**
 * The SVG markup of `model`, `width` user units wide (boxes wrap and hold as many chips a row
 * as fit: 4 at the default 720, 2 at 340), height as needed. The chips form one tab stop (a
 * roving tabindex): the chip keyed `focusKey` if there is one, else the first; `titleId` names
 * the diagram and `${titleId}-keys` is expected to say how to move in it.
 */
export function renderSvg(model: LiveViewModel, titleId: string, width = WIDTH, focusKey?: string): string {
  const parts: string[] = [];
  const chipAt = new Map<string, { x: number; y: number }>();
  const fit = Math.max(1, Math.floor((width - GAP) / (CHIP_W + GAP)));
  const all = sections(model);
  const keys = all.flatMap((s) => s.boxes.flatMap((b) => b.chips.flatMap((c) => [c.key, ...(c.under ?? []).map((u) => u.key)])));
  const stop = focusKey !== undefined && keys.includes(focusKey) ? focusKey : keys[0];
  let y = 0;
  for (const section of all) {
    parts.push(`<text class="lv-section" x="0" y="${y + 16}">${esc(section.title)}</text>`);
    y += TITLE_H + 4;
    let x = 0;
    let rowH = 0;
    for (const box of section.boxes) {
      const perRow = Math.max(1, Math.min(box.chips.length, fit));
      const w = Math.max(CHIP_W + 2 * GAP, perRow * (CHIP_W + GAP) + GAP);
      // each row of chips is as tall as its deepest column of hung chips needs
      const rowTops: number[] = [];
      let inner = TITLE_H;
      for (let i = 0; i < Math.max(1, box.chips.length); i += perRow) {
        rowTops.push(inner);
        const depth = Math.max(0, ...box.chips.slice(i, i + perRow).map((c) => c.under?.length ?? 0));
        inner += CHIP_H + GAP + depth * (CHIP_H + HANG_GAP);
      }
      const h = inner + GAP;
      if (x > 0 && x + w > width) {
        x = 0;
        y += rowH + GAP;
        rowH = 0;
      }
      parts.push(`<g class="lv-box lv-${box.cls}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/><text x="${x + GAP}" y="${y + 16}">${esc(box.title)}</text>`);
      box.chips.forEach((c, i) => {
        const cx = x + GAP + (i % perRow) * (CHIP_W + GAP);
        const cy = y + rowTops[Math.floor(i / perRow)];
        if (c.anchor) chipAt.set(c.anchor, { x: cx, y: cy });
        parts.push(chipSvg(c, cx, cy, CHIP_W, c.key === stop));
        // hung chips: a spine down the indent from the chip's bottom, a tick into each
        (c.under ?? []).forEach((u, j) => {
          const uy = cy + CHIP_H + HANG_GAP + j * (CHIP_H + HANG_GAP);
          const spine = cx + HANG_INDENT / 2;
          parts.push(chipSvg(u, cx + HANG_INDENT, uy, CHIP_W - HANG_INDENT, u.key === stop, `M${spine} ${cy + CHIP_H}V${uy + CHIP_H / 2}H${cx + HANG_INDENT}`));
        });
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
  return `<svg class="lv-svg${width < WIDTH ? ' lv-narrow' : ''}" viewBox="0 0 ${width} ${height}" width="100%" role="group" aria-labelledby="${esc(titleId)}" aria-describedby="${esc(titleId)}-keys" xmlns="http://www.w3.org/2000/svg">${parts.join('')}${cables.join('')}</svg>`;
}
