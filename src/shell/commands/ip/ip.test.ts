// Expected outputs follow iproute2 6.1 ip/ipaddress.c print_linkinfo/print_addrinfo (flag order,
// "qlen" only when txqlen != 0, "@ifN" + "link-netns NAME" for a peer in another namespace,
// M-DOWN when the same-namespace peer is down) and ip/iproute.c print_route (trailing spaces).
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

async function script(sh: ReturnType<typeof linuxShell>, lines: string[]): Promise<void> {
  for (const line of lines) {
    const r = await sh.run(line);
    if (r.status !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
}

describe('ip on the learner host', () => {
  it('shows addresses, brief addresses and routes', async () => {
    const sh = linuxShell();
    expect((await sh.run('ip addr')).stdout).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
        '    link/ether 76:15:2b:19:67:a3 brd ff:ff:ff:ff:ff:ff',
        '    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '    inet6 fe80::7415:2bff:fe19:67a3/64 scope link ',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
    expect((await sh.run('ip -br a')).stdout).toBe('lo               UNKNOWN        127.0.0.1/8 ::1/128 \neth0             UP             10.0.2.15/24 fe80::7415:2bff:fe19:67a3/64 \n');
    expect((await sh.run('ip r')).stdout).toBe('default via 10.0.2.2 dev eth0 \n10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 \n');
  });

  it('creates a veth pair, peer first, both down with M-DOWN', async () => {
    const sh = linuxShell();
    await script(sh, ['ip link add veth0 type veth peer name veth1']);
    expect((await sh.run('ip link show veth0')).stdout).toBe(
      '4: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether f2:40:63:d8:bc:12 brd ff:ff:ff:ff:ff:ff\n',
    );
    await script(sh, ['ip link set veth0 up']);
    expect((await sh.run('ip -br link show veth0')).stdout).toBe('veth0@veth1      LOWERLAYERDOWN f2:40:63:d8:bc:12 <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> \n');
    expect(await sh.run('ip link add veth0 type veth peer name veth2')).toEqual({ stdout: '', stderr: 'RTNETLINK answers: File exists\n', status: 2 });
  });

  it('shows a bridge without ports as NO-CARRIER and without qlen', async () => {
    const sh = linuxShell();
    await script(sh, ['ip link add br0 type bridge', 'ip link set br0 up']);
    expect((await sh.run('ip link show br0')).stdout).toBe(
      '3: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \n    link/ether 82:32:43:fc:e6:da brd ff:ff:ff:ff:ff:ff\n',
    );
  });

  it('prints iproute2 errors with its exit codes', async () => {
    const sh = linuxShell();
    expect(await sh.run('ip foo')).toEqual({ stdout: '', stderr: 'Object "foo" is unknown, try "ip help".\n', status: 255 });
    expect(await sh.run('ip link frob')).toEqual({ stdout: '', stderr: 'Command "frob" is unknown, try "ip link help".\n', status: 255 });
    expect(await sh.run('ip link set nope up')).toEqual({ stdout: '', stderr: 'Cannot find device "nope"\n', status: 1 });
    expect(await sh.run('ip addr add 10.0.0.1/24')).toEqual({ stdout: '', stderr: 'Not enough information: "dev" argument is required.\n', status: 1 });
    // lib/utils.c get_prefix(): family_name_verbose() says "any valid" until a family is known.
    expect(await sh.run('ip addr add banana dev eth0')).toEqual({ stdout: '', stderr: 'Error: any valid prefix is expected rather than "banana".\n', status: 1 });
    expect(await sh.run('ip -4 addr add banana dev eth0')).toEqual({ stdout: '', stderr: 'Error: inet prefix is expected rather than "banana".\n', status: 1 });
    expect(await sh.run('ip addr add 10.0.0.1/24 brd x dev eth0')).toEqual({ stdout: '', stderr: 'Error: inet address is expected rather than "x".\n', status: 1 });
    expect(await sh.run('ip route add nowhere dev eth0')).toEqual({ stdout: '', stderr: 'Error: any valid prefix is expected rather than "nowhere".\n', status: 1 });
    expect(await sh.run('ip route get nowhere')).toEqual({ stdout: '', stderr: 'Error: any valid prefix is expected rather than "nowhere".\n', status: 1 });
    expect(await sh.run('ip link show nope')).toEqual({ stdout: '', stderr: 'Device "nope" does not exist.\n', status: 1 });
    expect(await sh.run('ip addr show dev nope')).toEqual({ stdout: '', stderr: 'Device "nope" does not exist.\n', status: 1 });
    expect(await sh.run('ip link show master nope')).toEqual({ stdout: '', stderr: 'Error: argument "nope" is wrong: Device does not exist\n\n', status: 255 });
    expect(await sh.run('ip route add 10.9.0.0/24 via 1.2.3.4')).toEqual({ stdout: '', stderr: 'Error: Nexthop has invalid gateway.\n', status: 2 });
    expect(await sh.run('ip link set eth0 netns nowhere')).toEqual({ stdout: '', stderr: 'Error: argument "nowhere" is wrong: Invalid "netns" value\n\n', status: 255 });
    expect(await sh.run('ip link add x type wormhole')).toEqual({ stdout: '', stderr: 'Error: Unknown device type.\n', status: 2 });
  });
});

describe('ip netns', () => {
  it('wires two namespaces with a veth pair', async () => {
    const sh = linuxShell();
    await script(sh, [
      'ip netns add red',
      'ip netns add blue',
      'ip link add veth-red type veth peer name veth-blue',
      'ip link set veth-red netns red',
      'ip link set veth-blue netns blue',
      'ip -n red addr add 10.0.0.1/24 dev veth-red',
      'ip -n red link set veth-red up',
    ]);
    expect((await sh.run('ip netns list')).stdout).toBe('blue (id: 1)\nred (id: 0)\n');
    expect((await sh.run('ip netns exec red ip addr')).stdout).toBe(
      [
        '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '4: veth-red@if3: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN group default qlen 1000',
        '    link/ether f2:40:63:d8:bc:12 brd ff:ff:ff:ff:ff:ff link-netns blue',
        '    inet 10.0.0.1/24 scope global veth-red',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
    await script(sh, ['ip -n blue addr add 10.0.0.2/24 dev veth-blue', 'ip -n blue link set veth-blue up']);
    expect((await sh.run('ip netns exec red ip -br addr')).stdout).toBe('lo               DOWN           \nveth-red@if3     UP             10.0.0.1/24 fe80::f040:63ff:fed8:bc12/64 \n');
    expect((await sh.run('ip netns exec red ip route')).stdout).toBe('10.0.0.0/24 dev veth-red proto kernel scope link src 10.0.0.1 \n');
    expect((await sh.run('ip link')).stdout).not.toContain('veth');
  });

  it('reports missing and duplicate namespaces', async () => {
    const sh = linuxShell();
    await script(sh, ['ip netns add red']);
    expect(await sh.run('ip netns add red')).toEqual({ stdout: '', stderr: 'Cannot create namespace file "/var/run/netns/red": File exists\n', status: 1 });
    expect(await sh.run('ip netns exec blue ip a')).toEqual({ stdout: '', stderr: 'Cannot open network namespace "blue": No such file or directory\n', status: 1 });
    expect(await sh.run('ip netns exec blue')).toEqual({ stdout: '', stderr: 'No command specified\n', status: 255 });
    expect(await sh.run('ip netns delete blue')).toEqual({ stdout: '', stderr: 'Cannot remove namespace file "/var/run/netns/blue": No such file or directory\n', status: 1 });
    expect(await sh.run('ip netns exec red nosuchcmd')).toEqual({ stdout: '', stderr: 'exec of "nosuchcmd" failed: No such file or directory\n', status: 1 });
    expect(await sh.run('ls /var/run/netns; ip netns delete red; ip netns list')).toEqual({ stdout: 'red\n', stderr: '', status: 0 });
  });
});
