/**
 * The networking parts of the live view, as data: Docker networks as bridges with their
 * containers and IPs, and network namespaces with their links (veth pairs shown with the
 * namespace of the other end). Pure functions over small input shapes that the world reader
 * fills from the Docker engine and the Linux model.
 */

export interface DockerNetworkInput {
  name: string;
  driver: string;
  subnet?: string;
  bridge?: string;
  containers: { name: string; ip?: string; running: boolean }[];
}

export interface DockerNetworkView {
  readonly name: string;
  readonly driver: string;
  readonly subnet?: string;
  readonly bridge?: string;
  readonly containers: readonly { name: string; ip?: string; running: boolean }[];
}

export interface NetnsLinkInput {
  name: string;
  kind: string;
  up: boolean;
  addresses: string[];
  /** For a veth: the peer's name and the namespace it lives in ('host' for the initial one). */
  peer?: { name: string; netns: string };
  /** The bridge this link is a port of. */
  master?: string;
}

export interface NetnsInput {
  /** 'host' for the host's initial namespace, else the `ip netns` name (or `net:[inode]`). */
  name: string;
  links: NetnsLinkInput[];
}

export interface NetnsView {
  readonly name: string;
  readonly links: readonly NetnsLinkInput[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Docker networks worth drawing: user-defined ones and the default bridge when it has
 * containers (host and none carry no addresses to show).
 */
export function dockerView(networks: readonly DockerNetworkInput[]): DockerNetworkView[] {
  return networks
    .filter((n) => n.driver !== 'host' && n.driver !== 'null' && (n.name !== 'bridge' || n.containers.length > 0))
    .map((n) => ({ ...n, containers: [...n.containers].sort(byName) }))
    .sort((a, b) => (a.name === 'bridge' ? -1 : b.name === 'bridge' ? 1 : byName(a, b)));
}

/**
 * Network namespaces worth drawing: named ones, plus the host's when a veth links it to one.
 * Loopback links are left out unless they are the only link (a fresh namespace).
 */
export function netnsView(namespaces: readonly NetnsInput[]): NetnsView[] {
  const named = namespaces.filter((n) => n.name !== 'host');
  if (named.length === 0) return [];
  const linked = new Set(named.flatMap((n) => n.links.map((l) => l.peer?.netns).filter((x): x is string => x !== undefined)));
  return namespaces
    .filter((n) => n.name !== 'host' || linked.has('host'))
    .map((n) => {
      const real = n.links.filter((l) => l.kind !== 'loopback');
      const links = n.name === 'host' ? real.filter((l) => l.kind === 'veth' || l.kind === 'bridge') : real.length > 0 ? real : n.links;
      return { name: n.name, links: [...links].sort(byName) };
    });
}
