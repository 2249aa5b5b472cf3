/**
 * `docker volume …` and named volumes: moby volume/service texts (`get x: no such volume`,
 * `remove x: volume is in use - [id]`), docker/cli volume table (`DRIVER  VOLUME NAME`), data
 * under /var/lib/docker/volumes/NAME/_data on the host, surviving the container.
 */
import { expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

test('volumes: create, ls, inspect, data on the host that outlives the container, rm', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  expect(await sh.run('docker volume create pgdata')).toEqual({ stdout: 'pgdata\n', stderr: '', status: 0 });
  await sh.run('docker run --name writer -v pgdata:/data alpine sh -c "echo 42 > /data/answer"');
  expect(await sh.run('cat /var/lib/docker/volumes/pgdata/_data/answer')).toEqual({ stdout: '42\n', stderr: '', status: 0 });
  await sh.run('docker run -d --name other -v cache:/cache alpine sleep 60');
  expect(await sh.run('docker volume ls')).toEqual({ stdout: 'DRIVER    VOLUME NAME\nlocal     cache\nlocal     pgdata\n', stderr: '', status: 0 });
  expect(await sh.run('docker volume inspect pgdata')).toEqual({
    stdout: '[\n    {\n        "CreatedAt": "2026-11-29T10:00:00Z",\n        "Driver": "local",\n        "Labels": null,\n        "Mountpoint": "/var/lib/docker/volumes/pgdata/_data",\n        "Name": "pgdata",\n        "Options": null,\n        "Scope": "local"\n    }\n]\n',
    stderr: '', status: 0,
  });
  const writer = (await sh.run("docker inspect -f '{{.Id}}' writer")).stdout.trim();
  expect(await sh.run('docker volume rm pgdata')).toEqual({ stdout: '', stderr: `Error response from daemon: remove pgdata: volume is in use - [${writer}]\n`, status: 1 });
  await sh.run('docker rm writer');
  expect(await sh.run('docker run --rm -v pgdata:/data alpine cat /data/answer')).toEqual({ stdout: '42\n', stderr: '', status: 0 });
  expect(await sh.run('docker volume rm pgdata')).toEqual({ stdout: 'pgdata\n', stderr: '', status: 0 });
  expect(await sh.run('ls /var/lib/docker/volumes')).toEqual({ stdout: 'cache\n', stderr: '', status: 0 });
  expect(await sh.run('docker volume rm pgdata')).toEqual({ stdout: '', stderr: 'Error response from daemon: get pgdata: no such volume\n', status: 1 });
});
