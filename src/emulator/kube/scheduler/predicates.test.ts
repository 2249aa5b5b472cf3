import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deepFreeze } from '../api/meta.ts';
import type { Pod } from '../api/types.ts';
import { podRequests } from './predicates.ts';

const quantity = fc.oneof(fc.constant(undefined), fc.constantFrom('100m', '250m', '1', '2', '0.5'));
const memory = fc.oneof(fc.constant(undefined), fc.constantFrom('64Mi', '1Gi', '1000000', '128M'));

describe('podRequests', () => {
  it('the per-spec memo answers what a fresh sum gives, for frozen and unfrozen pods, and hands out copies', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cpu: quantity, memory }), { minLength: 1, maxLength: 4 }), (reqs) => {
        const make = (): Pod =>
          ({
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'p' },
            spec: { containers: reqs.map((r, i) => ({ name: `c${i}`, image: 'nginx', resources: { requests: JSON.parse(JSON.stringify(r)) } })) },
          }) as Pod;
        const fresh = podRequests(make());
        const frozen = deepFreeze(make());
        const first = podRequests(frozen);
        first.cpu += 1000; // a caller changing its copy does not change the memo
        expect(podRequests(frozen)).toEqual(fresh);
        expect(podRequests(make())).toEqual(fresh);
      }),
    );
  });
});
