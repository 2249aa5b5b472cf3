/**
 * What lies beyond a host's uplink: the upstream router (QEMU's user network: 10.0.2.2, DNS at
 * 10.0.2.3), public addresses that answer ping, and a few well-known web sites. Deterministic:
 * nothing here depends on the real network.
 */
import { formatIp, inPrefix, parseIp } from './ipv4.ts';

/** A public site reachable over HTTP. */
export interface Site {
  ip: number;
  names: string[];
  /** Answers an HTTP request path with the body. */
  body(path: string): string;
}

const PRIVATE: [number, number][] = [
  ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['127.0.0.0', 8], ['169.254.0.0', 16], ['100.64.0.0', 10], ['0.0.0.0', 8], ['224.0.0.0', 3],
].map(([ip, p]) => [parseIp(ip as string)!, p as number]);

const EXAMPLE_BODY = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>
</head>
<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
</div>
</body>
</html>
`;

export class Internet {
  /** Upstream routers (next hops of a host's default route). */
  readonly routers = new Set<number>([parseIp('10.0.2.2')!]);
  /** Upstream DNS servers answering for public names. */
  readonly nameservers = new Set<number>([parseIp('10.0.2.3')!, parseIp('8.8.8.8')!, parseIp('1.1.1.1')!]);
  private readonly sites = new Map<number, Site>();
  private readonly names = new Map<string, number>();

  constructor() {
    this.addSite(['example.com', 'www.example.com'], '93.184.215.14', () => EXAMPLE_BODY);
    // Names the Docker and Kubernetes tutorials ping or fetch.
    this.addSite(['google.com', 'www.google.com'], '142.250.185.78', () => '<!doctype html><html><head><title>Google</title></head><body></body></html>\n');
    this.addSite(['github.com'], '140.82.121.4', () => '<!DOCTYPE html>\n<html lang="en"><head><title>GitHub</title></head><body></body></html>\n');
    this.addSite(['docker.com', 'www.docker.com'], '141.193.213.10', () => '<!DOCTYPE html>\n<html lang="en-US"><head><title>Docker</title></head><body></body></html>\n');
    this.addSite(['kubernetes.io'], '15.197.167.90', () => '<!doctype html><html lang="en"><head><title>Kubernetes</title></head><body></body></html>\n');
  }

  /** Adds a public web site answering HTTP on ports 80 and 443. */
  addSite(names: string[], ip: string, body: (path: string) => string): void {
    const n = parseIp(ip);
    if (n === undefined) throw new Error(`bad site address ${ip}`);
    this.sites.set(n, { ip: n, names, body });
    for (const name of names) this.names.set(name.toLowerCase(), n);
  }

  /** True for addresses outside the private, loopback, link-local and multicast ranges. */
  isPublic(ip: number): boolean {
    return !PRIVATE.some(([net, prefix]) => inPrefix(ip, net, prefix));
  }

  /** The site at `ip`, if any. */
  site(ip: number): Site | undefined {
    return this.sites.get(ip);
  }

  /** Public DNS: the A records of `name`, or undefined (NXDOMAIN). */
  resolve(name: string): string[] | undefined {
    const ip = this.names.get(name.toLowerCase().replace(/\.$/, ''));
    return ip === undefined ? undefined : [formatIp(ip)];
  }
}
