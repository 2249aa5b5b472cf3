/**
 * `ip neigh` (iproute2 6.1 ip/ipneigh.c print_neighbor: "ADDR dev DEV lladdr MAC STATE", "dev"
 * omitted under a `dev` filter; get_prefix's "Error: any valid prefix is expected rather than"
 * with exit 1; "Command \"x\" is unknown, try \"ip neigh help\"." exit 255). The QEMU user-network
 * gateway 10.0.2.2 answers ARP with 52:55:0a:00:02:02 (slirp: 52:55 + its address).
 */
import { describe } from 'vitest';
import { describeCases } from '../../testing/cases.ts';

describe('ip neigh', () => {
  describeCases('the ARP cache fills with traffic and goes STALE', [
    ['ip neigh', '', '', 0],
    ['ping -c 1 10.0.2.2 > /dev/null; ip neigh show', '10.0.2.2 dev eth0 lladdr 52:55:0a:00:02:02 REACHABLE\n', '', 0],
    ['ip n s dev eth0', '10.0.2.2 lladdr 52:55:0a:00:02:02 REACHABLE\n', '', 0],
    ['ip neigh show to 10.0.2.0/24; ip neigh show 192.168.0.0/16; ip -6 neigh', '10.0.2.2 dev eth0 lladdr 52:55:0a:00:02:02 REACHABLE\n', '', 0],
    ['sleep 31; ip neighbour list', '10.0.2.2 dev eth0 lladdr 52:55:0a:00:02:02 STALE\n', '', 0],
    ['ip neigh show banana', '', 'Error: any valid prefix is expected rather than "banana".\n', 1],
    ['ip neigh show dev eth9', '', 'Cannot find device "eth9"\n', 1],
    ['ip neigh foo', '', 'Command "foo" is unknown, try "ip neigh help".\n', 255],
    ['ip neigh flush all', '', "petlab: 'ip neighbor flush' is not available in this lab\n", 1],
  ]);

  describeCases('each network namespace has its own cache', [
    ['ip link add veth0 type veth peer name veth1; ip netns add red; ip link set veth1 netns red', '', '', 0],
    ['ip addr add 10.9.0.1/24 dev veth0; ip link set veth0 up', '', '', 0],
    ['ip -n red addr add 10.9.0.2/24 dev veth1; ip -n red link set veth1 up; ip -n red link set lo up', '', '', 0],
    ['ping -c 1 10.9.0.2 > /dev/null; ip neigh | grep -c 10.9.0.2; ip -n red neigh | cut -d" " -f1-3,6', '1\n10.9.0.1 dev veth1 REACHABLE\n', '', 0],
  ]);
});
