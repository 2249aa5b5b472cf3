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
 * The Debian-based images are one snapshot: the `latest` tags of early July 2025, all built FROM
 * debian:bookworm-slim (Debian 12.11, base-files 12.4+deb12u11), the last releases before the
 * official images moved to trixie in August 2025. Bookworm because the images' programs
 * (image-programs.ts) are bookworm-slim's `dpkg -L` lists, which could be checked; trixie's could
 * not. Each image's facts and where they come from (see also test/fidelity/docker/SOURCES.md):
 *
 * - nginx 1.29.0 (nginx:latest 24 June – mid-August 2025): the env of `FROM nginx:1.29.0` images
 *   (NJS_VERSION=0.9.0, NJS_RELEASE=1~bookworm), nginx.org's `1.29.0-1~bookworm` package, container
 *   logs of nginx:1.29.0 (`nginx/1.29.0`, `built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1)`), and
 *   `docker images` listings of bookworm-era nginx:latest (192MB).
 * - redis 8.0.2 (redis:latest 29 May – early July 2025): docker-library/repo-info
 *   repos/redis/tag-details.md of July 2025 (`redis:latest` amd64: `debian.sh … 'bookworm'`, ENV
 *   REDIS_DOWNLOAD_URL/REDIS_DOWNLOAD_SHA, no gosu, 7 layers, Entrypoint docker-entrypoint.sh, Cmd
 *   redis-server, EXPOSE 6379/tcp, WORKDIR /data); `docker inspect` Env of redis:8.0.2 containers;
 *   `docker images` of June 2025 (redis latest 128MB); container logs (`Starting Redis Server`,
 *   `Redis version=8.0.2, bits=64, commit=00000000, modified=1`, the bundled modules' lines).
 * - postgres 17.5 (postgres:latest 8 May – 14 August 2025): repo-info tag-details of
 *   `postgres:bookworm` (ENV GOSU_VERSION=1.17, LANG=en_US.utf8, PG_MAJOR=17, PATH …/17/bin,
 *   PG_VERSION=17.5-1.pgdg120+1, PGDATA=/var/lib/postgresql/data; STOPSIGNAL SIGINT; 14 layers);
 *   `docker inspect` Env of postgres:17.5 containers; `docker images` listings (435MB for the
 *   bookworm 17.x latest).
 * - httpd 2.4.63 (httpd:latest 24 January – 10 July 2025): repo-info tag-details (`debian.sh …
 *   'bookworm'`, ENV HTTPD_VERSION=2.4.63, HTTPD_SHA256=88fc…, HTTPD_PATCHES=), `docker history`
 *   of httpd:latest 2.4.63 (6 layers, bookworm-slim base 74.8MB) and its `docker images` (148MB).
 * - debian 12.11 (debian:latest = bookworm until trixie's release on 9 August 2025): repo-info
 *   repos/debian/local/bookworm.md (Cmd bash, Env PATH only, ~116.57 MB on disk: 117MB).
 */
export const NGINX_VERSION = '1.29.0';
/** Redis in the redis image (redis-server's `Redis version=`). */
export const REDIS_VERSION = '8.0.2';
/** Apache httpd in the httpd image (its `Server: Apache/2.4.63 (Unix)` header). */
export const HTTPD_VERSION = '2.4.63';
/** PostgreSQL in the postgres image, and its Debian package version (PG_VERSION). */
export const POSTGRES_VERSION = '17.5';

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
    workingDir: '/', size: 117 * MB, ageDays: 13, layers: 1, userland: 'gnu', tools: toolsOf('debian'),
    files: {},
  },
  redis: {
    repo: 'redis', tag: 'latest', cmd: ['redis-server'], entrypoint: ['docker-entrypoint.sh'],
    exposedPorts: ['6379/tcp'],
    env: [PATH, `REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/${REDIS_VERSION}.tar.gz`,
      'REDIS_DOWNLOAD_SHA=caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f'],
    workingDir: '/data', size: 128 * MB, ageDays: 20, layers: 7, userland: 'gnu',
    tools: toolsOf('redis'), files: {},
  },
  postgres: {
    repo: 'postgres', tag: 'latest', cmd: ['postgres'], entrypoint: ['docker-entrypoint.sh'],
    exposedPorts: ['5432/tcp'],
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin',
      'GOSU_VERSION=1.17', 'LANG=en_US.utf8', 'PG_MAJOR=17', `PG_VERSION=${POSTGRES_VERSION}-1.pgdg120+1`,
      'PGDATA=/var/lib/postgresql/data'],
    workingDir: '/', stopSignal: 'SIGINT', size: 435 * MB, ageDays: 10, layers: 14, userland: 'gnu',
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
      'HTTPD_PREFIX=/usr/local/apache2', `HTTPD_VERSION=${HTTPD_VERSION}`,
      'HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab', 'HTTPD_PATCHES='],
    workingDir: '/usr/local/apache2', stopSignal: 'SIGWINCH', size: 148 * MB, ageDays: 25, layers: 6,
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

/** Images built FROM debian:bookworm-slim share its base layer (so a second pull says "Already exists"). */
const DEBIAN_BASE: Readonly<Record<string, string>> = { nginx: 'bookworm-slim', redis: 'bookworm-slim', postgres: 'bookworm-slim', httpd: 'bookworm-slim' };

/** Short (12 hex) ids of the image's layers, as `docker pull` prints them. */
export function layerIds(spec: ImageSpec): string[] {
  const base = DEBIAN_BASE[spec.repo];
  return Array.from({ length: spec.layers }, (_, i) =>
    i === 0 && base ? stableHex(`layer:debian:${base}:0`, 12) : stableHex(`layer:${spec.repo}:${spec.tag}:${i}`, 12),
  );
}
