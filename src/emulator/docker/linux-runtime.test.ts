/**
 * The Linux side of containers: namespaces (own pid/net/uts/mnt/ipc unless shared with the host),
 * host interfaces (docker0, br-<12 hex>, veth<7 hex> with master), published ports answering on
 * the host's addresses through docker-proxy, macvlan segments invisible to the host.
 */
import { describe, expect, test } from 'vitest';
import { createWorld } from '../environment.ts';
import { createContainer, startContainer } from './container-ops.ts';
import { dockerEngine } from './engine.ts';
import { createNetwork } from './network-ops.ts';

function setup() {
  const world = createWorld({ environment: 'docker', seed: 3 });
  const engine = dockerEngine(world);
  engine.preload('alpine', 'nginx');
  const host = world.linux.hosts.get('petlab')!;
  const run = (name: string, image: string, extra: Partial<Parameters<typeof createContainer>[1]> = {}) => {
    const c = createContainer(engine, { image: engine.findImage(image)!, imageRef: image, name, cmd: image === 'alpine' ? ['sleep', '600'] : [], ...extra });
    startContainer(engine, c);
    return { c, proc: engine.runtime.processOf!(engine, c)! };
  };
  return { world, engine, host, run };
}

describe('containers in the Linux model', () => {
  test('own namespaces, PID 1, hostname = short id; --pid host / --uts host / --network host share the host\'s', () => {
    const { host, run } = setup();
    const { c, proc } = run('iso', 'alpine');
    for (const kind of ['pid', 'net', 'uts', 'mnt', 'ipc', 'cgroup'] as const) expect(proc.ns[kind]).not.toBe(host.initial[kind]);
    expect(proc.localPid).toBe(1);
    expect(proc.ns.uts.hostname).toBe(c.id.slice(0, 12));
    expect(proc.fs.readFile('/etc/hostname')).toBe(`${c.id.slice(0, 12)}\n`);
    const shared = run('shared', 'alpine', { pidMode: 'host', utsMode: 'host', network: 'host' }).proc;
    expect(shared.ns.pid).toBe(host.initial.pid);
    expect(shared.ns.uts).toBe(host.initial.uts);
    expect(shared.ns.net).toBe(host.initial.net);
    expect(shared.ns.mnt).not.toBe(host.initial.mnt);
  });

  test('host interfaces: docker0, br-<id>, veth<7 hex> enslaved to the bridge', () => {
    const { engine, host, run } = setup();
    const net = createNetwork(engine, { name: 'front' });
    run('a1', 'alpine', { network: 'front' });
    const links = host.initial.net.stack.all();
    const names = links.map((l) => l.name);
    expect(names).toContain('docker0');
    expect(names).toContain(`br-${net.id.slice(0, 12)}`);
    const veth = links.find((l) => l.kind === 'veth')!;
    expect(veth.name).toMatch(/^veth[0-9a-f]{7}$/);
    expect(veth.master?.name).toBe(`br-${net.id.slice(0, 12)}`);
    expect(veth.peer?.name).toBe('eth0');
  });

  test('a published port answers on the host address through docker-proxy with the nginx page', () => {
    const { world, host, run } = setup();
    run('web', 'nginx', { publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: 8080 }] });
    const r = world.linux.net.reach(host.initial.net, 0x0a00020f, { proto: 'tcp', port: 8080 });
    expect(r.ok && r.listener?.program).toBe('docker-proxy');
    const answer = r.ok ? r.listener?.handle('GET / HTTP/1.1') : undefined;
    expect(answer?.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(answer).toContain('<title>Welcome to nginx!</title>');
    const closed = world.linux.net.reach(host.initial.net, 0x0a00020f, { proto: 'tcp', port: 8081 });
    expect(closed.ok ? 'ok' : closed.reason).toBe('refused');
  });

  test('macvlan containers see each other but not the host', () => {
    const { world, engine, run } = setup();
    createNetwork(engine, { name: 'mv', driver: 'macvlan', subnet: ['192.168.50.0/24'], gateway: ['192.168.50.1'], options: { parent: 'eth0' } });
    const a = run('m1', 'alpine', { network: 'mv' });
    const b = run('m2', 'alpine', { network: 'mv' });
    const bIp = [...b.c.endpoints.values()][0].ip!;
    expect(world.linux.net.reach(a.proc.ns.net, bIp, { proto: 'icmp' }).ok).toBe(true);
    expect(world.linux.net.reach(a.proc.ns.net, 0x0a00020f, { proto: 'icmp' }).ok).toBe(false);
  });
});

describe('publish-all', () => {
  test('-P maps every exposed port to an ephemeral host port from 32768', () => {
    const { engine, run } = setup();
    const { c } = run('db', 'nginx', { publishAll: true });
    expect(c.hostConfig.portBindings).toEqual([{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: 32768 }]);
    void engine;
  });
});

describe('events', () => {
  test('the daemon records docker-events-style entries in the world log', () => {
    const { world, run } = setup();
    run('ev', 'alpine');
    const docker = world.events.list().filter((e) => e.source === 'docker').map((e) => `${e.type} ${e.subject}`);
    expect(docker).toEqual(['image.pull image/alpine:latest', 'image.pull image/nginx:latest', 'container.create container/ev', 'container.start container/ev']);
  });
});
