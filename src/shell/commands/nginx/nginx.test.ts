/**
 * The nginx image is one consistent release: nginx:latest of June–August 2025, 1.29.0 built FROM
 * debian:bookworm-slim. Expected texts: Debian 12's /etc/os-release (base-files 12.4+deb12u11),
 * nginx's `nginx version: nginx/1.29.0` on stderr (src/core/nginx.c), the image env of
 * `FROM nginx:1.29.0` builds (NJS 0.9.0, `1~bookworm`), and the startup log of real
 * nginx:1.29.0 containers (`built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `, trailing blank).
 * Bookworm's perl-base gives /usr/bin/perl5.36.0 (trixie's would be perl5.40.1).
 */
import { expect, test } from 'vitest';
import { dockerShell } from '../docker/testing.ts';

const BOOKWORM = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';

test('nginx:latest is 1.29.0 on bookworm throughout', async () => {
  const sh = await dockerShell();
  await sh.run('docker run -d --name web nginx');
  expect(await sh.run('docker exec web cat /etc/os-release')).toEqual({ stdout: BOOKWORM, stderr: '', status: 0 });
  expect(await sh.run('docker exec web nginx -v')).toEqual({ stdout: '', stderr: 'nginx version: nginx/1.29.0\n', status: 0 });
  expect(await sh.run('docker exec web nginx -t')).toEqual({ stdout: '', stderr: "petlab: 'nginx -t' is not available in this lab\n", status: 1 });
  expect(await sh.run("docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' nginx")).toEqual({
    stdout: 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nNGINX_VERSION=1.29.0\nNJS_VERSION=0.9.0\nNJS_RELEASE=1~bookworm\nPKG_RELEASE=1~bookworm\nDYNPKG_RELEASE=1~bookworm\n\n',
    stderr: '',
    status: 0,
  });
  expect(await sh.run('docker exec web ls /usr/bin/perl5.36.0')).toEqual({ stdout: '/usr/bin/perl5.36.0\n', stderr: '', status: 0 });
  const log = (await sh.run('docker logs web')).stderr.split('\n').map((l) => l.replace(/^\S+ \S+ /, ''));
  expect(log.slice(0, 3)).toEqual(['[notice] 1#1: using the "epoll" event method', '[notice] 1#1: nginx/1.29.0', '[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ']);
  // the lab host has no nginx
  expect(await sh.run('nginx -v')).toEqual({ stdout: '', stderr: 'bash: nginx: command not found\n', status: 127 });
});
