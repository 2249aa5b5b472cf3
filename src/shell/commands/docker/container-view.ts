/**
 * The row docker/cli's ContainerContext exposes to `docker ps` templates: ID, Image, Command,
 * CreatedAt, RunningFor, Ports, State, Status, Size, Names, Labels, Mounts, Networks, with
 * docker's truncation (`"/docker-entrypoint.…"`) and port grouping (`0.0.0.0:8080->80/tcp`).
 */
import type { DockerEngine } from '../../../emulator/docker/engine.ts';
import type { Container } from '../../../emulator/docker/types.ts';
import { containerStatus, humanDuration } from './human.ts';

/** docker/cli's Ellipsis: cut to `max` display characters with a trailing `…`. */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** The Command column's source: path and args, args with spaces single-quoted (moby list.go). */
export function commandLine(c: Container): string {
  return [c.path, ...c.args].map((a, i) => (i > 0 && /\s/.test(a) ? `'${a}'` : a)).join(' ');
}

interface PortSummary {
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: string;
}

function portSummaries(c: Container): PortSummary[] {
  const out: PortSummary[] = [];
  const published = new Set<string>();
  for (const b of c.hostConfig.portBindings) {
    published.add(`${b.containerPort}/${b.proto}`);
    const ips = b.hostIp === '' ? ['0.0.0.0', '::'] : [b.hostIp];
    for (const ip of ips) out.push({ ip, privatePort: b.containerPort, publicPort: b.hostPort, type: b.proto });
  }
  for (const p of c.config.exposedPorts) {
    if (published.has(p)) continue;
    const [port, type] = p.split('/');
    out.push({ privatePort: Number(port), type });
  }
  return out;
}

function ipRank(ip: string | undefined): [number, string] {
  if (ip === undefined) return [0, ''];
  return ip.includes(':') ? [2, ip] : [1, ip.split('.').map((x) => x.padStart(3, '0')).join('.')];
}

function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** docker/cli's DisplayablePorts. */
export function displayablePorts(ports: PortSummary[]): string {
  const sorted = [...ports].sort((a, b) => {
    if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
    const ra = ipRank(a.ip);
    const rb = ipRank(b.ip);
    if (ra[0] !== rb[0]) return ra[0] - rb[0];
    if (ra[1] !== rb[1]) return ra[1] < rb[1] ? -1 : 1;
    if ((a.publicPort ?? 0) !== (b.publicPort ?? 0)) return (a.publicPort ?? 0) - (b.publicPort ?? 0);
    return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
  });
  const groups = new Map<string, { first: number; last: number }>();
  const keys: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  const form = (key: string, first: number, last: number) => {
    const parts = key.split('/');
    let type = parts[0];
    let ip = '';
    if (parts.length > 1) {
      ip = parts[0];
      type = parts[1];
    }
    let group = String(first);
    if (first !== last) group = `${group}-${last}`;
    if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
    return `${group}/${type}`;
  };
  for (const p of sorted) {
    let key = p.type;
    if (p.ip !== undefined) {
      if (p.publicPort !== p.privatePort) {
        hostMappings.push(`${joinHostPort(p.ip, String(p.publicPort))}->${p.privatePort}/${p.type}`);
        continue;
      }
      key = `${p.ip}/${p.type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.privatePort, last: p.privatePort });
      keys.push(key);
      continue;
    }
    if (p.privatePort === g.last + 1) {
      g.last = p.privatePort;
      continue;
    }
    result.push(form(key, g.first, g.last));
    groups.set(key, { first: p.privatePort, last: p.privatePort });
  }
  for (const k of keys) {
    const g = groups.get(k)!;
    result.push(form(k, g.first, g.last));
  }
  return [...result, ...hostMappings].join(', ');
}

/** Go's time.Time.String() in UTC: `2026-11-29 10:00:05 +0000 UTC`. */
export function goTimeString(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** The template data of one `docker ps` row. */
export function containerRow(engine: DockerEngine, c: Container, trunc: boolean): Record<string, string> {
  const running = c.state.status === 'running' || c.state.status === 'paused';
  const cmd = commandLine(c);
  return {
    Command: JSON.stringify(trunc ? ellipsis(cmd, 20) : cmd),
    CreatedAt: goTimeString(c.created),
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: c.config.image,
    Labels: Object.keys(c.config.labels).sort().map((k) => `${k}=${c.config.labels[k]}`).join(','),
    LocalVolumes: String(c.hostConfig.binds.filter((b) => !b.startsWith('/')).length),
    Mounts: c.hostConfig.binds.map((b) => b.split(':')[0]).map((n) => (trunc ? ellipsis(n, 15) : n)).join(','),
    Names: c.name,
    Networks: [...c.endpoints.keys()].join(','),
    Ports: running ? displayablePorts(portSummaries(c)) : '',
    RunningFor: `${humanDuration(engine.now() - c.created)} ago`,
    Size: '0B',
    State: c.state.status,
    Status: containerStatus(c.state, engine.now()),
  };
}

/** Header cells for table formats. */
export const CONTAINER_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS',
  Mounts: 'MOUNTS', LocalVolumes: 'LOCAL VOLUMES', Networks: 'NETWORKS',
};
