/**
 * What a container's main process does, as data: the built-in behaviour of the catalogue's
 * daemons (nginx, httpd, redis, postgres, mysql), shells and `sleep`. Anything else is run by the
 * shell through the engine's program runner (see `ProgramRunner` in engine.ts), or fails the way
 * runc fails when the executable is missing.
 */
import type { Container } from './types.ts';
import { HTTPD_VERSION, NGINX_VERSION, POSTGRES_VERSION, REDIS_VERSION } from './image-catalogue.ts';
import { formatIPv4 } from './ipv4.ts';

/** A process of the container's tree, as `docker top` and `ps` inside show it. */
export interface ProgramProcess {
  readonly argv: string[];
  readonly user: string;
  /** Index of the parent in the list (-1 for the main process). */
  readonly parent: number;
}

/** The behaviour of a container's main process. */
export type Program =
  /** Runs until stopped: a server. `listens` are ports it accepts connections on. */
  | {
      kind: 'service';
      processes: ProgramProcess[];
      listens: { port: number; proto: 'tcp' | 'udp' }[];
      /** Log lines written at start (stdout, or stderr when prefixed by \u0000). */
      startLogs: (at: number) => { stream: 'stdout' | 'stderr'; text: string }[];
      /** Exit code when stopped with the image's stop signal (SIGTERM unless set). */
      exitOnStop: number;
      /** Web root served on port 80, when it is a web server. */
      webRoot?: string;
    }
  /** Exits at once with this code and output (a shell without stdin, a missing password). */
  | { kind: 'exit'; code: number; logs: { stream: 'stdout' | 'stderr'; text: string }[] }
  /** `sleep N`: runs for ms, ignores SIGTERM as PID 1. */
  | { kind: 'sleep'; ms: number | undefined; processes: ProgramProcess[] }
  /** An interactive shell (`-i`): waits on stdin; ignores SIGTERM as PID 1. */
  | { kind: 'shell'; processes: ProgramProcess[] }
  /** Something the shell must run (`ping`, `wget`, `echo`…). */
  | { kind: 'external'; argv: string[] }
  /** The executable is not in the image. */
  | { kind: 'missing'; name: string };

const SHELLS = new Set(['sh', 'ash', 'bash', '/bin/sh', '/bin/ash', '/bin/bash', '/usr/bin/bash']);

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026/11/29 10:00:05`, nginx's error-log timestamp. */
function nginxTime(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `29 Nov 2026 10:00:05.123`, redis's log timestamp. */
function redisTime(at: number): string {
  const d = new Date(at);
  return `${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

function envOf(c: Container, name: string): string | undefined {
  for (const e of c.config.env) if (e.startsWith(`${name}=`)) return e.slice(name.length + 1);
  return undefined;
}

/** Decides what the container's main process (`path args…`) does. */
export function programFor(c: Container): Program {
  const argv = [c.path, ...c.args];
  const base = argv[0].split('/').pop() ?? argv[0];
  const tools = new Set(c.image.spec.tools);
  const entry = c.config.entrypoint;
  const viaEntrypoint = entry && entry.length > 0 && /docker-entrypoint\.sh$/.test(entry[0]);
  const prog = viaEntrypoint ? (argv[1] ?? '') : base;
  const progArgs = viaEntrypoint ? argv.slice(2) : argv.slice(1);

  if (prog === 'nginx' && c.image.spec.repo === 'nginx') return nginx(argv);
  if (prog === 'httpd-foreground') return httpd(c);
  if (prog === 'redis-server') return redis();
  if (prog === 'postgres') return postgres(c);
  if (prog === 'mysqld') return mysql(c);
  if (SHELLS.has(prog) && progArgs.length === 0) {
    if (!tools.has(base) && !tools.has(prog.split('/').pop() ?? prog)) return { kind: 'missing', name: prog };
    if (c.config.openStdin) return { kind: 'shell', processes: [{ argv, user: 'root', parent: -1 }] };
    return { kind: 'exit', code: 0, logs: [] };
  }
  if (prog === 'sleep' && progArgs.length === 1) {
    const ms = progArgs[0] === 'infinity' ? undefined : Number(progArgs[0]) * 1000;
    if (ms === undefined || Number.isFinite(ms)) return { kind: 'sleep', ms, processes: [{ argv, user: 'root', parent: -1 }] };
  }
  if (prog === 'tail' && progArgs.join(' ') === '-f /dev/null') return { kind: 'sleep', ms: undefined, processes: [{ argv, user: 'root', parent: -1 }] };
  const name = prog.split('/').pop() ?? prog;
  if (!tools.has(name)) return { kind: 'missing', name: prog };
  return { kind: 'external', argv: viaEntrypoint ? argv.slice(1) : argv };
}

function nginx(argv: string[]): Program {
  const master = `nginx: master process ${argv.slice(1).join(' ')}`.replace(/^nginx: master process \/docker-entrypoint\.sh /, 'nginx: master process ');
  return {
    kind: 'service',
    processes: [
      { argv: [master], user: 'root', parent: -1 },
      { argv: ['nginx: worker process'], user: 'nginx', parent: 0 },
      { argv: ['nginx: worker process'], user: 'nginx', parent: 0 },
    ],
    listens: [{ port: 80, proto: 'tcp' }],
    webRoot: '/usr/share/nginx/html',
    exitOnStop: 0,
    startLogs: (at) => {
      const t = nginxTime(at);
      return [
        ...[
          '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
          '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
          '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
          '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
        ].map((text) => ({ stream: 'stdout' as const, text })),
        ...[
          `${t} [notice] 1#1: using the "epoll" event method`,
          `${t} [notice] 1#1: nginx/${NGINX_VERSION}`,
          `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `,
          `${t} [notice] 1#1: OS: Linux 6.1.0-27-amd64`,
          `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
          `${t} [notice] 1#1: start worker processes`,
          `${t} [notice] 1#1: start worker process 29`,
          `${t} [notice] 1#1: start worker process 30`,
        ].map((text) => ({ stream: 'stderr' as const, text })),
      ];
    },
  };
}

/** `2025-07-12 18:34:04.412 UTC`, PostgreSQL's %m log timestamp. */
function postgresTime(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')} UTC`;
}

/** `Fri Feb 28 12:12:36.633563 2025`, Apache's error-log timestamp (ap_recent_ctime_ex with usec). */
function apacheTime(at: number): string {
  const d = new Date(at);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const usec = `${String(d.getUTCMilliseconds()).padStart(3, '0')}000`;
  return `${day} ${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${usec} ${d.getUTCFullYear()}`;
}

/**
 * httpd:2.4.63's start-up, as `docker logs` of its containers shows it (all on stderr, ErrorLog
 * /proc/self/fd/2): AH00558 twice (config check and start, with the container's first address),
 * then the event MPM's AH00489 with the version and core's AH00094 command line.
 */
function httpd(c: Container): Program {
  return {
    kind: 'service',
    processes: [
      { argv: ['httpd', '-DFOREGROUND'], user: 'root', parent: -1 },
      { argv: ['httpd', '-DFOREGROUND'], user: 'www-data', parent: 0 },
      { argv: ['httpd', '-DFOREGROUND'], user: 'www-data', parent: 0 },
      { argv: ['httpd', '-DFOREGROUND'], user: 'www-data', parent: 0 },
    ],
    listens: [{ port: 80, proto: 'tcp' }],
    webRoot: '/usr/local/apache2/htdocs',
    exitOnStop: 0,
    startLogs: (at) => {
      const ip = [...c.endpoints.values()].map((ep) => ep.ip).find((n) => n !== undefined);
      const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip === undefined ? '127.0.0.1' : formatIPv4(ip)}. Set the 'ServerName' directive globally to suppress this message`;
      const t = apacheTime(at);
      return [
        fqdn,
        fqdn,
        `[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${HTTPD_VERSION} (Unix) configured -- resuming normal operations`,
        `[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
      ].map((text) => ({ stream: 'stderr' as const, text }));
    },
  };
}

function redis(): Program {
  return {
    kind: 'service',
    processes: [{ argv: ['redis-server *:6379'], user: 'redis', parent: -1 }],
    listens: [{ port: 6379, proto: 'tcp' }],
    exitOnStop: 0,
    startLogs: (at) => {
      const t = redisTime(at);
      // A fresh redis:8.0.2 container (bookworm): the entrypoint's echo, then redis-server started
      // with --loadmodule for each bundled module (so "Configuration loaded", not the no-config
      // warning). Lines from `docker logs` of redis:latest containers of June–July 2025.
      const bf = ['bf-error-rate       :      0.01', 'bf-initial-size     :       100', 'bf-expansion-factor :         2', 'cf-bucket-size      :         2', 'cf-initial-size     :      1024', 'cf-max-iterations   :        20', 'cf-expansion-factor :         1', 'cf-max-expansions   :        32'];
      const ts = ['ts-compaction-policy   :             ', 'ts-num-threads         :            3', 'ts-retention-policy    :            0', 'ts-duplicate-policy    :        block', 'ts-chunk-size-bytes    :         4096', 'ts-encoding            :   compressed', 'ts-ignore-max-time-diff:            0', 'ts-ignore-max-val-diff :     0.000000'];
      const m = (text: string) => `1:M ${t} * ${text}`;
      return [
        'Starting Redis Server',
        `1:C ${t} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:C ${t} * Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=1, pid=1, just started`,
        `1:C ${t} * Configuration loaded`,
        m('monotonic clock: POSIX clock_gettime'),
        m('Running mode=standalone, port=6379.'),
        m('<bf> RedisBloom version 8.0.1 (Git=unknown)'),
        m('<bf> Registering configuration options: ['),
        ...bf.map((o) => m(`<bf> \t{ ${o} }`)),
        m('<bf> ]'),
        m("Module 'bf' loaded from /usr/local/lib/redis/modules//redisbloom.so"),
        m(`<search> Redis version found by RedisSearch : ${REDIS_VERSION} - oss`),
        m('<search> RediSearch version 8.0.1 (Git=5688fcc)'),
        m('<search> Low level api version 1 initialized successfully '),
        m('<search> gc: ON, prefix min length: 2, min word length to stem: 4, prefix max expansions: 200, query timeout (ms): 500, timeout policy: return, cursor read size: 1000, cursor max idle (ms): 300000, max doctable size: 1000000, max number of search results:  1000000,'),
        m('<search> Initialized thread pools!'),
        m('<search> Disabled workers threadpool of size 0'),
        m('<search> Subscribe to config changes'),
        m('<search> Enabled role change notification'),
        m('<search> Cluster configuration: AUTO partitions, type: 0, coordinator timeout: 0ms'),
        m('<search> Register write commands'),
        m("Module 'search' loaded from /usr/local/lib/redis/modules//redisearch.so"),
        m('<timeseries> RedisTimeSeries version 80001, git_sha=577bfa8b5909e7ee572f0b651399be8303dc6641'),
        m(`<timeseries> Redis version found by RedisTimeSeries : ${REDIS_VERSION} - oss`),
        m('<timeseries> Registering configuration options: ['),
        ...ts.map((o) => m(`<timeseries> \t{ ${o} }`)),
        m('<timeseries> ]'),
        m('<timeseries> Detected redis oss'),
        m("Module 'timeseries' loaded from /usr/local/lib/redis/modules//redistimeseries.so"),
        m("<ReJSON> Created new data type 'ReJSON-RL'"),
        m('<ReJSON> version: 80001 git sha: unknown branch: unknown'),
        ...[1, 2, 3, 4, 5].map((v) => m(`<ReJSON> Exported RedisJSON_V${v} API`)),
        m('<ReJSON> Enabled diskless replication'),
        m('<ReJSON> Initialized shared string cache, thread safe: false.'),
        m("Module 'ReJSON' loaded from /usr/local/lib/redis/modules//rejson.so"),
        m('<search> Acquired RedisJSON_V5 API'),
        m('Server initialized'),
        m('Ready to accept connections tcp'),
      ].map((text) => ({ stream: 'stdout' as const, text }));
    },
  };
}

function postgres(c: Container): Program {
  if (!envOf(c, 'POSTGRES_PASSWORD') && envOf(c, 'POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
    return {
      kind: 'exit',
      code: 1,
      logs: [
        'Error: Database is uninitialized and superuser password is not specified.',
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
        '',
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
        '       connections without a password. This is *not* recommended.',
        '',
        '       See PostgreSQL documentation about "trust":',
        '       https://www.postgresql.org/docs/current/auth-trust.html',
      ].map((text) => ({ stream: 'stderr' as const, text })),
    };
  }
  return {
    kind: 'service',
    processes: [{ argv: ['postgres'], user: 'postgres', parent: -1 }],
    listens: [{ port: 5432, proto: 'tcp' }],
    exitOnStop: 0,
    // The end of a first start of postgres:17.5 (amd64), as `docker logs` shows it: the
    // entrypoint's line, then the server's start-up (log_line_prefix '%m [%p] '). The initdb
    // output and the temporary server before it are left out.
    startLogs: (at) => {
      const t = postgresTime(at);
      return [
        { stream: 'stdout' as const, text: '' },
        { stream: 'stdout' as const, text: 'PostgreSQL init process complete; ready for start up.' },
        { stream: 'stdout' as const, text: '' },
        ...[
          `${t} [1] LOG:  starting PostgreSQL ${POSTGRES_VERSION} (Debian ${POSTGRES_VERSION}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
          `${t} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
          `${t} [1] LOG:  listening on IPv6 address "::", port 5432`,
          `${t} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
          `${t} [62] LOG:  database system was shut down at ${t.slice(0, 19)} UTC`,
          `${t} [1] LOG:  database system is ready to accept connections`,
        ].map((text) => ({ stream: 'stderr' as const, text })),
      ];
    },
  };
}

function mysql(c: Container): Program {
  const ok = envOf(c, 'MYSQL_ROOT_PASSWORD') || envOf(c, 'MYSQL_ALLOW_EMPTY_PASSWORD') || envOf(c, 'MYSQL_RANDOM_ROOT_PASSWORD');
  if (!ok) {
    return {
      kind: 'exit',
      code: 1,
      logs: [
        '[Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.',
        "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
        '[Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.',
        '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
      ].map((text) => ({ stream: 'stderr' as const, text })),
    };
  }
  return {
    kind: 'service',
    processes: [{ argv: ['mysqld'], user: 'mysql', parent: -1 }],
    listens: [{ port: 3306, proto: 'tcp' }, { port: 33060, proto: 'tcp' }],
    exitOnStop: 0,
    startLogs: () => [{ stream: 'stderr', text: "[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.5.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL." }],
  };
}
