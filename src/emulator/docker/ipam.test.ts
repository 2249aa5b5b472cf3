/**
 * IPAM: libnetwork's default pools and serial allocation. Property: an address is never handed
 * out twice on a network, never the network/broadcast/gateway address, always inside the range.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AddressPool, allocateSubnet, defaultPools } from './ipam.ts';
import { contains, formatCidr, formatIPv4, parseCidr } from './ipv4.ts';

describe('default pools', () => {
  test('172.17–172.31 /16, then 192.168.0.0/16 in /20s', () => {
    const pools = defaultPools().map(formatCidr);
    expect(pools.slice(0, 3)).toEqual(['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16']);
    expect(pools[14]).toBe('172.31.0.0/16');
    expect(pools.slice(15, 17)).toEqual(['192.168.0.0/20', '192.168.16.0/20']);
    expect(pools).toHaveLength(31);
  });

  test('the first pool overlapping nothing is chosen, so freed blocks come back', () => {
    const used = [parseCidr('172.17.0.0/16')!, parseCidr('172.19.0.0/16')!];
    expect(formatCidr(allocateSubnet(used))).toBe('172.18.0.0/16');
    const all = defaultPools();
    expect(() => allocateSubnet(all)).toThrow('all predefined address pools have been fully subnetted');
  });
});

describe('AddressPool', () => {
  test('local networks hand out the lowest free address, skipping the gateway, so a freed .2 comes back', () => {
    const pool = new AddressPool(parseCidr('172.18.0.0/16')!, 0xac120001);
    const a = pool.allocate('n');
    const b = pool.allocate('n');
    pool.release(a);
    const c = pool.allocate('n');
    expect([a, b, c].map(formatIPv4)).toEqual(['172.18.0.2', '172.18.0.3', '172.18.0.2']);
  });

  test('swarm-scoped (serial) pools do not reuse a freed address at once', () => {
    const pool = new AddressPool(parseCidr('10.0.1.0/24')!, 0x0a000101, undefined, true);
    const a = pool.allocate('n');
    const b = pool.allocate('n');
    pool.release(a);
    const c = pool.allocate('n');
    expect([a, b, c].map(formatIPv4)).toEqual(['10.0.1.2', '10.0.1.3', '10.0.1.4']);
  });

  test('wraps around and reports exhaustion with the daemon wording', () => {
    const pool = new AddressPool(parseCidr('10.0.0.0/30')!, 0x0a000001);
    expect(formatIPv4(pool.allocate('tiny (abc)'))).toBe('10.0.0.2');
    expect(() => pool.allocate('tiny (abc)')).toThrow("no available IPv4 addresses on this network's address pools: tiny (abc)");
  });

  test('reserve checks the subnet and conflicts', () => {
    const pool = new AddressPool(parseCidr('10.10.0.0/24')!, 0x0a0a0001);
    expect(formatIPv4(pool.reserve('10.10.0.50'))).toBe('10.10.0.50');
    expect(() => pool.reserve('10.10.0.50')).toThrow('Address already in use');
    expect(() => pool.reserve('10.10.0.1')).toThrow('Address already in use');
    expect(() => pool.reserve('10.11.0.5')).toThrow('no configured subnet or ip-range contain the IP address 10.11.0.5');
  });

  test('property: never the same address twice, never reserved addresses, always in range', () => {
    const op = fc.oneof(
      fc.constant({ kind: 'alloc' as const }),
      fc.record({ kind: fc.constant('release' as const), index: fc.nat() }),
      fc.record({ kind: fc.constant('reserve' as const), offset: fc.nat(300) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 22, max: 29 }), fc.boolean(), fc.boolean(), fc.array(op, { maxLength: 200 }), (bits, withRange, serial, ops) => {
        const subnet = { base: 0xac140000, bits };
        const range = withRange && bits < 29 ? { base: 0xac140000 + 2 ** (32 - bits - 1), bits: bits + 1 } : undefined;
        const gateway = subnet.base + 1;
        const pool = new AddressPool(subnet, gateway, range, serial);
        const held = new Set<number>();
        const broadcast = subnet.base + 2 ** (32 - bits) - 1;
        for (const o of ops) {
          if (o.kind === 'alloc') {
            let ip: number;
            try {
              ip = pool.allocate('p');
            } catch {
              continue;
            }
            if (held.has(ip) || ip === gateway || ip === subnet.base || ip === broadcast) return false;
            if (!contains(range ?? subnet, ip)) return false;
            held.add(ip);
          } else if (o.kind === 'release') {
            const list = [...held];
            if (list.length === 0) continue;
            const ip = list[o.index % list.length];
            pool.release(ip);
            held.delete(ip);
          } else {
            const ip = subnet.base + (o.offset % 2 ** (32 - bits));
            try {
              pool.reserve(formatIPv4(ip));
            } catch {
              continue;
            }
            if (held.has(ip) || ip === gateway) return false;
            held.add(ip);
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
