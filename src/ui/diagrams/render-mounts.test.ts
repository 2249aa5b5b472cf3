/**
 * Pod → claim connectors: each claim a pod mounts hangs under the pod's chip (StatefulSet pods
 * in ordinal order), joined by a short tree connector that stays in the pod's column, so ten or
 * more pods draw no crossing lines; the mount is focusable and says what it is; narrow widths
 * draw two chips a row instead of scrolling.
 */
import { describe, expect, it } from 'vitest';
import type { LiveViewModel } from './describe.ts';
import { describeModel } from './describe.ts';
import type { ClaimView, PodView } from './kube-view.ts';
import { NARROW_WIDTH, renderSvg, WIDTH } from './render-svg.ts';

function statefulSet(count: number): LiveViewModel {
  const pods: PodView[] = Array.from({ length: count }, (_, i) => ({
    name: `web-${i}`,
    state: 'ready',
    status: 'Running',
    node: 'petlab-worker',
    ip: `10.244.1.${i + 2}`,
    ordinal: i,
    claims: [`www-web-${i}`],
  }));
  const claims: ClaimView[] = pods.map((p, i) => ({
    name: `www-web-${i}`,
    phase: i === count - 1 ? 'Pending' : 'Bound',
    volume: i === count - 1 ? undefined : `pvc-${i}0000000-aaaa-bbbb-cccc-000000000000`,
    request: '1Gi',
    modes: ['RWO'],
    mountedBy: [p.name],
  }));
  return { kube: { nodes: [], groups: [{ kind: 'StatefulSet', name: 'web', replicas: count, pods }], claims, volumes: [], services: [] }, docker: [], netns: [] };
}

interface Drawn {
  key: string;
  label: string;
  link?: { x: number; y1: number; y2: number; x2: number };
  x: number;
  y: number;
  w: number;
}

/** The chips in document (= tab) order, with their rectangles and connector paths. */
function chips(svg: string): Drawn[] {
  const re = /<g class="lv-chip[^"]*" tabindex="-?\d" role="img" aria-label="([^"]*)" data-key="([^"]*)"[^>]*><title>[^<]*<\/title>(?:<path class="lv-link" d="M([\d.]+) ([\d.]+)V([\d.]+)H([\d.]+)"\/>)?<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g;
  return [...svg.matchAll(re)].map((m) => ({
    label: m[1],
    key: m[2],
    link: m[3] === undefined ? undefined : { x: Number(m[3]), y1: Number(m[4]), y2: Number(m[5]), x2: Number(m[6]) },
    x: Number(m[7]),
    y: Number(m[8]),
    w: Number(m[9]),
  }));
}

describe('pod → claim connectors', () => {
  it('draws one focusable mount per pod and claim, whole markup for one pod', () => {
    const model = statefulSet(2);
    const svg = renderSvg(model, 't');
    const mount = /<g class="lv-chip state-ready lv-mount"[^]*?<\/g>/.exec(svg)?.[0];
    expect(mount).toBe(
      '<g class="lv-chip state-ready lv-mount" tabindex="-1" role="img" aria-label="web-0 mounts claim www-web-0 (bound to pvc-00000000-aaaa-bbbb-cccc-000000000000)" data-key="mount/web-0/www-web-0" data-mounted-by="web-0" data-mounts="www-web-0">' +
        '<title>web-0 mounts claim www-web-0 (bound to pvc-00000000-aaaa-bbbb-cccc-000000000000)</title>' +
        '<path class="lv-link" d="M15 82V111H22"/>' +
        '<rect x="22" y="94" width="136" height="34" rx="4"/>' +
        '<text x="28" y="108">www-web-0</text><text class="lv-sub" x="28" y="122">Bound · pvc-00000000-…</text></g>',
    );
    // (then the Storage section: each claim with its volume)
    expect(chips(svg).map((c) => c.key)).toEqual(['pod/web-0', 'mount/web-0/www-web-0', 'pod/web-1', 'mount/web-1/www-web-1', 'pvc/www-web-0', 'pvc/www-web-1']);
    expect(chips(svg)[3].label).toBe('web-1 mounts claim www-web-1 (Pending, not bound yet)');
  });

  it('says it in the text alternative, after the workload', () => {
    expect(describeModel(statefulSet(2))).toEqual([
      'StatefulSet web (2 wanted): web-0 Running and Ready on petlab-worker (10.244.1.2), web-1 Running and Ready on petlab-worker (10.244.1.3).',
      'web-0 mounts claim www-web-0 (bound to pvc-00000000-aaaa-bbbb-cccc-000000000000).',
      'web-1 mounts claim www-web-1 (Pending, not bound yet).',
      'PersistentVolumeClaim www-web-0 (1Gi, RWO) is Bound to volume pvc-00000000-aaaa-bbbb-cccc-000000000000; mounted by web-0.',
      'PersistentVolumeClaim www-web-1 (1Gi, RWO) is Pending; mounted by web-1.',
    ]);
  });

  for (const [width, perRow] of [
    [WIDTH, 4],
    [NARROW_WIDTH, 2],
  ]) {
    it(`with 12 pods at width ${width}: ${perRow} a row, each claim under its pod, no connector crossing a chip, nothing outside the width`, () => {
      const svg = renderSvg(statefulSet(12), 't', width);
      expect(svg.startsWith(`<svg class="lv-svg${width === WIDTH ? '' : ' lv-narrow'}" viewBox="0 0 ${width} `)).toBe(true);
      const drawn = chips(svg);
      const pods = drawn.filter((c) => c.key.startsWith('pod/'));
      const mounts = drawn.filter((c) => c.key.startsWith('mount/'));
      expect(pods.map((p) => p.key)).toEqual(Array.from({ length: 12 }, (_, i) => `pod/web-${i}`));
      expect(new Set(pods.map((p) => p.x)).size).toBe(perRow);
      for (const c of drawn) expect(c.x + c.w).toBeLessThanOrEqual(width);
      pods.forEach((p, i) => {
        const m = mounts[i];
        expect(m.key).toBe(`mount/web-${i}/www-web-${i}`);
        // under its own pod, indented, its connector from the pod's bottom edge into its left edge
        expect([m.x - p.x, m.y - p.y, m.link]).toEqual([14, 46, { x: p.x + 7, y1: p.y + 34, y2: m.y + 17, x2: m.x }]);
        const { x, y1, y2 } = m.link ?? { x: 0, y1: 0, y2: 0 };
        const crossed = drawn.filter((c) => x > c.x && x < c.x + c.w && y2 > c.y && y1 < c.y + 34);
        expect(crossed).toEqual([]);
      });
      // tab order: each pod, then its claim
      expect(drawn.map((c) => c.key).slice(0, 4)).toEqual(['pod/web-0', 'mount/web-0/www-web-0', 'pod/web-1', 'mount/web-1/www-web-1']);
    });
  }

  it('stacks two claims of one pod under it, both on the same spine', () => {
    const model = statefulSet(1);
    const pod = model.kube?.groups[0].pods[0] as PodView;
    const two: LiveViewModel = { ...model, kube: { ...(model.kube as NonNullable<LiveViewModel['kube']>), groups: [{ kind: 'StatefulSet', name: 'web', pods: [{ ...pod, claims: ['data-web-0', 'www-web-0'] }] }] } };
    const drawn = chips(renderSvg(two, 't'));
    expect(drawn.slice(0, 3).map((c) => [c.key, c.x, c.y, c.link])).toEqual([
      ['pod/web-0', 8, 48, undefined],
      ['mount/web-0/data-web-0', 22, 94, { x: 15, y1: 82, y2: 111, x2: 22 }],
      ['mount/web-0/www-web-0', 22, 140, { x: 15, y1: 82, y2: 157, x2: 22 }],
    ]);
    expect(drawn[1].label).toBe('web-0 mounts claim data-web-0 (not found)');
  });
});
