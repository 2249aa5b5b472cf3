/**
 * `postgres --version` in postgres:latest of mid-2025 (17.5 on bookworm, PG_VERSION
 * 17.5-1.pgdg120+1): PG_BACKEND_VERSIONSTR (src/include/port.h) with Debian's extra version, the
 * same `17.5 (Debian 17.5-1.pgdg120+1)` that psql and pg_dump of that package print.
 */
import { expect, test } from 'vitest';
import { dockerShell } from '../docker/testing.ts';

test('postgres --version inside the postgres image only', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull -q postgres');
  await sh.run('docker run -d --name db -e POSTGRES_PASSWORD=secret postgres');
  expect(await sh.run('docker exec db postgres --version')).toEqual({ stdout: 'postgres (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n', stderr: '', status: 0 });
  expect(await sh.run('docker exec db postgres -V')).toEqual({ stdout: 'postgres (PostgreSQL) 17.5 (Debian 17.5-1.pgdg120+1)\n', stderr: '', status: 0 });
  expect(await sh.run('docker exec db postgres -D /tmp')).toEqual({ stdout: '', stderr: "petlab: 'postgres -D' is not available in this lab\n", status: 1 });
  // the lab host has no PostgreSQL
  expect(await sh.run('postgres --version')).toEqual({ stdout: '', stderr: 'bash: postgres: command not found\n', status: 127 });
});
