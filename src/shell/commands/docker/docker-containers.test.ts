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

describe('inside a container', () => {
  test('hostname, /etc/hosts and resolv.conf on the default bridge and a user-defined network', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    await sh.run('docker network create mynet');
    await sh.run('docker run -d --name c1 alpine sleep 600');
    await sh.run('docker run -d --name c2 --hostname db --network mynet alpine sleep 600');
    expect(await sh.run('docker exec c1 hostname')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "57905288ced3
      ",
      }
    `);
    expect(await sh.run('docker exec c1 cat /etc/hosts')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "127.0.0.1	localhost
      ::1	localhost ip6-localhost ip6-loopback
      fe00::	ip6-localnet
      ff00::	ip6-mcastprefix
      ff02::1	ip6-allnodes
      ff02::2	ip6-allrouters
      172.17.0.2	57905288ced3
      ",
      }
    `);
    expect(await sh.run('docker exec c2 cat /etc/hosts')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "127.0.0.1	localhost
      ::1	localhost ip6-localhost ip6-loopback
      fe00::	ip6-localnet
      ff00::	ip6-mcastprefix
      ff02::1	ip6-allnodes
      ff02::2	ip6-allrouters
      172.18.0.2	db
      ",
      }
    `);
    expect(await sh.run('docker exec c1 cat /etc/resolv.conf')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "# Generated by Docker Engine.
      # This file can be edited; Docker Engine will not make further changes once it
      # has been modified.

      nameserver 10.0.2.3

      # Based on host file: '/etc/resolv.conf'
      # Overrides: []
      ",
      }
    `);
    expect(await sh.run('docker exec c2 cat /etc/resolv.conf')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "# Generated by Docker Engine.
      # This file can be edited; Docker Engine will not make further changes once it
      # has been modified.

      nameserver 127.0.0.11
      options ndots:0

      # Based on host file: '/etc/resolv.conf' (internal resolver)
      # ExtServers: [10.0.2.3]
      # Overrides: []
      # Option ndots from: internal
      ",
      }
    `);
    expect(await sh.run('docker exec c1 nosuchtool')).toMatchInlineSnapshot(`
      {
        "status": 127,
        "stderr": "OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchtool": executable file not found in $PATH: unknown
      ",
        "stdout": "",
      }
    `);
    await sh.run('docker stop c1');
    expect(await sh.run('docker exec c1 hostname')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: container 57905288ced3da39b4f878a05fddab2599330897398e53268ed9ac85de586f8a is not running
      ",
        "stdout": "",
      }
    `);
  });

  test('inspect templates of the common fields', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull nginx');
    await sh.run('docker network create mynet');
    await sh.run('docker run -d --name web nginx');
    await sh.run('docker run -d --name api --network mynet nginx');
    expect(await sh.run(`docker inspect -f '{{.State.Pid}} {{.State.Status}} {{.NetworkSettings.IPAddress}}' web api`)).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "1004 running 172.17.0.2
      1008 running 
      ",
      }
    `);
    expect(await sh.run(`docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' api`)).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "172.18.0.2
      ",
      }
    `);
    expect(await sh.run(`docker inspect -f '{{json .Config.Cmd}} {{.Config.Entrypoint}} {{json .NetworkSettings.Networks.mynet.DNSNames}}' api`)).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "["nginx","-g","daemon off;"] [/docker-entrypoint.sh] ["api","1a7833b77a8a"]
      ",
      }
    `);
    expect(await sh.run('docker inspect nosuch')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error: No such object: nosuch
      ",
        "stdout": "[]
      ",
      }
    `);
    expect(await sh.run(`docker inspect -f '{{.Name' web`)).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "template parsing error: template: :1: unclosed action
      ",
        "stdout": "",
      }
    `);
  });

  test('logs and top of nginx', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull nginx');
    await sh.run('docker run -d --name web nginx');
    expect(await sh.run('docker logs --tail 3 web')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "2026/11/29 10:00:01 [notice] 1#1: start worker processes
      2026/11/29 10:00:01 [notice] 1#1: start worker process 29
      2026/11/29 10:00:01 [notice] 1#1: start worker process 30
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker top web')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "UID       PID       PPID      C         STIME     TTY       TIME       CMD
      root      1003      1         0         10:00     ?         00:00:00   nginx: master process nginx -g daemon off;
      nginx     1004      1003      0         10:00     ?         00:00:00   nginx: worker process
      nginx     1005      1003      0         10:00     ?         00:00:00   nginx: worker process
      ",
      }
    `);
    expect(await sh.run('docker logs nosuch')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: No such container: nosuch
      ",
        "stdout": "",
      }
    `);
  });
});

test('image inspect: the image config, and docker inspect falls back to images', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull nginx');
  expect(await sh.run(`docker image inspect -f '{{json .Config.ExposedPorts}} {{.Config.Cmd}} {{.Config.StopSignal}} {{.RepoTags}} {{len .RootFS.Layers}}' nginx`)).toEqual({
    stdout: '{"80/tcp":{}} [nginx -g daemon off;] SIGQUIT [nginx:latest] 7\n', stderr: '', status: 0,
  });
  expect(await sh.run(`docker inspect -f '{{.Os}}/{{.Architecture}} {{.Size}}' nginx`)).toEqual({ stdout: 'linux/amd64 152000000\n', stderr: '', status: 0 });
  expect(await sh.run('docker image inspect nosuch')).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: No such image: nosuch:latest\n', status: 1 });
});

test('--network container:<name> shares that container\'s network namespace', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  await sh.run('docker run -d --name web alpine sleep 600');
  expect(await sh.run('docker run --rm --network container:web alpine hostname')).toEqual({ stdout: 'a8be388a3c21\n', stderr: '', status: 0 });
  const inWeb = await sh.run('docker exec web ip addr show eth0');
  const joined = await sh.run('docker run --rm --network container:web alpine ip addr show eth0');
  expect(joined).toEqual(inWeb);
  expect(inWeb.stdout.split('\n')[2]).toBe('    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
  expect(await sh.run('docker run --rm --network container:nosuch alpine true')).toEqual({
    stdout: '', stderr: "docker: Error response from daemon: No such container: nosuch\n\nRun 'docker run --help' for more information\n", status: 125,
  });
  await sh.run('docker stop web');
  expect(await sh.run('docker run --rm --network container:web alpine true')).toEqual({
    stdout: '', stderr: 'docker: Error response from daemon: cannot join network of a non running container: a8be388a3c213f0f84d6afecd0ff2e7fa4c451ef48ba002a8588b9ed2ce3fe5f\n', status: 125,
  });
});

test('exec -e and -w reach the process; options the lab lacks say so', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  await sh.run('docker run -d --name box -e FROM_RUN=1 alpine sleep 600');
  expect(await sh.run('docker exec -e GREETING=hi -w /tmp box sh -c \'echo $GREETING $FROM_RUN; pwd\'')).toEqual({ stdout: 'hi 1\n/tmp\n', stderr: '', status: 0 });
  expect(await sh.run('docker exec -u nobody box id')).toEqual({ stdout: '', stderr: "petlab: 'docker exec --user' is not available in this lab\n", status: 1 });
});

test('-v mounts a host directory or a named volume that outlives the container', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  await sh.run('mkdir -p /srv/site && echo from-host > /srv/site/index.html');
  expect(await sh.run('docker run --rm -v /srv/site:/data alpine cat /data/index.html')).toEqual({ stdout: 'from-host\n', stderr: '', status: 0 });
  await sh.run('docker run --rm -v /srv/site:/data alpine sh -c "echo from-container > /data/new.txt"');
  expect(await sh.run('cat /srv/site/new.txt')).toEqual({ stdout: 'from-container\n', stderr: '', status: 0 });
  await sh.run('docker run --rm -v pgdata:/var/lib/data alpine sh -c "echo kept > /var/lib/data/f"');
  expect(await sh.run('docker run --rm -v pgdata:/var/lib/data alpine cat /var/lib/data/f')).toEqual({ stdout: 'kept\n', stderr: '', status: 0 });
  // The shell's own wording of EROFS is the shell's business (BusyBox ash says "sh: can't create …").
  expect((await sh.run('docker run --rm -v /srv/site:/data:ro alpine sh -c "echo x > /data/y"')).status).toBe(1);
  expect(await sh.run('ls /srv/site')).toEqual({ stdout: 'index.html\nnew.txt\n', stderr: '', status: 0 });
});

test('restart policies: on-failure restarts a failing container, docker stop is final', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull postgres');
  await sh.run('docker pull alpine');
  await sh.run('docker run -d --name pg --restart on-failure:2 postgres');
  await sh.run('sleep 5');
  expect(await sh.run(`docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' pg`)).toEqual({ stdout: '2 exited 1\n', stderr: '', status: 0 });
  await sh.run('docker run -d --name keeper --restart always alpine sleep 1');
  await sh.run('sleep 3');
  const r = await sh.run(`docker inspect -f '{{.State.Status}}' keeper`);
  expect(r.stdout === 'running\n' || r.stdout === 'restarting\n').toBe(true);
  await sh.run('docker stop keeper');
  await sh.run('sleep 5');
  expect(await sh.run(`docker ps -a --filter name=keeper --format '{{.State}}'`)).toEqual({ stdout: 'exited\n', stderr: '', status: 0 });
});

test('restart policy errors and the inspect shape', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  expect(await sh.run('docker run --rm --restart always alpine true')).toEqual({ stdout: '', stderr: "docker: Conflicting options: --restart and --rm\n\nRun 'docker run --help' for more information\n", status: 125 });
  expect(await sh.run('docker run --restart sometimes alpine true')).toEqual({
    stdout: '', stderr: "docker: Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n\nRun 'docker run --help' for more information\n", status: 125,
  });
  await sh.run('docker create --name c1 --restart on-failure:3 alpine true');
  expect(await sh.run(`docker inspect -f '{{json .HostConfig.RestartPolicy}}' c1`)).toEqual({ stdout: '{"Name":"on-failure","MaximumRetryCount":3}\n', stderr: '', status: 0 });
});
