/**
 * `docker network …` whole outputs. Sources: docker/cli cli/command/network (table format
 * `NETWORK ID / NAME / DRIVER / SCOPE`, tabwriter 10/1/3), moby daemon/network.go and
 * libnetwork (error texts: pre-defined network, active endpoints, not a swarm manager,
 * invalid subnet/gateway via api/types/network/ipam.go ValidateIPAM), docker/docs networking
 * tutorials (default 172.17.0.0/16 bridge, user-defined 172.18.0.0/16).
 */
import { describe, expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

describe('docker network', () => {
  test('ls on a fresh engine lists bridge, host and none', async () => {
    const sh = await dockerShell();
    expect(await sh.run('docker network ls')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "NETWORK ID     NAME      DRIVER    SCOPE
      13ca2b82234c   bridge    bridge    local
      dceabbb68c44   host      host      local
      55625b3d2dac   none      null      local
      ",
      }
    `);
  });

  test('create allocates 172.18.0.0/16 then 172.19.0.0/16; ls sorts by name', async () => {
    const sh = await dockerShell();
    await sh.run('docker network create zeta');
    await sh.run('docker network create alpha');
    expect(await sh.run(`docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' zeta alpha`)).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "zeta 172.18.0.0/16 172.18.0.1
      alpha 172.19.0.0/16 172.19.0.1
      ",
      }
    `);
    expect(await sh.run('docker network ls --format "{{.Name}}\\t{{.Driver}}"')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "alpha	bridge
      bridge	bridge
      host	host
      none	null
      zeta	bridge
      ",
      }
    `);
  });

  test('inspect of the default bridge', async () => {
    const sh = await dockerShell();
    expect(await sh.run('docker network inspect bridge')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "[
          {
              "Name": "bridge",
              "Id": "13ca2b82234ca336a6f6599ed9ce106f28d2561f075bd14b18c8c42ff01de856",
              "Created": "2026-11-29T09:00:00.0001319Z",
              "Scope": "local",
              "Driver": "bridge",
              "EnableIPv4": true,
              "EnableIPv6": false,
              "IPAM": {
                  "Driver": "default",
                  "Options": null,
                  "Config": [
                      {
                          "Subnet": "172.17.0.0/16",
                          "Gateway": "172.17.0.1"
                      }
                  ]
              },
              "Internal": false,
              "Attachable": false,
              "Ingress": false,
              "ConfigFrom": {
                  "Network": ""
              },
              "ConfigOnly": false,
              "Containers": {},
              "Options": {
                  "com.docker.network.bridge.default_bridge": "true",
                  "com.docker.network.bridge.enable_icc": "true",
                  "com.docker.network.bridge.enable_ip_masquerade": "true",
                  "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
                  "com.docker.network.bridge.name": "docker0",
                  "com.docker.network.driver.mtu": "1500"
              },
              "Labels": {}
          }
      ]
      ",
      }
    `);
  });

  test('errors', async () => {
    const sh = await dockerShell();
    await sh.run('docker network create mynet');
    expect(await sh.run('docker network create mynet')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: network with name mynet already exists
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network rm bridge')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: bridge is a pre-defined network and cannot be removed
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network rm nope')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: network nope not found
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network inspect nope')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: network nope not found
      ",
        "stdout": "[]
      ",
      }
    `);
    expect(await sh.run('docker network create --subnet 10.1.0.0/33 bad')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: invalid subnet 10.1.0.0/33: invalid CIDR block notation
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network create --subnet 10.1.0.1/24 bad')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: invalid subnet 10.1.0.1/24: it should be 10.1.0.0/24
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network create --subnet 10.1.0.0/24 --gateway 10.2.0.1 bad')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: invalid gateway 10.2.0.1: parent subnet 10.1.0.0/24 doesn't contain this address
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network create --subnet 172.18.5.0/24 overlapping')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network create -d overlay ov')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network create -d foo x')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: plugin "foo" not found
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network create')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "docker: 'docker network create' requires 1 argument

      Usage:  docker network create [OPTIONS] NETWORK

      Run 'docker network create --help' for more information
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network frob')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "docker: unknown command: docker network frob

      Usage:  docker network COMMAND

      Run 'docker network --help' for more information
      ",
        "stdout": "",
      }
    `);
  });

  test('rm with active endpoints, then after the container stops', async () => {
    const sh = await dockerShell();
    await sh.run('docker network create mynet');
    await sh.run('docker run -d --name app --network mynet alpine sleep 600');
    expect(await sh.run('docker network rm mynet')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: error while removing network: network mynet has active endpoints (name:"app" id:"e7fee8e8a599")
      ",
        "stdout": "",
      }
    `);
    await sh.run('docker stop app');
    expect(await sh.run('docker network rm mynet')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "mynet
      ",
      }
    `);
  });

  test('connect and disconnect: a second interface, aliases, --ip', async () => {
    const sh = await dockerShell();
    await sh.run('docker network create --subnet 10.10.0.0/24 backend');
    await sh.run('docker run -d --name app alpine sleep 600');
    expect(await sh.run('docker network connect --ip 10.10.0.50 --alias api backend app')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "",
      }
    `);
    expect(await sh.run(`docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' app`)).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "backend=10.10.0.50 bridge=172.17.0.2 
      ",
      }
    `);
    expect(await sh.run('docker network connect backend app')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: endpoint with name app already exists in network backend
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network connect host app')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: container cannot be disconnected from host network or connected to host network
      ",
        "stdout": "",
      }
    `);
    await sh.run('docker run -d --name lone --network none alpine sleep 600');
    expect(await sh.run('docker network connect --ip 172.17.0.99 bridge lone')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: container cannot be connected to multiple networks with one of the networks in private (none) mode
      ",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network disconnect backend app')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "",
      }
    `);
    expect(await sh.run('docker network disconnect backend app')).toMatchInlineSnapshot(`
      {
        "status": 1,
        "stderr": "Error response from daemon: container 57905288ced3da39b4f878a05fddab2599330897398e53268ed9ac85de586f8a is not connected to network backend
      ",
        "stdout": "",
      }
    `);
  });
});

test('--help prints the usage line and description', async () => {
  const sh = await dockerShell();
  expect(await sh.run('docker network create --help')).toEqual({ stdout: '\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n', stderr: '', status: 0 });
  expect(await sh.run('docker ps --help')).toEqual({ stdout: '\nUsage:  docker ps [OPTIONS]\n\nList containers\n', stderr: '', status: 0 });
});
