/**
 * Container lifecycle, ps, inspect, exec, logs, top, rename: whole outputs. Sources: docker/cli
 * cli/command/formatter/container.go (table format, Ellipsis to 20 for COMMAND, quoted command,
 * DisplayablePorts), go-units HumanDuration ("Up 5 seconds", "About a minute"), moby
 * daemon/delete.go ("cannot remove container … container is running"), daemon/rename.go,
 * libnetwork etchosts (/etc/hosts defaults) and resolvconf (Docker 25+ generated header).
 */
import { describe, expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

describe('ps and lifecycle', () => {
  test('ps table ages as virtual time passes; stop, start, kill, rm', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull nginx');
    await sh.run('docker pull alpine');
    await sh.run('docker run -d --name web -p 8080:80 nginx');
    await sh.run('docker run -d --name pinger alpine sleep 3600');
    sh.world.advance(75_000);
    expect(await sh.run('docker ps')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS              PORTS                                     NAMES
      c7f5ff8d9ced   alpine    "sleep 3600"             About a minute ago   Up About a minute                                             pinger
      a8be388a3c21   nginx     "/docker-entrypoint.…"   About a minute ago   Up About a minute   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
      ",
      }
    `);
    expect(await sh.run('docker stop web')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "web
      ",
      }
    `);
    sh.world.advance(3_000);
    expect(await sh.run('docker ps -a')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS                     PORTS     NAMES
      c7f5ff8d9ced   alpine    "sleep 3600"             About a minute ago   Up About a minute                    pinger
      a8be388a3c21   nginx     "/docker-entrypoint.…"   About a minute ago   Exited (0) 3 seconds ago             web
      ",
      }
    `);
    expect(await sh.run('docker rm pinger')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: cannot remove container "/pinger": container is running: stop the container before removing or force remove
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker kill pinger')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "pinger
      ",
      }
    `);
    expect(await sh.run('docker kill web')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: cannot kill container: web: container a8be388a3c213f0f84d6afecd0ff2e7fa4c451ef48ba002a8588b9ed2ce3fe5f is not running
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker start web')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "web
      ",
      }
    `);
    expect(await sh.run('docker rm -f web pinger nosuch')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "Error response from daemon: No such container: nosuch
      ",
        "stdout": "web
      pinger
      ",
      }
    `);
    expect(await sh.run('docker ps -a')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
      ",
      }
    `);
  });

  test('filters, quiet, no-trunc and bad filters', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    await sh.run('docker network create front');
    await sh.run('docker run -d --name a1 --network front alpine sleep 600');
    await sh.run('docker run -d --name b1 alpine sleep 600');
    await sh.run('docker run --name done1 alpine true');
    expect(await sh.run('docker ps -q --filter network=front')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "57905288ced3
      ",
      }
    `);
    expect(await sh.run('docker ps -a --filter status=exited --format "{{.Names}} {{.State}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "done1 exited
      ",
      }
    `);
    expect(await sh.run('docker ps --no-trunc --filter name=b1 --format "{{.ID}} {{.Command}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "1a7833b77a8ad9cd8c80a636ac8289f9a8a03f41c4a6ffe2aaf26ed2039b4a7e "sleep 600"
      ",
      }
    `);
    expect(await sh.run('docker ps --filter colour=red')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: invalid filter 'colour'
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker ps --format "table {{.Names}}\\t{{.Networks}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "NAMES     NETWORKS
      b1        bridge
      a1        front
      ",
      }
    `);
  });

  test('rename and its errors', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    await sh.run('docker run -d --name one alpine sleep 600');
    await sh.run('docker run -d --name two alpine sleep 600');
    expect(await sh.run('docker rename one two')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: Error when allocating new name: Conflict. The container name "/two" is already in use by container "c7f5ff8d9ced8f45d4c757808c1eee1fe2dbf19d761de506ce21d2b928152930". You have to remove (or rename) that container to be able to reuse that name.
      Error: failed to rename container named one
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker rename one uno')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker rename nosuch x1')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: No such container: nosuch
      Error: failed to rename container named nosuch
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker ps --format "{{.Names}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "two
      uno
      ",
      }
    `);
  });
});
