import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster } from '../../cluster.ts';
import { clone } from '../../api/meta.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { webService, webStatefulSet } from '../../testing/fixtures.ts';
import { newStatefulSetPod } from './utils.ts';

function setup() {
  const world = new World({ seed: 5 });
  const cluster = createCluster(world, { bare: true });
  cluster.store.create(webService());
  cluster.store.create(webStatefulSet({ replicas: 1 }));
  world.settle();
  return { world, store: cluster.store, set: () => cluster.store.get('statefulsets', 'default', 'web') as StatefulSet };
}

describe('newStatefulSetPod', () => {
  it('shares the parts of a stored (defaulted) template, and gives what a copy of it gives', () => {
    const { set } = setup();
    const s = set();
    const pod = newStatefulSetPod(s, 3, 'web-abc');
    const copied = newStatefulSetPod({ ...s, spec: { ...s.spec, template: clone(s.spec.template) } }, 3, 'web-abc');
    expect(JSON.stringify(pod)).toBe(JSON.stringify(copied));
    expect(pod.spec.containers[0].ports).toBe(s.spec.template.spec.containers[0].ports);
    expect(pod.spec.containers[0]).not.toBe(s.spec.template.spec.containers[0]);
    expect(pod.spec).not.toBe(s.spec.template.spec);
  });

  it('copies a template an update left undefaulted, so defaulting the pod does not write into the set', () => {
    const { world, store } = setup();
    // An update is not defaulted here: the new port has no protocol yet.
    store.patch('statefulsets', 'default', 'web', 'json', [{ op: 'remove', path: '/spec/template/spec/containers/0/ports/0/protocol' }]);
    store.delete('pods', 'default', 'web-0', { gracePeriodSeconds: 0 });
    world.settle();
    const pod = store.get('pods', 'default', 'web-0') as Pod;
    expect(pod.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'web', protocol: 'TCP' }]);
    expect((store.get('statefulsets', 'default', 'web') as StatefulSet).spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'web' }]);
  });
});
