import { describe, expect, it } from 'vitest';
import { renderSvg, sections } from './render-svg.ts';
import type { LiveViewModel } from './describe.ts';

const model: LiveViewModel = {
  kube: {
    nodes: [{ name: 'petlab-worker', ready: true, unschedulable: false, pods: ['web-0'] }],
    groups: [{ kind: 'StatefulSet', name: 'web', replicas: 2, pods: [
      { name: 'web-0', state: 'ready', status: 'Running', node: 'petlab-worker', ip: '10.244.1.2', ordinal: 0, claims: ['www-web-0'] },
      { name: 'web-1', state: 'pending', status: 'Pending', ordinal: 1, claims: [] },
    ] }],
    claims: [],
    volumes: [],
    services: [],
  },
  docker: [],
  netns: [
    { name: 'blue', links: [{ name: 'veth-b', kind: 'veth', up: true, addresses: ['10.0.0.2/24'], peer: { name: 'veth-r', netns: 'red' } }] },
    { name: 'red', links: [{ name: 'veth-r', kind: 'veth', up: false, addresses: [], peer: { name: 'veth-b', netns: 'blue' } }] },
  ],
};

describe('renderSvg', () => {
  it('lays out sections with one focusable chip per pod, node entry and interface', () => {
    expect(sections(model).map((s) => [s.title, s.boxes.map((b) => `${b.title}: ${b.chips.map((c) => c.label).join(', ')}`)])).toEqual([
      ['Workloads', ['StatefulSet web (2/2): web-0, web-1']],
      ['Nodes', ['petlab-worker: web-0']],
      ['Network namespaces', ['netns blue: veth-b', 'netns red: veth-r (down)']],
    ]);
    const svg = renderSvg(model, 'lv-title');
    // pods, node entry, interfaces, and web-0's mount of www-web-0 (a claim the model lacks):
    // all focusable, one tab stop (the first chip; the arrow keys reach the rest)
    expect(svg.match(/tabindex="-?\d"/g)).toEqual(['tabindex="0"', ...Array<string>(5).fill('tabindex="-1"')]);
    expect(/<g [^>]*tabindex="0"[^>]*data-key="([^"]*)"/.exec(svg)?.[1]).toBe('pod/web-0');
    expect(/<g [^>]*tabindex="0"[^>]*data-key="([^"]*)"/.exec(renderSvg(model, 'lv-title', 720, 'link/red/veth-r'))?.[1]).toBe('link/red/veth-r');
    expect(/<g [^>]*tabindex="0"[^>]*data-key="([^"]*)"/.exec(renderSvg(model, 'lv-title', 720, 'pod/gone'))?.[1]).toBe('pod/web-0');
    expect(svg).toContain('aria-label="web-0 mounts claim www-web-0 (not found)"');
    expect(svg).toContain('aria-label="Pod web-0: Running and Ready on petlab-worker, IP 10.244.1.2, mounts www-web-0"');
    expect(svg.match(/<line class="lv-cable"/g)?.length).toBe(1);
    expect(svg.startsWith('<svg class="lv-svg" viewBox="0 0 720 ')).toBe(true);
  });

  it('draws each claim with its bound volume (joined by a connector) and its pods, then volumes without a claim', () => {
    const storage: LiveViewModel = {
      kube: {
        nodes: [],
        groups: [],
        claims: [
          { name: 'www-web-0', phase: 'Bound', volume: 'pvc-1', request: '1Gi', modes: ['RWO'], mountedBy: ['web-0'] },
          { name: 'www-web-1', phase: 'Pending', request: '1Gi', modes: ['RWO'], mountedBy: [] },
        ],
        volumes: [
          { name: 'pvc-1', phase: 'Bound', capacity: '1Gi', modes: ['RWO'], storageClass: 'standard', reclaimPolicy: 'Delete', node: 'petlab-worker', claim: 'www-web-0' },
          { name: 'pvc-old', phase: 'Released', capacity: '1Gi', modes: ['RWO'], claim: 'www-web-2' },
        ],
        services: [],
      },
      docker: [],
      netns: [],
    };
    expect(sections(storage).map((s) => [s.title, s.boxes.map((b) => `${b.title}: ${b.chips.map((c) => `${c.label} [${c.sub ?? ''}] ${c.cls}`).join(', ')}`)])).toEqual([
      ['Nodes', []],
      [
        'Storage',
        [
          'PVC www-web-0: Bound [1Gi RWO] state-ready, PV pvc-1 [Bound · petlab-worker] state-ready',
          'PVC www-web-1: Pending [1Gi RWO] state-pending',
          'Volumes without a claim: PV pvc-old [Released · 1Gi] state-terminating',
        ],
      ],
    ]);
    const svg = renderSvg(storage, 't');
    expect(svg.match(/<line class="lv-bind"[^>]*>/g)).toEqual(['<line class="lv-bind" data-binds="www-web-0 pvc-1" x1="158" y1="107" x2="166" y2="107"/>']);
    expect(svg).toContain('aria-label="PersistentVolume pvc-1, 1Gi RWO on petlab-worker: Bound, bound to claim www-web-0"');
    expect(svg).toContain('aria-label="PersistentVolume pvc-old, 1Gi RWO: Released, was bound to claim www-web-2"');
    expect(svg).toContain('aria-label="PersistentVolumeClaim www-web-0: Bound, bound to volume pvc-1"');
    expect(svg).not.toContain('data-mounted-by');
  });

  it('escapes names', () => {
    const svg = renderSvg({ docker: [{ name: '<x>&"', driver: 'bridge', containers: [] }], netns: [] }, 't');
    expect(svg).toContain('&lt;x&gt;&amp;&quot;');
    expect(svg).not.toContain('<x>');
  });
});
