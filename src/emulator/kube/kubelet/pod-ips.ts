/** Pod IPs of one node: host-local IPAM over the node's pod CIDR, as kind's CNI hands them out. */
export class PodIPs {
  private readonly ips = new Map<string, string>();
  private readonly used = new Set<string>();
  private next = 2;
  private readonly base: string;
  private readonly nodeName: string;

  /** `podCIDR` like `10.244.1.0/24`. */
  constructor(podCIDR: string, nodeName: string) {
    this.base = podCIDR.split('/')[0].replace(/\.0$/, '');
    this.nodeName = nodeName;
  }

  /** The pod's address: the one it has, or the next free one after the last handed out. Throws when the /24 is full. */
  allocate(uid: string): string {
    const existing = this.ips.get(uid);
    if (existing) return existing;
    for (let n = 0; n < 253; n++) {
      const i = 2 + ((this.next - 2 + n) % 253);
      const ip = `${this.base}.${i}`;
      if (!this.used.has(ip)) {
        this.ips.set(uid, ip);
        this.used.add(ip);
        this.next = i + 1;
        return ip;
      }
    }
    throw new Error(`no free pod IP on ${this.nodeName}`);
  }

  /** Frees the pod's address. */
  release(uid: string): void {
    const ip = this.ips.get(uid);
    if (ip) this.used.delete(ip);
    this.ips.delete(uid);
  }
}
