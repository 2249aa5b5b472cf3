/**
 * The images lessons use, with their real default configuration (Cmd, Entrypoint, ExposedPorts,
 * Env, StopSignal as in the official images' Dockerfiles on Docker Hub), plausible sizes, and the
 * programs each image ships. Ids and digests are stable hashes, not the registry's real ones.
 * A deliberate table.
 */
import { imagePrograms, programNames } from './image-programs.ts';
import { stableHex } from './stable-hex.ts';

/** What a catalogue image is. */
export interface ImageSpec {
  /** Repository without registry/library prefix, e.g. `nginx`. */
  readonly repo: string;
  readonly tag: string;
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly exposedPorts: readonly string[];
  readonly env: readonly string[];
  readonly workingDir: string;
  readonly stopSignal?: string;
  /** Uncompressed size in bytes (what `docker images` shows). */
  readonly size: number;
  /** Days between the image's build and the world's start. */
  readonly ageDays: number;
  /** Number of layers pulled. */
  readonly layers: number;
  /** `busybox` images have BusyBox applets (ash, ping, wget, nslookup); `gnu` images have bash. */
  readonly userland: 'busybox' | 'gnu';
  /** Names of the programs on the image's PATH (from image-programs.ts, which has their paths). */
  readonly tools: readonly string[];
  /** Files the image ships that lessons read (path → content). */
  readonly files: Readonly<Record<string, string>>;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The nginx image is nginx:latest as it was from 24 June to mid-August 2025: mainline 1.29.0 on
 * debian:bookworm-slim (NJS 0.9.0, packages `1~bookworm`), the last tags before the move to
 * trixie. Bookworm because the image's programs (image-programs.ts) are bookworm-slim's `dpkg -L`
 * lists, which could be checked; trixie's could not. Sources: the env of `FROM nginx:1.29.0` images
 * (NJS_VERSION=0.9.0, NJS_RELEASE=1~bookworm), nginx.org's `1.29.0-1~bookworm` package, container
 * logs of nginx:1.29.0 (`nginx/1.29.0`, `built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1)`), and
 * `docker images` listings of bookworm-era nginx:latest (192MB).
 */
export const NGINX_VERSION = '1.29.0';

/** The names on the PATH of catalogue image `repo` (see image-programs.ts for where they come from). */
function toolsOf(repo: string): readonly string[] {
  return programNames(imagePrograms(repo));
}

/** The default page of the nginx image (/usr/share/nginx/html/index.html, 615 bytes). */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The nginx image's error page (/usr/share/nginx/html/50x.html, from the nginx package). */
export const NGINX_50X_HTML = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n';

/** The default page of the httpd image (/usr/local/apache2/htdocs/index.html). */
export const HTTPD_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n';

const MB = 1_000_000;

/** The catalogue, by repository name. */
export const IMAGE_CATALOGUE: Readonly<Record<string, ImageSpec>> = {
  alpine: {
    repo: 'alpine', tag: 'latest', cmd: ['/bin/sh'], entrypoint: null, exposedPorts: [], env: [PATH],
    workingDir: '/', size: 8.31 * MB, ageDays: 47, layers: 1, userland: 'busybox',
    tools: toolsOf('alpine'), files: {},
  },
  busybox: {
    repo: 'busybox', tag: 'latest', cmd: ['sh'], entrypoint: null, exposedPorts: [],
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workingDir: '/',
    size: 4.43 * MB, ageDays: 418, layers: 1, userland: 'busybox', tools: toolsOf('busybox'), files: {},
  },
  nginx: {
    repo: 'nginx', tag: 'latest', cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'], exposedPorts: ['80/tcp'],
    env: [PATH, `NGINX_VERSION=${NGINX_VERSION}`, 'NJS_VERSION=0.9.0', 'NJS_RELEASE=1~bookworm',
      'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
    workingDir: '/', stopSignal: 'SIGQUIT', size: 192 * MB, ageDays: 12, layers: 7,
    userland: 'gnu', tools: toolsOf('nginx'),
    files: { '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML, '/usr/share/nginx/html/50x.html': NGINX_50X_HTML },
  },
  ubuntu: {
    repo: 'ubuntu', tag: 'latest', cmd: ['/bin/bash'], entrypoint: null, exposedPorts: [], env: [PATH],
    workingDir: '/', size: 78.1 * MB, ageDays: 33, layers: 1, userland: 'gnu', tools: toolsOf('ubuntu'),
    files: {},
  },
  debian: {
    repo: 'debian', tag: 'latest', cmd: ['bash'], entrypoint: null, exposedPorts: [], env: [PATH],
    workingDir: '/', size: 120 * MB, ageDays: 13, layers: 1, userland: 'gnu', tools: toolsOf('debian'),
    files: {},
  },
  redis: {
    repo: 'redis', tag: 'latest', cmd: ['redis-server'], entrypoint: ['docker-entrypoint.sh'],
    exposedPorts: ['6379/tcp'], env: [PATH, 'REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.2.3.tar.gz'],
    workingDir: '/data', size: 137 * MB, ageDays: 20, layers: 8, userland: 'gnu',
    tools: toolsOf('redis'), files: {},
  },
  postgres: {
    repo: 'postgres', tag: 'latest', cmd: ['postgres'], entrypoint: ['docker-entrypoint.sh'],
    exposedPorts: ['5432/tcp'],
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/18/bin',
    'GOSU_VERSION=1.19', 'LANG=en_US.utf8', 'PG_MAJOR=18', 'PG_VERSION=18.1-1.pgdg13+2',
    'PGDATA=/var/lib/postgresql/18/docker'],
    workingDir: '/', stopSignal: 'SIGINT', size: 456 * MB, ageDays: 10, layers: 14, userland: 'gnu',
    tools: toolsOf('postgres'), files: {},
  },
  mysql: {
    repo: 'mysql', tag: 'latest', cmd: ['mysqld'], entrypoint: ['docker-entrypoint.sh'],
    exposedPorts: ['3306/tcp', '33060/tcp'],
    env: [PATH, 'GOSU_VERSION=1.19', 'MYSQL_MAJOR=innovation', 'MYSQL_VERSION=9.5.0-1.el9',
      'MYSQL_SHELL_VERSION=9.5.0-1.el9'],
    workingDir: '/', size: 922 * MB, ageDays: 40, layers: 11, userland: 'gnu',
    tools: toolsOf('mysql'), files: {},
  },
  httpd: {
    repo: 'httpd', tag: 'latest', cmd: ['httpd-foreground'], entrypoint: null,
    exposedPorts: ['80/tcp'],
    env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.65'],
    workingDir: '/usr/local/apache2', stopSignal: 'SIGWINCH', size: 117 * MB, ageDays: 25, layers: 6,
    userland: 'gnu', tools: toolsOf('httpd'),
    files: { '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX_HTML },
  },
};

/** The content-addressed image id (`sha256:<64 hex>`) of a catalogue image. */
export function imageId(spec: ImageSpec): string {
  return `sha256:${stableHex(`image:${spec.repo}:${spec.tag}`, 64)}`;
}

/** The repository digest (`sha256:<64 hex>`) shown by `docker pull` and RepoDigests. */
export function imageDigest(spec: ImageSpec): string {
  return `sha256:${stableHex(`digest:${spec.repo}:${spec.tag}`, 64)}`;
}

/** Images built FROM a debian slim image share its base layer (so a second pull says "Already exists"). */
const DEBIAN_BASE: Readonly<Record<string, string>> = { nginx: 'bookworm-slim', redis: 'trixie-slim', postgres: 'trixie-slim', httpd: 'trixie-slim' };

/** Short (12 hex) ids of the image's layers, as `docker pull` prints them. */
export function layerIds(spec: ImageSpec): string[] {
  const base = DEBIAN_BASE[spec.repo];
  return Array.from({ length: spec.layers }, (_, i) =>
    i === 0 && base ? stableHex(`layer:debian:${base}:0`, 12) : stableHex(`layer:${spec.repo}:${spec.tag}:${i}`, 12),
  );
}
