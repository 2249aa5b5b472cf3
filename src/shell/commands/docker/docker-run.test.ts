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

test('environment: -e, -e NAME from the client, --env-file; --expose; flags the lab lacks', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  await sh.run("printf 'A=from-file\\n# comment\\n\\nB=2\\n' > /root/app.env");
  await sh.run('export C=from-client');
  expect(await sh.run('docker run --rm --env-file app.env -e A=from-flag -e C -e UNSET_X alpine env', '')).toMatchObject({ status: 0 });
  const env = (await sh.run('docker run --rm --env-file app.env -e A=from-flag -e C -e UNSET_X alpine env')).stdout.split('\n');
  expect(env.filter((l) => /^(A|B|C|UNSET_X)=/.test(l))).toEqual(['A=from-flag', 'B=2', 'C=from-client']);
  await sh.run('docker run -d --name ex --expose 9000 alpine sleep 60');
  expect(await sh.run('docker ps --filter name=ex --format "{{.Ports}}"')).toEqual({ stdout: '9000/tcp\n', stderr: '', status: 0 });
  expect(await sh.run('docker run --dns 8.8.8.8 alpine true')).toEqual({ stdout: '', stderr: "petlab: 'docker run --dns' is not available in this lab\n", status: 1 });
  expect(await sh.run('docker run --env-file nope.env alpine true')).toEqual({ stdout: '', stderr: "docker: open nope.env: no such file or directory\n\nRun 'docker run --help' for more information\n", status: 125 });
});
