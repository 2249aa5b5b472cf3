/**
 * `docker network prune` and the single-node swarm: `docker swarm init` text (docker/cli
 * cli/command/swarm/init.go), ingress and docker_gwbridge, attachable overlays with swarm-scoped
 * ids and 10.0.x.0/24 subnets, and the daemon's "already part of a swarm" error.
 */
import { describe, expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

describe('docker network prune and swarm', () => {
  test('prune asks, then removes unused networks', async () => {
    const sh = await dockerShell();
    await sh.run('docker network create unused');
    await sh.run('docker network create used');
    await sh.run('docker run -d --name app --network used alpine sleep 600');
    expect(await sh.run('docker network prune', 'n\n')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "WARNING! This will remove all custom networks not used by at least one container.
      Are you sure you want to continue? [y/N] ",
      }
    `);
    expect(await sh.run('docker network prune', 'y\n')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "WARNING! This will remove all custom networks not used by at least one container.
      Are you sure you want to continue? [y/N] Deleted Networks:
      unused

      ",
      }
    `);
    expect(await sh.run('docker network prune -f')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "",
      }
    `);
  });

  test('swarm init makes ingress and docker_gwbridge; an attachable overlay then works', async () => {
    const sh = await dockerShell();
    expect(await sh.run('docker swarm init')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "Swarm initialized: current node (nipw7iin7t537x2zkauenywsu) is now a manager.

      To add a worker to this swarm, run the following command:

          docker swarm join --token SWMTKN-1-0zz5wgym9r9b3wzaiqn105oicijomwt4sx8yxbxcfl1b5iirxv-8to8lqbyjhjo2czutnq6dlm77 10.0.2.15:2377

      To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.

      ",
      }
    `);
    expect(await sh.run('docker swarm init')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.
      ",
        "stdout": "",
      }
    `);
    await sh.run('docker network create -d overlay --attachable ov');
    expect(await sh.run('docker network ls')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "NETWORK ID     NAME              DRIVER    SCOPE
      13ca2b82234c   bridge            bridge    local
      f8ae7fee8e8a   docker_gwbridge   bridge    local
      dceabbb68c44   host              host      local
      1ilh8kiwc66e   ingress           overlay   swarm
      55625b3d2dac   none              null      local
      sx43t6qk5i4c   ov                overlay   swarm
      ",
      }
    `);
    expect(await sh.run(`docker network inspect -f '{{.Scope}} {{.Attachable}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' ov`)).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "swarm true 10.0.1.0/24
      ",
      }
    `);
  });
});

test('a container on an attachable overlay: eth0 on the overlay, eth1 on docker_gwbridge with the default route', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  await sh.run('docker swarm init');
  await sh.run('docker network create -d overlay --attachable ov');
  await sh.run('docker run -d --name o1 --network ov alpine sleep 600');
  expect(await sh.run(`docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{end}}' o1`)).toEqual({ stdout: 'ov 10.0.1.2\n', stderr: '', status: 0 });
  expect(await sh.run('docker exec o1 ip route')).toEqual({ stdout: 'default via 172.18.0.1 dev eth1 \n10.0.1.0/24 dev eth0 scope link  src 10.0.1.2 \n172.18.0.0/16 dev eth1 scope link  src 172.18.0.2 \n', stderr: '', status: 0 });
  expect(await sh.run(`docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' docker_gwbridge`)).toMatchObject({ stdout: expect.stringMatching(/^gateway_[0-9a-f]{12} 172\.18\.0\.2\/16\n$/), status: 0 });
});
