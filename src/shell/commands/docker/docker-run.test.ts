/**
 * `docker run/create/start/pull/images` whole outputs. Sources: docker/cli
 * cli/command/container/run.go (reportError, "Unable to find image 'x:latest' locally",
 * pull progress on stderr, exit 125/127), cli/cobra.go FlagErrorFunc (unknown flag + Usage +
 * "Run 'docker run --help' for more information"), moby daemon/names.go (name conflict,
 * RestrictedNamePattern), distribution/reference (invalid reference format), jsonmessage
 * (`<layer>: Pull complete`, `Digest:`, `Status: Downloaded newer image for …`).
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
      nginx        latest    09107d91d2e9   12 days ago   152MB
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

describe('docker run', () => {
  test('foreground run prints the pull on stderr and the output on stdout', async () => {
    const sh = await dockerShell();
    expect(await sh.run('docker run --rm alpine echo hello')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "Unable to find image 'alpine:latest' locally
      latest: Pulling from library/alpine
      a356a2c896fc: Pull complete
      Digest: sha256:eda789b98e8459d1b2711aceb43ad91a0c243c56fe7989a126f40ee7423f1313
      Status: Downloaded newer image for alpine:latest
      ",
        "stdout": "hello
      ",
      }
    `);
    expect(await sh.run('docker ps -a -q')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "",
      }
    `);
  });

  test('detached run prints the full id; names are generated when not given', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    expect(await sh.run('docker run -d alpine sleep 60')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "a8be388a3c213f0f84d6afecd0ff2e7fa4c451ef48ba002a8588b9ed2ce3fe5f
      ",
      }
    `);
    expect(await sh.run('docker ps --format "{{.Names}} {{.Status}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "focused_hofstadter Up Less than a second
      ",
      }
    `);
  });

  test('name conflicts and invalid names', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    await sh.run('docker run -d --name web alpine sleep 60');
    expect(await sh.run('docker run -d --name web alpine sleep 60')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "a8be388a3c213f0f84d6afecd0ff2e7fa4c451ef48ba002a8588b9ed2ce3fe5f". You have to remove (or rename) that container to be able to reuse that name.

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker run -d --name x alpine sleep 60')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
  });

  test('flag and argument errors', async () => {
    const sh = await dockerShell();
    expect(await sh.run('docker run --foo alpine')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "unknown flag: --foo

      Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker run')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "docker: 'docker run' requires at least 1 argument

      Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]

      See 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker run --name')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "flag needs an argument: --name

      Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker frobnicate')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "docker: unknown command: docker frobnicate

      Run 'docker --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker build .')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "petlab: 'docker build' is not available in this lab
      ",
        "stdout": "",
      }
    `);
  });

  test('a missing executable, a missing network, --ip on the default bridge', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    expect(await sh.run('docker run --name broken alpine nosuchcmd')).toMatchInlineSnapshot(`
      {
        "status": 127,
        "stderr": "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker ps -a --format "{{.Names}}: {{.Status}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "broken: Created
      ",
      }
    `);
    expect(await sh.run('docker run --network nope alpine true')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "docker: Error response from daemon: network nope not found

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker run --ip 172.17.0.99 alpine true')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "docker: Error response from daemon: user specified IP address is supported on user defined networks only

      Run 'docker run --help' for more information
      ",
        "stdout": "",
      }
    `);
  });

  test('published ports: ps formatting and port already allocated', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull nginx');
    await sh.run('docker run -d --name web -p 8080:80 nginx');
    expect(await sh.run('docker port web')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "80/tcp -> 0.0.0.0:8080
      80/tcp -> [::]:8080
      ",
      }
    `);
    expect(await sh.run('docker run -d --name web2 -p 8080:80 nginx')).toMatchInlineSnapshot(`
      {
        "status": 125,
        "stderr": "docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 (1a7833b77a8ad9cd8c80a636ac8289f9a8a03f41c4a6ffe2aaf26ed2039b4a7e): Bind for 0.0.0.0:8080 failed: port is already allocated
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker ps -a --format "{{.Names}}\\t{{.Status}}\\t{{.Ports}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "web2	Created	
      web	Up Less than a second	0.0.0.0:8080->80/tcp, [::]:8080->80/tcp
      ",
      }
    `);
    await sh.run('docker run -d --name web3 -p 80 -p 127.0.0.1:9090:80 nginx');
    expect(await sh.run('docker ps --filter name=web3 --format "{{.Ports}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "0.0.0.0:32768->80/tcp, 127.0.0.1:9090->80/tcp, [::]:32768->80/tcp
      ",
      }
    `);
  });

  test('daemons that need configuration exit with their own message', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull postgres');
    expect(await sh.run('docker run --name pg postgres')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error: Database is uninitialized and superuser password is not specified.
             You must specify POSTGRES_PASSWORD to a non-empty value for the
             superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

             You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
             connections without a password. This is *not* recommended.

             See PostgreSQL documentation about "trust":
             https://www.postgresql.org/docs/current/auth-trust.html
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker ps -a --format "{{.Names}} {{.Status}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "pg Exited (1) Less than a second ago
      ",
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

test('docker --version', async () => {
  const sh = await dockerShell();
  expect(await sh.run('docker --version')).toEqual({ stdout: 'Docker version 28.5.2, build ecc6942\n', stderr: '', status: 0 });
});
