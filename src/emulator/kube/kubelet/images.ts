/**
 * The images the cluster can pull, with sizes and what their default process does. Names are
 * normalized like containerd's (`nginx` → `docker.io/library/nginx:latest`). Unknown repositories
 * fail to pull with the registry's error, as on a real node.
 */

export interface ImageInfo {
  /** Fully qualified reference, e.g. `docker.io/library/nginx:1.25`. */
  ref: string;
  /** Bytes, as the Pulled event reports. */
  size: number;
  /** What the image's entrypoint does when no command is given. */
  main: 'server' | 'shell' | 'pause' | 'dns';
  /** TCP ports its server listens on. */
  ports: number[];
  /** The entrypoint's argv (for `ps`). */
  argv: string[];
  /** `sha256:…` digest used in imageID. */
  digest: string;
}

interface Repo {
  size: number;
  main: ImageInfo['main'];
  ports: number[];
  argv: string[];
}

const REPOS: Record<string, Repo> = {
  'docker.io/library/nginx': { size: 72_099_409, main: 'server', ports: [80], argv: ['nginx', '-g', 'daemon off;'] },
  'registry.k8s.io/nginx-slim': { size: 18_370_522, main: 'server', ports: [80], argv: ['nginx', '-g', 'daemon off;'] },
  'docker.io/library/httpd': { size: 58_315_302, main: 'server', ports: [80], argv: ['httpd-foreground'] },
  'docker.io/library/redis': { size: 45_231_090, main: 'server', ports: [6379], argv: ['redis-server'] },
  'docker.io/library/postgres': { size: 158_461_233, main: 'server', ports: [5432], argv: ['postgres'] },
  'docker.io/library/mysql': { size: 172_311_066, main: 'server', ports: [3306], argv: ['mysqld'] },
  'docker.io/library/busybox': { size: 2_155_540, main: 'shell', ports: [], argv: ['sh'] },
  'registry.k8s.io/busybox': { size: 1_144_547, main: 'shell', ports: [], argv: ['sh'] },
  'docker.io/library/alpine': { size: 3_643_213, main: 'shell', ports: [], argv: ['/bin/sh'] },
  'docker.io/library/debian': { size: 48_480_115, main: 'shell', ports: [], argv: ['bash'] },
  'docker.io/library/ubuntu': { size: 29_754_290, main: 'shell', ports: [], argv: ['/bin/bash'] },
  'registry.k8s.io/pause': { size: 320_368, main: 'pause', ports: [], argv: ['/pause'] },
  'registry.k8s.io/coredns/coredns': { size: 18_562_039, main: 'dns', ports: [53, 8080, 8181, 9153], argv: ['/coredns', '-conf', '/etc/coredns/Corefile'] },
  'registry.k8s.io/e2e-test-images/agnhost': { size: 51_118_306, main: 'server', ports: [8080], argv: ['/agnhost', 'netexec'] },
  'registry.k8s.io/etcd': { size: 23_653_706, main: 'server', ports: [], argv: ['etcd'] },
  'registry.k8s.io/kube-apiserver': { size: 30_113_432, main: 'server', ports: [], argv: ['kube-apiserver'] },
  'registry.k8s.io/kube-controller-manager': { size: 22_819_474, main: 'server', ports: [], argv: ['kube-controller-manager'] },
  'registry.k8s.io/kube-scheduler': { size: 17_385_558, main: 'server', ports: [], argv: ['kube-scheduler'] },
  'registry.k8s.io/kube-proxy': { size: 28_113_104, main: 'server', ports: [], argv: ['/usr/local/bin/kube-proxy'] },
  'docker.io/kindest/kindnetd': { size: 38_601_118, main: 'server', ports: [], argv: ['/bin/kindnetd'] },
  'docker.io/kindest/local-path-provisioner': { size: 22_541_737, main: 'server', ports: [], argv: ['local-path-provisioner'] },
  'gcr.io/google_containers/nginx-slim': { size: 25_512_400, main: 'server', ports: [80], argv: ['nginx', '-g', 'daemon off;'] },
};

/** `nginx` → `docker.io/library/nginx:latest`; `registry.k8s.io/nginx-slim:0.24` unchanged. */
export function normalizeImage(image: string): string {
  let name = image;
  let suffix = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    suffix = name.slice(at);
    name = name.slice(0, at);
  }
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  let tag = '';
  if (colon > lastSlash) {
    tag = name.slice(colon);
    name = name.slice(0, colon);
  } else if (!suffix) tag = ':latest';
  const first = name.split('/')[0];
  if (!name.includes('/')) name = `docker.io/library/${name}`;
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost') name = `docker.io/${name}`;
  return name + tag + suffix;
}

function repoOf(ref: string): string {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  return colon > slash ? base.slice(0, colon) : base;
}

function digestOf(ref: string): string {
  // A stable fake sha256 from the reference.
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < ref.length; i++) h1 = Math.imul(h1 ^ ref.charCodeAt(i), 0x01000193) >>> 0;
    h1 = Math.imul(h1 ^ round, 0x01000193) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}

/** Answers of `lookupImage` per `image:` text (a pure function of it; frozen, shared). */
const looked = new Map<string, ImageInfo | undefined>();

/**
 * The image for a pod's `image:` field, or undefined when the registry has no such repository.
 * The answer is frozen and shared by every caller with the same text.
 */
export function lookupImage(image: string): ImageInfo | undefined {
  if (looked.has(image)) return looked.get(image);
  const info = findImage(image);
  if (looked.size >= 10_000) looked.clear();
  looked.set(image, info && Object.freeze(info));
  return info;
}

function findImage(image: string): ImageInfo | undefined {
  const ref = normalizeImage(image);
  const repo = REPOS[repoOf(ref)];
  if (!repo) return undefined;
  const tag = ref.slice(repoOf(ref).length);
  if (/^:(doesnotexist|nonexistent|bad-tag|notatag)/.test(tag)) return undefined;
  return { ref, size: repo.size, main: repo.main, ports: repo.ports, argv: repo.argv, digest: digestOf(repoOf(ref) + tag) };
}

/** The error a failed pull reports (containerd's text for a missing repository or tag). */
export function pullError(image: string): string {
  const ref = normalizeImage(image);
  if (REPOS[repoOf(ref)]) {
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  }
  return `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** Pull time for an image over the node's link (about 40 MB/s plus a round trip). */
export function pullMs(info: ImageInfo, cached: boolean): number {
  if (cached) return 400 + Math.round(info.size / 200_000_000 * 1000);
  return 900 + Math.round((info.size / 40_000_000) * 1000);
}

/** Go's time.Duration String(): `512ms`, `2.743s`, `1m3.2s`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${trim(s)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${trim(s - m * 60)}s`;
}

function trim(x: number): string {
  return x.toFixed(3).replace(/\.?0+$/, '');
}
