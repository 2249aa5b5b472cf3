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
    expect(svg.match(/tabindex="0"/g)?.length).toBe(5);
    expect(svg).toContain('aria-label="Pod web-0: Running and Ready on petlab-worker, IP 10.244.1.2, mounts www-web-0"');
    expect(svg.match(/<line class="lv-cable"/g)?.length).toBe(1);
    expect(svg.startsWith('<svg class="lv-svg" viewBox="0 0 720 ')).toBe(true);
  });

  it('escapes names', () => {
    const svg = renderSvg({ docker: [{ name: '<x>&"', driver: 'bridge', containers: [] }], netns: [] }, 't');
    expect(svg).toContain('&lt;x&gt;&amp;&quot;');
    expect(svg).not.toContain('<x>');
  });
});
