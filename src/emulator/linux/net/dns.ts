/**
 * The DNS hook: subsystems register a resolver for a nameserver address as seen from some
 * network namespaces (Docker's embedded DNS at 127.0.0.11 inside a container's netns, kube-dns
 * at 10.96.0.10 from pods). `resolveName` then follows /etc/hosts and /etc/resolv.conf.
 */
import type { NetNamespace } from '../namespaces.ts';

/** Answers a query: A records, or undefined for NXDOMAIN. */
export type Resolver = (name: string, from: NetNamespace) => string[] | undefined;

/** Answers a reverse (PTR) query: the name of `ip`, or undefined. */
export type ReverseResolver = (ip: string, from: NetNamespace) => string | undefined;

interface Entry {
  ip: number;
  resolver: Resolver;
  /** Which namespaces see this server; all when absent. */
  scope?: (netns: NetNamespace) => boolean;
  reverse?: ReverseResolver;
}

export class DnsRegistry {
  private readonly entries: Entry[] = [];

  /**
   * Registers `resolver` as the DNS server at `ip` (a 32-bit address) for namespaces where
   * `scope` holds. Later registrations win. Returns a function that removes it.
   */
  register(ip: number, resolver: Resolver, scope?: (netns: NetNamespace) => boolean, reverse?: ReverseResolver): () => void {
    const entry: Entry = { ip, resolver, scope, reverse };
    this.entries.push(entry);
    return () => {
      const i = this.entries.indexOf(entry);
      if (i >= 0) this.entries.splice(i, 1);
    };
  }

  /** The PTR answer of the server at `server` for `ip` (e.g. kube-dns names its own address). */
  reverseAt(server: number, ip: string, from: NetNamespace): string | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.ip === server && (!e.scope || e.scope(from))) return e.reverse?.(ip, from);
    }
    return undefined;
  }

  /** The resolver answering at `ip` for queries from `from`. */
  serverAt(ip: number, from: NetNamespace): Resolver | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.ip === ip && (!e.scope || e.scope(from))) return e.resolver;
    }
    return undefined;
  }
}
