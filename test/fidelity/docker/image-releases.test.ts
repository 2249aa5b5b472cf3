/**
 * The catalogue images are one snapshot: the `latest` tags of early July 2025, every Debian-based
 * one built FROM debian:bookworm-slim (Debian 12.11). Each image's os-release, debian_version,
 * Env, size and version strings agree with its release. Where each expected text comes from is in
 * src/emulator/docker/image-catalogue.ts and SOURCES.md (docker-library/repo-info tag-details and
 * local reports, docker-library and redis/docker-library-redis Dockerfiles, `docker inspect`,
 * `docker images` and container logs of those releases).
 */
import { expect, test } from 'vitest';
import { dockerShell } from '../../../src/shell/commands/docker/testing.ts';

const BOOKWORM = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
const ENV = "docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}'";

test('docker images: the sizes of those releases', async () => {
  const sh = await dockerShell();
  for (const image of ['redis', 'postgres', 'httpd', 'debian', 'alpine', 'busybox', 'nginx']) await sh.run(`docker pull -q ${image}`);
  expect(await sh.run('docker images')).toEqual({
    stdout: [
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE',
      'postgres     latest    97124eba0669   10 days ago     435MB',
      'nginx        latest    09107d91d2e9   12 days ago     192MB',
      'debian       latest    8da12800bc8e   13 days ago     117MB',
      'redis        latest    3a0a715ff014   2 weeks ago     128MB',
      'httpd        latest    c5e78b0fa448   3 weeks ago     148MB',
      'alpine       latest    ab0e9c6768ca   6 weeks ago     8.31MB',
      'busybox      latest    3ca66407f4f9   13 months ago   4.43MB',
      '',
    ].join('\n'),
    stderr: '',
    status: 0,
  });
});

test('every Debian-based image is Debian 12.11 (bookworm)', async () => {
  const sh = await dockerShell();
  for (const image of ['debian', 'redis', 'postgres', 'httpd', 'nginx']) {
    await sh.run(`docker pull -q ${image}`);
    expect(await sh.run(`docker run --rm ${image} cat /etc/os-release /etc/debian_version`)).toEqual({ stdout: `${BOOKWORM}12.11\n`, stderr: '', status: 0 });
  }
});

test('Env, Cmd, Entrypoint, ExposedPorts of redis 8.0.2, postgres 17.5, httpd 2.4.63 and debian', async () => {
  const sh = await dockerShell();
  for (const image of ['redis', 'postgres', 'httpd', 'debian']) await sh.run(`docker pull -q ${image}`);
  const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  expect(await sh.run(`${ENV} redis`)).toEqual({
    stdout: `${PATH}\nREDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.0.2.tar.gz\nREDIS_DOWNLOAD_SHA=caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f\n\n`, stderr: '', status: 0,
  });
  expect(await sh.run(`${ENV} postgres`)).toEqual({
    stdout: `${PATH}:/usr/lib/postgresql/17/bin\nGOSU_VERSION=1.17\nLANG=en_US.utf8\nPG_MAJOR=17\nPG_VERSION=17.5-1.pgdg120+1\nPGDATA=/var/lib/postgresql/data\n\n`, stderr: '', status: 0,
  });
  expect(await sh.run(`${ENV} httpd`)).toEqual({
    stdout: 'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHTTPD_PREFIX=/usr/local/apache2\nHTTPD_VERSION=2.4.63\nHTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab\nHTTPD_PATCHES=\n\n', stderr: '', status: 0,
  });
  expect(await sh.run(`${ENV} debian`)).toEqual({ stdout: `${PATH}\n\n`, stderr: '', status: 0 });
  // no WORKDIR or STOPSIGNAL in the Dockerfile: the image config omits the field (<no value>)
  const cfg = "docker image inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{json .Config.ExposedPorts}} {{.Config.WorkingDir}} {{.Config.StopSignal}} {{len .RootFS.Layers}}'";
  expect(await sh.run(`${cfg} redis postgres httpd debian`)).toEqual({
    stdout: [
      '["docker-entrypoint.sh"] ["redis-server"] {"6379/tcp":{}} /data <no value> 7',
      '["docker-entrypoint.sh"] ["postgres"] {"5432/tcp":{}} <no value> SIGINT 14',
      'null ["httpd-foreground"] {"80/tcp":{}} /usr/local/apache2 SIGWINCH 6',
      'null ["bash"] null <no value> <no value> 1',
      '',
    ].join('\n'),
    stderr: '',
    status: 0,
  });
});

test('redis 8.0.2 start-up log', async () => {
  const sh = await dockerShell();
  await sh.run('docker run -d --name cache redis');
  const log = await sh.run('docker logs cache');
  const lines = log.stdout.split('\n').map((l) => l.replace(/^1:([CM]) \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} /, '1:$1 T '));
  expect([log.stderr, log.status, lines.length]).toEqual(['', 0, 57]);
  expect(await sh.run(`docker exec cache sh -c 'cd /usr/local/bin; stat -c "%A %N" redis-*'`)).toEqual({
    stdout: "-rwxr-xr-x 'redis-benchmark'\nlrwxrwxrwx 'redis-check-aof' -> 'redis-server'\nlrwxrwxrwx 'redis-check-rdb' -> 'redis-server'\n-rwxr-xr-x 'redis-cli'\nlrwxrwxrwx 'redis-sentinel' -> 'redis-server'\n-rwxr-xr-x 'redis-server'\n",
    stderr: '',
    status: 0,
  });
  expect(lines.slice(0, 9)).toEqual([
    'Starting Redis Server',
    '1:C T * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
    '1:C T * Redis version=8.0.2, bits=64, commit=00000000, modified=1, pid=1, just started',
    '1:C T * Configuration loaded',
    '1:M T * monotonic clock: POSIX clock_gettime',
    '1:M T * Running mode=standalone, port=6379.',
    '1:M T * <bf> RedisBloom version 8.0.1 (Git=unknown)',
    '1:M T * <bf> Registering configuration options: [',
    '1:M T * <bf> \t{ bf-error-rate       :      0.01 }',
  ]);
  expect(lines.slice(-5)).toEqual([
    "1:M T * Module 'ReJSON' loaded from /usr/local/lib/redis/modules//rejson.so",
    '1:M T * <search> Acquired RedisJSON_V5 API',
    '1:M T * Server initialized',
    '1:M T * Ready to accept connections tcp',
    '',
  ]);
});

/**
 * httpd:2.4.63: `docker logs` of its containers in 2025 (AH00558 twice with the container's
 * address, AH00489 with the version, AH00094), its `common` access log (%b "-" for HEAD), the
 * default page's Last-Modified/ETag every httpd image answers (Mon, 11 Jun 2007 18:53:14 GMT,
 * "2d-432a5e4a73a80"), and Apache's 196-byte 404 page (http_protocol.c).
 */
test('httpd 2.4.63: start-up log, headers, 404 page and access log', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull -q httpd');
  await sh.run('docker run -d --name site -p 8080:80 httpd');
  const date = 'Date: Sun, 29 Nov 2026 10:00:00 GMT';
  expect(await sh.run('curl -sI localhost:8080')).toEqual({
    stdout: `HTTP/1.1 200 OK\r\n${date}\r\nServer: Apache/2.4.63 (Unix)\r\nLast-Modified: Mon, 11 Jun 2007 18:53:14 GMT\r\nETag: "2d-432a5e4a73a80"\r\nAccept-Ranges: bytes\r\nContent-Length: 45\r\nContent-Type: text/html\r\n\r\n`,
    stderr: '',
    status: 0,
  });
  expect(await sh.run('curl -si localhost:8080/nope')).toEqual({
    stdout: `HTTP/1.1 404 Not Found\r\n${date}\r\nServer: Apache/2.4.63 (Unix)\r\nContent-Length: 196\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`,
    stderr: '',
    status: 0,
  });
  const fqdn = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n";
  expect(await sh.run('docker logs site')).toEqual({
    stdout: '172.17.0.1 - - [29/Nov/2026:10:00:00 +0000] "HEAD / HTTP/1.1" 200 -\n172.17.0.1 - - [29/Nov/2026:10:00:00 +0000] "GET /nope HTTP/1.1" 404 196\n',
    stderr: `${fqdn}${fqdn}[Sun Nov 29 10:00:00.000000 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations\n[Sun Nov 29 10:00:00.000000 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`,
    status: 0,
  });
});

/**
 * postgres:17.5 first start (the end of it): the entrypoint's `PostgreSQL init process complete`
 * between blank lines, then the server's LOG lines as `docker logs` of postgres:17.5 containers
 * show them (July 2025: `starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on
 * x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`, the three listening
 * lines, the startup process's `database system was shut down at`, ready).
 */
test('postgres 17.5 start-up log', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull -q postgres');
  await sh.run('docker run -d --name db -e POSTGRES_PASSWORD=secret postgres');
  const t = '2026-11-29 10:00:00.000 UTC';
  expect(await sh.run('docker logs db')).toEqual({
    stdout: '\nPostgreSQL init process complete; ready for start up.\n\n',
    stderr: [
      `${t} [1] LOG:  starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${t} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${t} [1] LOG:  listening on IPv6 address "::", port 5432`,
      `${t} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
      `${t} [62] LOG:  database system was shut down at 2026-11-29 10:00:00 UTC`,
      `${t} [1] LOG:  database system is ready to accept connections`,
      '',
    ].join('\n'),
    status: 0,
  });
});

test('alpine 3.22.0: alpine-release, os-release and BusyBox 1.37.0 agree', async () => {
  const sh = await dockerShell();
  for (const image of ['alpine', 'busybox']) await sh.run(`docker pull -q ${image}`);
  expect(await sh.run('docker run --rm alpine cat /etc/alpine-release /etc/os-release')).toEqual({
    stdout: '3.22.0\nNAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.0\nPRETTY_NAME="Alpine Linux v3.22"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
    stderr: '',
    status: 0,
  });
  for (const image of ['alpine', 'busybox']) {
    expect(await sh.run(`docker run --rm ${image} grep -c 'BusyBox v1.37.0' /bin/busybox`)).toEqual({ stdout: '1\n', stderr: '', status: 0 });
  }
});
