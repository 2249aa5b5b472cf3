/**
 * `docker pull`, `docker images`, `docker rmi`, `docker --version`. Sources: docker/cli
 * jsonmessage (`<layer>: Pull complete`, `Digest:`, `Status: …`, the canonical name last),
 * cli/command/image (IMAGE ID truncated to 12, CREATED via go-units), moby daemon/images
 * (rmi conflicts: "unable to remove repository reference … (must force)").
 */
import { describe, expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

describe('docker pull and images', () => {
  test('pull prints layer progress, digest, status and the canonical name', async () => {
    const sh = await dockerShell();
    expect(await sh.run('docker pull alpine')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "Using default tag: latest
      latest: Pulling from library/alpine
      a356a2c896fc: Pull complete
      Digest: sha256:eda789b98e8459d1b2711aceb43ad91a0c243c56fe7989a126f40ee7423f1313
      Status: Downloaded newer image for alpine:latest
      docker.io/library/alpine:latest
      ",
      }
    `);
    expect(await sh.run('docker pull alpine:latest')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "latest: Pulling from library/alpine
      Digest: sha256:eda789b98e8459d1b2711aceb43ad91a0c243c56fe7989a126f40ee7423f1313
      Status: Image is up to date for alpine:latest
      docker.io/library/alpine:latest
      ",
      }
    `);
    await sh.run('docker pull nginx');
    expect(await sh.run('docker images')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE
      nginx        latest    09107d91d2e9   12 days ago   192MB
      alpine       latest    ab0e9c6768ca   6 weeks ago   8.31MB
      ",
      }
    `);
    expect(await sh.run('docker images -q')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "09107d91d2e9
      ab0e9c6768ca
      ",
      }
    `);
  });

  test('unknown images and bad references', async () => {
    const sh = await dockerShell();
    expect(await sh.run('docker pull foo')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
      ",
        "stdout": "Using default tag: latest
      ",
      }
    `);
    expect(await sh.run('docker pull Foo')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "invalid reference format: repository name (library/Foo) must be lowercase
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker run foo')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "Unable to find image 'foo:latest' locally
      docker: Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker run -d alpine::1')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "docker: invalid reference format

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
  });
});

describe('docker rmi', () => {
  test('untags and deletes; refuses while a container uses the image', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    await sh.run('docker pull busybox');
    await sh.run('docker run --name used alpine true');
    expect(await sh.run('docker rmi alpine')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: conflict: unable to remove repository reference "alpine" (must force) - container a8be388a3c21 is using its referenced image ab0e9c6768ca
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker rmi busybox')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "Untagged: busybox:latest
      Untagged: busybox@sha256:367585025c654b68540e0c6c25fb130db4c888c01fcb9f28e9fb8edf9c247b2f
      Deleted: sha256:3ca66407f4f97e94be59f321878ff4df5b9122f586381f523f91aadb5393387e
      Deleted: sha256:1c876092e23e43d862ef89bae8c88a96cadcfd3bfa0d47460e5068b46b9bcbf7
      ",
      }
    `);
    expect(await sh.run('docker rmi busybox')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: No such image: busybox:latest
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker image frob')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "docker: unknown command: docker image frob

      Usage:  docker image COMMAND

      Run 'docker image --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker image prune')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "petlab: 'docker image prune' is not available in this lab
      ",
        "stdout": "",
      }
    `);
  });
});

// A real Docker Engine 28.3.3 install (Ubuntu, Docker's apt packages): canonical/docker-snap#315.
test('docker --version and docker version', async () => {
  const sh = await dockerShell();
  expect(await sh.run('docker --version')).toEqual({ stdout: 'Docker version 28.3.3, build 980b856\n', stderr: '', status: 0 });
  expect((await sh.run('docker version')).stdout).toBe(
    [
      'Client: Docker Engine - Community',
      ' Version:           28.3.3',
      ' API version:       1.51',
      ' Go version:        go1.24.5',
      ' Git commit:        980b856',
      ' Built:             Fri Jul 25 11:34:09 2025',
      ' OS/Arch:           linux/amd64',
      ' Context:           default',
      '',
      'Server: Docker Engine - Community',
      ' Engine:',
      '  Version:          28.3.3',
      '  API version:      1.51 (minimum version 1.24)',
      '  Go version:       go1.24.5',
      '  Git commit:       bea959c',
      '  Built:            Fri Jul 25 11:34:09 2025',
      '  OS/Arch:          linux/amd64',
      '  Experimental:     false',
      ' containerd:',
      '  Version:          1.7.27',
      '  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da',
      ' runc:',
      '  Version:          1.2.5',
      '  GitCommit:        v1.2.5-0-g59923ef',
      ' docker-init:',
      '  Version:          0.19.0',
      '  GitCommit:        de40ad0',
      '',
    ].join('\n'),
  );
});

test('a layer already present is not pulled again', async () => {
  const sh = await dockerShell();
  // httpd, redis and nginx are all built FROM debian:bookworm-slim (their mid-2025 releases); alpine is not
  await sh.run('docker pull httpd');
  const r = await sh.run('docker pull redis');
  expect(r.stdout.split('\n').slice(0, 4)).toEqual(['Using default tag: latest', 'latest: Pulling from library/redis', expect.stringMatching(/^[0-9a-f]{12}: Already exists$/), expect.stringMatching(/^[0-9a-f]{12}: Pull complete$/)]);
  const base = r.stdout.split('\n')[2];
  expect((await sh.run('docker pull nginx')).stdout.split('\n')[2]).toBe(base);
  expect((await sh.run('docker pull alpine')).stdout.split('\n')[2]).toMatch(/^[0-9a-f]{12}: Pull complete$/);
});
