/**
 * The Docker engine made real in the Linux model of its host, as dockerd + containerd + runc +
 * libnetwork do it:
 * - a container is a process tree whose PID 1 runs in fresh pid, mnt, uts, ipc, net and cgroup
 *   namespaces (`--pid host`, `--uts host`, `--network host` share the host's), under the
 *   image's root file system with /proc, /sys, /dev, and Docker's hosts/resolv.conf/hostname;
 * - a bridge network is a Linux bridge on the host (docker0, br-<id>) holding the gateway
 *   address, with MASQUERADE for its subnet and ip_forward on; each attachment is a veth pair
 *   (`veth<7 hex>` on the bridge, eth0/eth1… inside) plus a default route via the gateway
 *   (none on `--internal` networks);
 * - separate bridges are isolated (DOCKER-ISOLATION, as a forward filter on the host);
 * - macvlan/ipvlan/overlay segments are bridges in hidden namespaces (containers see each other,
 *   not the host);
 * - the embedded DNS answers at 127.0.0.11 in containers on user-defined networks;
 * - published ports are docker-proxy listeners on the host that forward to the container.
 */
import type { World } from '../world.ts';
import type { Host } from '../linux/host.ts';
import type { Process } from '../linux/process.ts';
import { MountTable } from '../linux/fs/mounts.ts';
import { MemDir, MemFile } from '../linux/fs/nodes.ts';
import { put, putDir } from '../linux/fs/seed.ts';
import { utf8Length } from '../linux/fs/vfs.ts';
import { MountNamespace, type NetNamespace, type PidNamespace, type UtsNamespace } from '../linux/namespaces.ts';
import type { Link } from '../linux/net/stack.ts';
import type { DockerEngine } from './engine.ts';
import { hostsFile, imageRootFs, resolvConf } from './container-files.ts';
import { parseIPv4 } from './ipv4.ts';
import { hasEmbeddedDns } from './network-ops.ts';
import { programFor, type Program } from './programs.ts';
import { HTTPD_VERSION, NGINX_VERSION } from './image-catalogue.ts';
import type { EngineRuntime } from './runtime.ts';
import type { Container, Endpoint, Network } from './types.ts';

/** The mtime of httpd's htdocs/index.html ("It works!", from the httpd source tarball). */
const HTTPD_INDEX_MTIME = Date.UTC(2007, 5, 11, 18, 53, 14);

/** Apache httpd's 404 page (modules/http/http_protocol.c, 196 bytes as its access logs count it). */
const APACHE_404 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

interface Sandbox {
  main: Process;
  root: MemDir;
  netns: NetNamespace;
  pidNs: PidNamespace;
  closers: (() => void)[];
  program: Program;
}

const EMBEDDED_DNS = 0x7f00000b;

/** The EngineRuntime backed by `world.linux` (see the file comment). */
export class LinuxRuntime implements EngineRuntime {
  readonly world: World;
  readonly host: Host;
  private engine: DockerEngine | undefined;
  private readonly sandboxes = new Map<string, Sandbox>();
  /** Bridge link of each network (on the host, or in a hidden namespace for non-bridge drivers). */
  private readonly bridges = new Map<string, Link>();

  constructor(world: World, host: Host) {
    this.world = world;
    this.host = host;
    const stack = host.initial.net.stack;
    stack.ipForward = true;
    stack.forwardFilter = (inDev, outDev) => this.allowForward(inDev, outDev);
    world.linux.net.dns.register(EMBEDDED_DNS, (name, from) => this.resolve(name, from), (netns) => this.hasEmbeddedDns(netns));
  }

  private networkOfLink(link: Link): Network | undefined {
    if (!this.engine) return undefined;
    for (const [id, l] of this.bridges) if (l === link) return this.engine.networks.get(id);
    return undefined;
  }

  /** DOCKER-ISOLATION-STAGE-1/2 and internal networks: no forwarding between or out of them. */
  private allowForward(inDev: Link, outDev: Link): boolean {
    const a = this.networkOfLink(inDev);
    const b = this.networkOfLink(outDev);
    if (a && b && a !== b) return false;
    if ((a && a.internal) || (b && b.internal)) return false;
    return true;
  }

  private containerOf(netns: NetNamespace): Container | undefined {
    if (!this.engine) return undefined;
    for (const [id, sb] of this.sandboxes) if (sb.netns === netns) return this.engine.containers.get(id);
    return undefined;
  }

  private hasEmbeddedDns(netns: NetNamespace): boolean {
    const c = this.containerOf(netns);
    if (!c || !this.engine) return false;
    return [...c.endpoints.values()].some((ep) => {
      const n = this.engine?.networks.get(ep.networkId);
      return n !== undefined && hasEmbeddedDns(n);
    });
  }

  /** The embedded DNS: names, aliases and short ids of containers sharing a user-defined network. */
  private resolve(name: string, from: NetNamespace): string[] | undefined {
    const engine = this.engine;
    const c = this.containerOf(from);
    if (!engine || !c) return undefined;
    const wanted = name.toLowerCase().replace(/\.$/, '');
    const found: string[] = [];
    let internalOnly = true;
    for (const ep of c.endpoints.values()) {
      const net = engine.networks.get(ep.networkId);
      if (!net || !hasEmbeddedDns(net)) continue;
      if (!net.internal) internalOnly = false;
      for (const other of net.endpoints.values()) {
        const oc = engine.containers.get(other.containerId);
        if (!oc || other.ip === undefined) continue;
        const names = [oc.name, oc.id.slice(0, 12), ...other.aliases].map((n) => n.toLowerCase());
        if (names.includes(wanted)) found.push(fmt(other.ip));
      }
    }
    if (found.length) return found;
    if (internalOnly) return undefined;
    return this.world.linux.net.internet.resolve(wanted);
  }

  networkCreated(engine: DockerEngine, net: Network): void {
    this.engine = engine;
    if (net.driver === 'host' || net.driver === 'null' || !net.pool) return;
    const linux = this.world.linux;
    if (net.driver === 'bridge' && net.bridgeName) {
      const br = linux.net.addLink(this.host.initial.net, net.bridgeName, 'bridge');
      const gw = net.pool.gateway;
      if (gw !== undefined) this.host.initial.net.stack.addAddress(br, gw, net.pool.subnet.bits, { broadcast: 'auto' });
      linux.net.setUp(br, true);
      if (!net.internal) this.host.initial.net.stack.masquerade.push({ src: net.pool.subnet.base, prefix: net.pool.subnet.bits });
      this.bridges.set(net.id, br);
      return;
    }
    // Other drivers: an L2 segment in a namespace of its own (not listed by `ip netns`).
    const hidden = linux.newNamespace('net', this.host.init, this.host.initial) as NetNamespace;
    const br = linux.net.addLink(hidden, 'br0', 'bridge');
    linux.net.setUp(br, true);
    this.bridges.set(net.id, br);
  }

  networkRemoved(_engine: DockerEngine, net: Network): void {
    const br = this.bridges.get(net.id);
    if (!br) return;
    this.world.linux.net.deleteLink(br);
    this.bridges.delete(net.id);
    const masq = this.host.initial.net.stack.masquerade;
    const i = masq.findIndex((m) => net.pool && m.src === net.pool.subnet.base && m.prefix === net.pool.subnet.bits);
    if (i >= 0) masq.splice(i, 1);
  }

  startContainer(engine: DockerEngine, c: Container): number {
    this.engine = engine;
    const linux = this.world.linux;
    const host = this.host;
    const shim = host.init;
    const now = this.world.now();
    const program = programFor(c);
    const primary = engine.networks.get([...c.endpoints.values()][0]?.networkId ?? '');
    const pidNs = c.hostConfig.pidMode === 'host' ? host.initial.pid : (linux.newNamespace('pid', shim, host.initial) as PidNamespace);
    const root = imageRootFs(c, now);
    const mnt = new MountNamespace(host, host.allocInode(), now, new MountTable(), shim.pid);
    let uts = host.initial.uts;
    if (c.hostConfig.utsMode !== 'host' && primary?.driver !== 'host') {
      uts = linux.newNamespace('uts', shim, host.initial) as UtsNamespace;
      uts.hostname = c.config.hostname;
    }
    const ipc = linux.newNamespace('ipc', shim, host.initial);
    let netns = host.initial.net;
    const joined = c.hostConfig.networkMode.startsWith('container:') ? this.sandboxes.get(c.hostConfig.networkMode.slice('container:'.length)) : undefined;
    if (joined) {
      netns = joined.netns;
    } else if (primary?.driver !== 'host') {
      netns = linux.newNamespace('net', shim, host.initial) as NetNamespace;
      const lo = netns.stack.link('lo');
      if (lo) linux.net.setUp(lo, true);
    }
    const cgroup = linux.newNamespace('cgroup', shim, host.initial);
    const env = Object.fromEntries(c.config.env.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
    env.HOSTNAME = uts.hostname;
    if (!env.HOME) env.HOME = '/root';
    const procs = 'processes' in program ? program.processes : [{ argv: [c.path, ...c.args], user: 'root', parent: -1 }];
    const main = linux.spawn(shim, {
      argv: procs[0].argv, namespaces: { pid: pidNs, mnt, uts, ipc, net: netns, cgroup }, tty: c.config.tty ? 'pts/0' : null,
      cwd: c.config.workingDir || '/', env, uid: 0, gid: 0, user: procs[0].user,
    });
    mnt.mounts.mount({ target: '/', root, fstype: 'overlay', source: 'overlay', options: `rw,relatime,lowerdir=/var/lib/docker/overlay2/l/${c.image.id.slice(7, 33).toUpperCase()},upperdir=/var/lib/docker/overlay2/${c.id}/diff,workdir=/var/lib/docker/overlay2/${c.id}/work`, readOnly: false });
    linux.mountStandard(mnt.mounts, pidNs, now);
    for (const bind of c.hostConfig.binds) this.mountBind(engine, root, mnt, bind);
    const made: Process[] = [main];
    for (const p of procs.slice(1)) made.push(linux.spawn(made[p.parent] ?? main, { argv: p.argv, user: p.user, uid: p.user === 'root' ? 0 : 101 }));
    const sb: Sandbox = { main, root, netns, pidNs, closers: [], program };
    this.sandboxes.set(c.id, sb);
    this.writeFiles(engine, c);
    if (program.kind === 'service') {
      for (const l of program.listens) {
        sb.closers.push(linux.net.listen(netns, { proto: l.proto, port: l.port, ip: 0, program: main.comm, pid: main.pid, handle: (req) => this.serve(engine, c, sb, req) }));
      }
    }
    for (const b of c.hostConfig.portBindings) {
      if (primary?.driver === 'host') break;
      const ip = b.hostIp === '' ? 0 : (parseIPv4(b.hostIp) ?? 0);
      sb.closers.push(linux.net.listen(host.initial.net, {
        proto: b.proto, port: b.hostPort, ip, program: 'docker-proxy',
        handle: (req) => {
          const ep = [...c.endpoints.values()].find((e) => e.ip !== undefined);
          const target = ep?.ip === undefined ? undefined : sb.netns.stack.listenerFor(b.proto, b.containerPort, ep.ip);
          return target?.handle(req);
        },
      }));
    }
    return main.pid;
  }

  /**
   * `-v SRC:DST[:ro]`: a host directory (created when missing, as Docker does) or a named volume
   * (/var/lib/docker/volumes/NAME/_data on the host, outliving containers) mounted in the
   * container's mount namespace.
   */
  private mountBind(engine: DockerEngine, root: MemDir, mnt: MountNamespace, bind: string): void {
    const [src, dst, mode] = bind.split(':');
    if (!src || !dst) return;
    const now = this.world.now();
    let hostPath = src;
    if (!src.startsWith('/')) {
      if (!engine.volumes.has(src)) engine.volumes.set(src, { created: now });
      hostPath = `/var/lib/docker/volumes/${src}/_data`;
    }
    const fs = this.host.init.fs;
    if (!fs.exists(hostPath)) fs.mkdir(hostPath, { recursive: true });
    const m = fs.mountOf(hostPath);
    let node: unknown = m.root;
    for (const part of hostPath.slice(m.target.length).split('/').filter(Boolean)) node = node instanceof MemDir ? node.get(part) : undefined;
    if (!(node instanceof MemDir)) return;
    putDir(root, dst, now);
    const ro = mode === 'ro';
    mnt.mounts.mount({ target: dst, root: node, fstype: 'ext4', source: m.source, options: ro ? 'ro,relatime' : 'rw,relatime', readOnly: ro });
  }

  /** Removes a named volume's directory from the host (`docker volume rm`). */
  removeVolume(name: string): void {
    const fs = this.host.init.fs;
    const path = `/var/lib/docker/volumes/${name}`;
    if (fs.exists(path)) fs.rm(path, { recursive: true, force: true });
  }

  /** An HTTP answer from the container's web root (nginx, httpd), logged in that server's access-log format. */
  private serve(engine: DockerEngine, c: Container, sb: Sandbox, request: string): string | undefined {
    const p = sb.program;
    if (p.kind !== 'service') return undefined;
    if (!p.webRoot) return undefined;
    const [method, path = '/'] = request.split(' ');
    const file = path.endsWith('/') ? `${p.webRoot}${path}index.html` : `${p.webRoot}${path}`;
    let body: string | undefined;
    try {
      body = sb.main.fs.readFile(file);
    } catch {
      body = undefined;
    }
    const server = c.image.spec.repo === 'nginx' ? `nginx/${NGINX_VERSION}` : `Apache/${HTTPD_VERSION} (Unix)`;
    const gw = [...c.endpoints.values()].map((ep) => engine.networks.get(ep.networkId)?.pool?.gatewayText()).find(Boolean) ?? '172.17.0.1';
    const d = new Date(engine.now());
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const p2 = (n: number) => String(n).padStart(2, '0');
    const stamp = `${p2(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
    const status = body === undefined ? 404 : 200;
    const size = body === undefined ? 153 : utf8Length(body);
    // nginx logs body bytes sent: none for HEAD. The client is taken to be curl (the request line
    // is all the packet path carries).
    const sent = method === 'HEAD' ? 0 : size;
    const apache = c.image.spec.repo !== 'nginx';
    if (apache) {
      // httpd's `common` LogFormat (%h %l %u %t "%r" %>s %b): %b is "-" when no body is sent
      const sentApache = method === 'HEAD' ? '-' : String(body === undefined ? APACHE_404.length : size);
      c.logs.push({ at: engine.now(), stream: 'stdout', text: `${gw} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${sentApache}` });
    } else {
      c.logs.push({ at: engine.now(), stream: 'stdout', text: `${gw} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${sent} "-" "curl/7.88.1" "-"` });
    }
    if (body === undefined && apache) {
      return `HTTP/1.1 404 Not Found\r\nDate: ${new Date(engine.now()).toUTCString()}\r\nServer: ${server}\r\nContent-Length: ${APACHE_404.length}\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n${APACHE_404}`;
    }
    if (body === undefined) {
      return `HTTP/1.1 404 Not Found\r\nServer: ${server}\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
    }
    // nginx's headers: Date now, Last-Modified and ETag from the file (built with the image).
    if (apache) {
      // httpd's default page keeps its mtime from the httpd source tarball (Mon, 11 Jun 2007
      // 18:53:14 GMT), and Apache's ETag is "<size hex>-<mtime in µs hex>" (FileETag MTime Size):
      // every httpd image answers ETag "2d-432a5e4a73a80". Other files: the image's build time.
      const mtime = body === c.image.spec.files[file] ? HTTPD_INDEX_MTIME : c.image.created;
      const etag = `"${size.toString(16)}-${(mtime * 1000).toString(16)}"`;
      return `HTTP/1.1 200 OK\r\nDate: ${new Date(engine.now()).toUTCString()}\r\nServer: ${server}\r\nLast-Modified: ${new Date(mtime).toUTCString()}\r\nETag: ${etag}\r\nAccept-Ranges: bytes\r\nContent-Length: ${size}\r\nContent-Type: text/html\r\n\r\n${body}`;
    }
    const mtime = c.image.created;
    const etag = `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`;
    const head = `HTTP/1.1 200 OK\r\nServer: ${server}\r\nDate: ${new Date(engine.now()).toUTCString()}\r\nContent-Type: text/html\r\nContent-Length: ${size}\r\nLast-Modified: ${new Date(mtime).toUTCString()}\r\nConnection: keep-alive\r\nETag: ${etag}\r\nAccept-Ranges: bytes\r\n\r\n`;
    return `${head}${body}`;
  }

  private hostFile(path: string): string {
    try {
      return this.host.init.fs.readFile(path);
    } catch {
      return '';
    }
  }

  /** Rewrites the container's /etc/hosts, /etc/resolv.conf and /etc/hostname. */
  private writeFiles(engine: DockerEngine, c: Container): void {
    const sb = this.sandboxes.get(c.id);
    if (!sb) return;
    const now = this.world.now();
    put(sb.root, '/etc/hostname', `${c.config.hostname}\n`, now);
    const mode = c.hostConfig.networkMode;
    const joined = mode.startsWith('container:') ? this.sandboxes.get(mode.slice('container:'.length)) : undefined;
    if (joined) {
      // Sharing a network namespace shares its hosts and resolv.conf too.
      for (const f of ['/etc/hosts', '/etc/resolv.conf']) put(sb.root, f, readOr(joined.root, f), now);
      return;
    }
    put(sb.root, '/etc/hosts', hostsFile(engine, c, this.hostFile('/etc/hosts')), now);
    put(sb.root, '/etc/resolv.conf', resolvConf(engine, c, this.hostFile('/etc/resolv.conf')), now);
  }

  stopContainer(_engine: DockerEngine, c: Container): void {
    const sb = this.sandboxes.get(c.id);
    if (!sb) return;
    for (const close of sb.closers) close();
    const linux = this.world.linux;
    if (sb.pidNs === this.host.initial.pid) {
      for (const p of [...this.host.processes.values()]) if (p.ppid === sb.main.pid) linux.exit(p, 137);
    }
    linux.exit(sb.main, c.state.exitCode);
    this.sandboxes.delete(c.id);
  }

  endpointJoined(engine: DockerEngine, c: Container, ep: Endpoint, net: Network): void {
    const sb = this.sandboxes.get(c.id);
    const br = this.bridges.get(net.id);
    if (!sb || !br || ep.ip === undefined || !ep.ifName || !net.pool) {
      this.writeFiles(engine, c);
      return;
    }
    const linux = this.world.linux;
    const hostSideName = ep.hostVeth ?? `veth${engine.rng.hex(7)}`;
    ep.hostVeth = hostSideName;
    // As libnetwork does: make the pair on the host (the container end is the peer, so it gets the
    // lower ifindex), move that end into the container and rename it: `27: eth0@if28`.
    const [outside, inside] = linux.net.addVeth(br.netns, hostSideName, `${hostSideName}c`, br.netns);
    inside.mac = ep.mac;
    linux.net.moveLink(inside, sb.netns);
    linux.net.renameLink(inside, ep.ifName);
    linux.net.setMaster(outside, br);
    linux.net.setUp(outside, true);
    linux.net.setUp(inside, true);
    sb.netns.stack.addAddress(inside, ep.ip, net.pool.subnet.bits, { broadcast: 'auto' });
    const hasDefault = sb.netns.stack.routes.some((r) => r.prefix === 0);
    const gw = net.pool.gateway;
    if (!hasDefault && !net.internal && gw !== undefined && net.driver === 'bridge') {
      sb.netns.stack.routes.push({ dst: 0, prefix: 0, via: gw, dev: inside, proto: 'boot', scope: 'global' });
    }
    this.writeFiles(engine, c);
  }

  endpointLeft(engine: DockerEngine, c: Container, ep: Endpoint): void {
    const sb = this.sandboxes.get(c.id);
    const inside = ep.ifName ? sb?.netns.stack.link(ep.ifName) : undefined;
    if (inside) this.world.linux.net.deleteLink(inside);
    if (sb) {
      // Leaving the network that carried the default route: Docker moves it to another bridge network.
      if (!sb.netns.stack.routes.some((r) => r.prefix === 0)) {
        for (const other of c.endpoints.values()) {
          if (other === ep || !other.ifName) continue;
          const net = engine.networks.get(other.networkId);
          const link = sb.netns.stack.link(other.ifName);
          if (net && link && !net.internal && net.driver === 'bridge' && net.pool?.gateway !== undefined) {
            sb.netns.stack.routes.push({ dst: 0, prefix: 0, via: net.pool.gateway, dev: link, proto: 'boot', scope: 'global' });
            break;
          }
        }
      }
    }
    this.writeFiles(engine, c);
  }

  processes(_engine: DockerEngine, c: Container) {
    const sb = this.sandboxes.get(c.id);
    if (!sb) return [];
    const members = sb.pidNs === this.host.initial.pid
      ? [sb.main, ...[...this.host.processes.values()].filter((p) => p.ppid === sb.main.pid)]
      : this.world.linux.processesIn(sb.pidNs);
    return members.map((p) => ({ pid: p.pid, ppid: p.ppid, argv: p.argv, user: p.user, startTime: p.startTime }));
  }

  execProcess(_engine: DockerEngine, c: Container, argv: string[]): Process | undefined {
    const sb = this.sandboxes.get(c.id);
    if (!sb || sb.main.exited) return undefined;
    const env = { ...sb.main.env };
    return this.world.linux.spawn(this.host.init, { argv, namespaces: { ...sb.main.ns }, cwd: c.config.workingDir || '/', env, uid: 0, gid: 0, user: 'root', tty: c.config.tty ? 'pts/1' : null });
  }

  execEnded(proc: Process, code: number): void {
    this.world.linux.exit(proc, code);
  }

  processOf(_engine: DockerEngine, c: Container): Process | undefined {
    return this.sandboxes.get(c.id)?.main;
  }
}

/** A file's content under a root directory ('' when missing). */
function readOr(root: MemDir, path: string): string {
  let node: unknown = root;
  for (const part of path.split('/').filter(Boolean)) node = node instanceof MemDir ? node.get(part) : undefined;
  return node instanceof MemFile ? node.content : '';
}

function fmt(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
