// The "build your own docker0" walk-through: three namespaces on a Linux bridge reach each other;
// the internet needs a default route, ip_forward and MASQUERADE, in that order. Texts: iputils
// ping, procps sysctl ("net.ipv4.ip_forward = 1"), iptables 1.8.9 -L/-S layouts.
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

async function bridged() {
  const sh = linuxShell();
  const lines = ['ip link add br0 type bridge', 'ip link set br0 up', 'ip addr add 10.0.0.1/24 dev br0'];
  for (const [ns, ip] of [['a', '10.0.0.11'], ['b', '10.0.0.12'], ['c', '10.0.0.13']]) {
    lines.push(
      `ip netns add ${ns}`,
      `ip link add veth-${ns} type veth peer name eth0 netns ${ns}`,
      `ip link set veth-${ns} master br0`,
      `ip link set veth-${ns} up`,
      `ip -n ${ns} addr add ${ip}/24 dev eth0`,
      `ip -n ${ns} link set eth0 up`,
    );
  }
  for (const line of lines) {
    const r = await sh.run(line);
    if (r.status !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  return sh;
}

// The elapsed time depends on random RTTs; the counts are what the topology decides.
const summary = (out: string) => out.split('\n').find((l) => l.includes('packets transmitted'))?.replace(/, time \d+ms$/, '');

describe('a bridge connecting three namespaces', () => {
  it('lets the namespaces and the host reach each other', async () => {
    const sh = await bridged();
    expect(summary((await sh.run('ip netns exec a ping -c 2 10.0.0.13')).stdout)).toBe('2 packets transmitted, 2 received, 0% packet loss');
    expect(summary((await sh.run('ping -c 1 10.0.0.12')).stdout)).toBe('1 packets transmitted, 1 received, 0% packet loss');
    expect((await sh.run('ip -br link show master br0')).stdout).toBe(
      'veth-a@if2       UP             86:11:8e:14:15:35 <BROADCAST,MULTICAST,UP,LOWER_UP> \nveth-b@if2       UP             16:72:9f:33:5e:1e <BROADCAST,MULTICAST,UP,LOWER_UP> \nveth-c@if2       UP             7e:dc:77:f0:b1:93 <BROADCAST,MULTICAST,UP,LOWER_UP> \n',
    );
    await sh.run('ip link set veth-b down');
    expect((await sh.run('ip netns exec a ping -c 1 10.0.0.12')).stdout).toContain('Destination Host Unreachable');
  });

  it('reaches the internet only with a default route, forwarding and MASQUERADE', async () => {
    const sh = await bridged();
    expect(await sh.run('ip netns exec a ping -c 1 8.8.8.8')).toEqual({ stdout: '', stderr: 'ping: connect: Network is unreachable\n', status: 2 });
    await sh.run('ip -n a route add default via 10.0.0.1');
    expect(summary((await sh.run('ip netns exec a ping -c 1 8.8.8.8')).stdout)).toBe('1 packets transmitted, 0 received, 100% packet loss');
    expect(await sh.run('sysctl -w net.ipv4.ip_forward=1')).toEqual({ stdout: 'net.ipv4.ip_forward = 1\n', stderr: '', status: 0 });
    expect(summary((await sh.run('ip netns exec a ping -c 1 8.8.8.8')).stdout)).toBe('1 packets transmitted, 0 received, 100% packet loss');
    expect(await sh.run('iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(summary((await sh.run('ip netns exec a ping -c 1 8.8.8.8')).stdout)).toBe('1 packets transmitted, 1 received, 0% packet loss');
    expect((await sh.run('iptables -t nat -S POSTROUTING')).stdout).toBe('-P POSTROUTING ACCEPT\n-A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE\n');
    expect((await sh.run('iptables -t nat -L POSTROUTING -n')).stdout).toBe(
      'Chain POSTROUTING (policy ACCEPT)\ntarget     prot opt source               destination         \nMASQUERADE  all  --  10.0.0.0/24          0.0.0.0/0           \n',
    );
    expect((await sh.run('ip netns exec a curl -s http://example.com')).stdout.split('\n')[3]).toBe('    <title>Example Domain</title>');
  });
});
