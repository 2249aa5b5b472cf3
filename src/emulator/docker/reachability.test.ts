/**
 * Property: for random topologies (user-defined bridges, some internal, containers on any
 * subset of them, on the default bridge, host or none), ping by IP and by name succeed exactly
 * as Docker's driver rules say:
 * - by IP: when both containers share the network of that address (or the sender uses the host
 *   network, which routes to every bridge); separate bridges are isolated;
 * - by name: only over a shared user-defined network (embedded DNS); never on the default bridge.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createWorld } from '../environment.ts';
import { resolveName } from '../linux/net/resolve.ts';
import { connectNetwork } from './container-network.ts';
import { createContainer, startContainer } from './container-ops.ts';
import { dockerEngine } from './engine.ts';
import { formatIPv4 } from './ipv4.ts';
import { createNetwork } from './network-ops.ts';
import type { Container } from './types.ts';

interface Topology {
  nets: { internal: boolean }[];
  containers: { primary: number; extra: number[] }[];
}

const PRIMARY_BRIDGE = -1;
const PRIMARY_HOST = -2;
const PRIMARY_NONE = -3;

function build(t: Topology) {
  const world = createWorld({ environment: 'docker', seed: 7 });
  const engine = dockerEngine(world);
  engine.preload('alpine');
  const image = engine.findImage('alpine')!;
  const nets = t.nets.map((n, i) => createNetwork(engine, { name: `net${i}`, internal: n.internal }));
  const containers: Container[] = t.containers.map((spec, i) => {
    const network = spec.primary === PRIMARY_BRIDGE ? 'bridge' : spec.primary === PRIMARY_HOST ? 'host' : spec.primary === PRIMARY_NONE ? 'none' : `net${spec.primary}`;
    const c = createContainer(engine, { image, imageRef: 'alpine', name: `c${i}`, cmd: ['sleep', '3600'], network });
    startContainer(engine, c);
    if (network !== 'host' && network !== 'none') {
      for (const e of new Set(spec.extra)) if (`net${e}` !== network) connectNetwork(engine, c, nets[e]);
    }
    return c;
  });
  return { world, engine, containers };
}

const topology: fc.Arbitrary<Topology> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    nets: fc.array(fc.record({ internal: fc.boolean() }), { minLength: n, maxLength: n }),
    containers: fc.array(
      fc.record({
        primary: fc.oneof(fc.integer({ min: 0, max: n - 1 }), fc.constantFrom(PRIMARY_BRIDGE, PRIMARY_HOST, PRIMARY_NONE)),
        extra: fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 2 }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  }),
);

describe('reachability follows the driver rules', () => {
  test('ping by IP and by name', () => {
    fc.assert(
      fc.property(topology, (t) => {
        const { world, engine, containers } = build(t);
        for (const a of containers) {
          const proc = engine.runtime.processOf?.(engine, a);
          if (!proc) return false;
          const aNets = new Set([...a.endpoints.values()].map((ep) => ep.networkId));
          const aHost = a.hostConfig.networkMode === 'host';
          for (const b of containers) {
            if (a === b) continue;
            for (const ep of b.endpoints.values()) {
              if (ep.ip === undefined) continue;
              const expected = aHost || aNets.has(ep.networkId);
              const got = world.linux.net.reach(proc.ns.net, ep.ip, { proto: 'icmp' }).ok;
              if (got !== expected) throw new Error(`${a.name} -> ${b.name} ${formatIPv4(ep.ip)}: expected ${expected}, got ${got}`);
            }
            const shared = [...b.endpoints.values()].filter((ep) => {
              const net = engine.networks.get(ep.networkId);
              return ep.ip !== undefined && net !== undefined && !net.predefined && aNets.has(ep.networkId) && !aHost;
            });
            const r = resolveName(world.linux.net, proc, b.name);
            const resolved = r.ok ? r.addresses : [];
            const want = shared.map((ep) => formatIPv4(ep.ip!)).sort();
            if (JSON.stringify([...resolved].sort()) !== JSON.stringify(want)) {
              throw new Error(`${a.name} resolves ${b.name} to ${JSON.stringify(resolved)}, expected ${JSON.stringify(want)}`);
            }
          }
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  test('internal networks have no route out; others reach the internet through the host', () => {
    const { world, engine, containers } = build({ nets: [{ internal: true }, { internal: false }], containers: [{ primary: 0, extra: [] }, { primary: 1, extra: [] }, { primary: PRIMARY_BRIDGE, extra: [] }] });
    const out = containers.map((c) => world.linux.net.reach(engine.runtime.processOf!(engine, c)!.ns.net, 0x08080808, { proto: 'icmp' }));
    expect(out.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['network-unreachable', 'ok', 'ok']);
  });
});
