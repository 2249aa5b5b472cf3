// Expected texts: iputils 20221126 ping (Debian 12): header "PING host (ip) 56(84) bytes of data.",
// per-reply lines, "From SRC icmp_seq=N Destination Host Unreachable", the statistics block
// (loss printed with %g; min/avg/max/mdev from whole microseconds with integer division; "pipe N"
// when probes were outstanding, as after an unanswered ARP), "ping: connect: Network is
// unreachable", getaddrinfo's messages and iputils_common.c strtol_or_err()'s texts.
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

async function twoNamespaces() {
  const sh = linuxShell();
  for (const line of [
    'ip netns add red',
    'ip netns add blue',
    'ip link add veth-red type veth peer name veth-blue',
    'ip link set veth-red netns red',
    'ip link set veth-blue netns blue',
    'ip -n red addr add 10.0.0.1/24 dev veth-red',
    'ip -n blue addr add 10.0.0.2/24 dev veth-blue',
    'ip -n red link set veth-red up',
  ]) {
    const r = await sh.run(line);
    if (r.status !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  return sh;
}

describe('ping', () => {
  it('answers across a veth pair only when both ends are up', async () => {
    const sh = await twoNamespaces();
    expect(await sh.run('ip netns exec red ping -c 2 10.0.0.2')).toEqual({
      // A veth whose peer is down drops everything: ARP for 10.0.0.2 never resolves.
      stdout: [
        'PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.',
        'From 10.0.0.1 icmp_seq=1 Destination Host Unreachable',
        'From 10.0.0.1 icmp_seq=2 Destination Host Unreachable',
        '',
        '--- 10.0.0.2 ping statistics ---',
        '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1003ms',
        'pipe 2',
        '',
      ].join('\n'),
      stderr: '',
      status: 1,
    });
    await sh.run('ip -n blue link set veth-blue up');
    expect(await sh.run('ip netns exec red ping -c 3 10.0.0.2')).toEqual({
      stdout: [
        'PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.',
        '64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.042 ms',
        '64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=0.057 ms',
        '64 bytes from 10.0.0.2: icmp_seq=3 ttl=64 time=0.042 ms',
        '',
        '--- 10.0.0.2 ping statistics ---',
        '3 packets transmitted, 3 received, 0% packet loss, time 2001ms',
        'rtt min/avg/max/mdev = 0.042/0.047/0.057/0.007 ms',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
  });

  it('reports unreachable networks, hosts and names in iputils words', async () => {
    const sh = await twoNamespaces();
    expect(await sh.run('ip netns exec red ping -c 2 8.8.8.8')).toEqual({ stdout: '', stderr: 'ping: connect: Network is unreachable\n', status: 2 });
    expect(await sh.run('ip netns exec red ping -c 1 127.0.0.1')).toEqual({ stdout: '', stderr: 'ping: connect: Network is unreachable\n', status: 2 });
    expect((await sh.run('ip netns exec red ping -c 2 10.0.0.9')).stdout).toBe(
      [
        'PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.',
        'From 10.0.0.1 icmp_seq=1 Destination Host Unreachable',
        'From 10.0.0.1 icmp_seq=2 Destination Host Unreachable',
        '',
        '--- 10.0.0.9 ping statistics ---',
        '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1003ms',
        'pipe 2',
        '',
      ].join('\n'),
    );
    expect(await sh.run('ping nosuch.invalid')).toEqual({ stdout: '', stderr: 'ping: nosuch.invalid: Name or service not known\n', status: 2 });
    expect(await sh.run('ping')).toEqual({ stdout: '', stderr: 'ping: usage error: Destination address required\n', status: 1 });
    expect(await sh.run('ping -c x 10.0.2.15')).toEqual({ stdout: '', stderr: "ping: invalid argument: 'x'\n", status: 1 });
    expect(await sh.run('ping -c 0 10.0.2.15')).toEqual({ stdout: '', stderr: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", status: 1 });
    expect(await sh.run('ping -i x 10.0.2.15')).toEqual({ stdout: '', stderr: 'ping: bad timing interval: x\n', status: 2 });
  });

  it('streams until Ctrl-C and then prints the statistics', async () => {
    const sh = linuxShell();
    const r = await sh.run('ping 10.0.2.15', { maxMs: 2500 });
    expect(r.stdout).toBe(
      [
        'PING 10.0.2.15 (10.0.2.15) 56(84) bytes of data.',
        '64 bytes from 10.0.2.15: icmp_seq=1 ttl=64 time=0.033 ms',
        '64 bytes from 10.0.2.15: icmp_seq=2 ttl=64 time=0.028 ms',
        '64 bytes from 10.0.2.15: icmp_seq=3 ttl=64 time=0.029 ms',
        '^C',
        '--- 10.0.2.15 ping statistics ---',
        '3 packets transmitted, 3 received, 0% packet loss, time 2005ms',
        'rtt min/avg/max/mdev = 0.028/0.030/0.033/0.002 ms',
        '',
      ].join('\n'),
    );
  });
});
