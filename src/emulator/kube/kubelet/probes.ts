/**
 * Running one probe against a container, with the kubelet prober's result texts:
 * `HTTP probe failed with statuscode: 404`, `Get "http://10.244.1.2:8080/healthz": dial tcp
 * 10.244.1.2:8080: connect: connection refused`, an exec probe's output.
 */
import type { Container, Pod, Probe } from '../api/types.ts';
import type { ContainerRuntime } from './runtime.ts';

export type ProbeResult = { ok: true } | { ok: false; message: string };

/** Resolves a named port (`http`) through the container's ports. */
export function resolvePort(container: Container, port: number | string): number {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p) => p.name === port);
  return named ? named.containerPort : Number(port);
}

/** Runs `probe` once. */
export function runProbe(runtime: ContainerRuntime, pod: Pod, container: Container, probe: Probe): ProbeResult {
  const ip = pod.status?.podIP ?? '';
  if (probe.httpGet) {
    const port = resolvePort(container, probe.httpGet.port);
    const path = probe.httpGet.path ?? '/';
    const r = runtime.httpGet(pod, port, path);
    if ('error' in r) return { ok: false, message: `Get "${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${ip}:${port}${path}": ${r.error}` };
    if (r.status >= 200 && r.status < 400) return { ok: true };
    return { ok: false, message: `HTTP probe failed with statuscode: ${r.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(container, probe.tcpSocket.port);
    return runtime.tcp(pod, port) ? { ok: true } : { ok: false, message: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  if (probe.exec) {
    const r = runtime.exec(pod, container.name, probe.exec.command ?? []);
    return r.code === 0 ? { ok: true } : { ok: false, message: r.output };
  }
  return { ok: true };
}
