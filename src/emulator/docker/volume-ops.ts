/**
 * Named volumes (`docker volume create|ls|inspect|rm`) with moby's texts: data under
 * /var/lib/docker/volumes/NAME/_data on the host, `volume is in use`, `no such volume`.
 */
import { DockerError } from './errors.ts';
import type { DockerEngine } from './engine.ts';
import { goTime } from './inspect.ts';

/** Creates a volume (a random 64-hex name when none is given); existing names are kept. */
export function createVolume(engine: DockerEngine, name?: string): string {
  const n = name ?? engine.newId();
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(n)) {
    throw new DockerError('invalid-parameter', `create ${n}: "${n}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
  }
  if (!engine.volumes.has(n)) engine.volumes.set(n, { created: engine.now() });
  engine.changed();
  return n;
}

/** Containers (ids) whose `-v` uses the volume. */
export function volumeUsers(engine: DockerEngine, name: string): string[] {
  return [...engine.containers.values()].filter((c) => c.hostConfig.binds.some((b) => b.split(':')[0] === name)).map((c) => c.id);
}

/** Removes a volume. Errors: `get x: no such volume`, `remove x: volume is in use - [ids]`. */
export function removeVolume(engine: DockerEngine, name: string, force = false): void {
  if (!engine.volumes.has(name)) {
    if (force) return;
    throw new DockerError('not-found', `get ${name}: no such volume`);
  }
  const users = volumeUsers(engine, name);
  if (users.length) throw new DockerError('conflict', `remove ${name}: volume is in use - [${users.join(', ')}]`);
  engine.volumes.delete(name);
  engine.runtime.removeVolume?.(name);
  engine.changed();
}

/** The `docker volume inspect` document. Error: `get x: no such volume`. */
export function inspectVolume(engine: DockerEngine, name: string): Record<string, unknown> {
  const v = engine.volumes.get(name);
  if (!v) throw new DockerError('not-found', `get ${name}: no such volume`);
  return {
    CreatedAt: goTime(Math.floor(v.created / 1000) * 1000).replace(/\.\d+Z$/, 'Z'),
    Driver: 'local',
    Labels: null,
    Mountpoint: `/var/lib/docker/volumes/${name}/_data`,
    Name: name,
    Options: null,
    Scope: 'local',
  };
}
