// Property over the real commands: after any sequence of `ip netns add`, `ip link add … type
// veth`, `ip link set … netns …`, the links each namespace shows (`ip -n NS -br link`,
// `nsenter --net=/var/run/netns/NS ip -br link`, `ip netns exec NS …`) are exactly those the
// model put there, and `unshare --pid --fork --mount-proc` / `unshare --net` never show the
// host's PIDs or interfaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

type Step = { kind: 'netns'; ns: number } | { kind: 'veth'; to: number; peerTo: number } | { kind: 'check'; ns: number; via: 'ip-n' | 'nsenter' | 'exec' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('netns' as const), ns: fc.nat(2) }),
  fc.record({ kind: fc.constant('veth' as const), to: fc.nat(3), peerTo: fc.nat(3) }),
  fc.record({ kind: fc.constant('check' as const), ns: fc.nat(2), via: fc.constantFrom('ip-n' as const, 'nsenter' as const, 'exec' as const) }),
);

describe('namespace isolation through the commands (property)', () => {
  it('shows every namespace exactly its own links', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const sh = linuxShell();
        const names = ['ns0', 'ns1', 'ns2'];
        const created = new Set<string>();
        const where = new Map<string, string>(); // link → namespace name ('' = host)
        let n = 0;
        const run = async (line: string) => {
          const r = await sh.run(line);
          if (r.status !== 0) throw new Error(`${line}: ${r.stderr}`);
          return r.stdout;
        };
        const linksOf = (ns: string) => [...where.entries()].filter(([, w]) => w === ns).map(([l]) => l).sort();
        for (const s of steps) {
          if (s.kind === 'netns') {
            const name = names[s.ns];
            if (created.has(name)) continue;
            await run(`ip netns add ${name}`);
            created.add(name);
          } else if (s.kind === 'veth') {
            const a = `a${n}`;
            const b = `b${n++}`;
            await run(`ip link add ${a} type veth peer name ${b}`);
            where.set(a, '');
            where.set(b, '');
            const targets = ['', ...created];
            const ta = targets[s.to % targets.length];
            const tb = targets[s.peerTo % targets.length];
            if (ta) await run(`ip link set ${a} netns ${ta}`);
            if (tb) await run(`ip link set ${b} netns ${tb}`);
            where.set(a, ta);
            where.set(b, tb);
          } else {
            const name = names[s.ns];
            if (!created.has(name)) continue;
            const cmd = s.via === 'ip-n' ? `ip -n ${name} -br link` : s.via === 'nsenter' ? `nsenter --net=/var/run/netns/${name} ip -br link` : `ip netns exec ${name} ip -br link`;
            const shown = (await run(cmd)).split('\n').filter((l) => l !== '').map((l) => l.split(/\s+/)[0].split('@')[0]).sort();
            expect(shown).toEqual(['lo', ...linksOf(name)].sort());
          }
        }
        const host = (await run('ip -br link')).split('\n').filter((l) => l !== '').map((l) => l.split(/\s+/)[0].split('@')[0]).sort();
        expect(host).toEqual(['eth0', 'lo', ...linksOf('')].sort());
        expect(await run('unshare --net ip -br link')).toBe('lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n');
        expect(await run('unshare --pid --fork --mount-proc ps -e -o pid= -o comm=')).toBe('      1 ps\n');
      }),
      { numRuns: 12, seed: 7 },
    );
  }, 60_000);
});
