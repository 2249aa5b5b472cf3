/**
 * Pods in the Linux model. Per node: `eth0` 172.18.0.N/16 on the `kind` segment, IP forwarding,
 * routes to the other nodes' pod CIDRs, and `kube-ipvs0` holding every Service IP (kube-proxy
 * IPVS mode). Per pod: a `pause` process with new net/uts/ipc namespaces, `eth0` (a veth to the
 * node) with the pod IP and a default route via 10.244.N.1; per container: a process in a new
 * mount and PID namespace whose root is the image's file system, with volumes mounted.
 */
import type { World } from '../../world.ts';
import type { Container, Pod } from '../api/types.ts';
import type { MemDir } from '../../linux/fs/nodes.ts';
import { put, putDir } from '../../linux/fs/seed.ts';
import type { Host } from '../../linux/host.ts';
import type { NetNamespace } from '../../linux/namespaces.ts';
import type { Process } from '../../linux/process.ts';
import type { Behaviour } from './behaviour.ts';
import { NGINX_INDEX_HTML } from '../../docker/image-catalogue.ts';
import { containerRootFs } from './image-root.ts';
import type { ImageInfo } from './images.ts';
import { hexId } from '../api/ids.ts';
import type { ContainerRuntime, HttpResult, MountSpec } from './runtime.ts';

/** Pods up to this many get their container processes at start; beyond, on first use. */
const EAGER_LIMIT = 150;

interface ContainerRecord {
  pod: Pod;
  spec: Container;
  image: ImageInfo;
  behaviour: Behaviour;
  mounts: MountSpec[];
  closers: (() => void)[];
  listeners?: { pid?: number }[];
  proc?: Process;
  root?: MemDir;
}

interface PodRecord {
  pause: Process;
  host: Host;
  netns: NetNamespace;
  containers: Map<string, ContainerRecord>;
  vethHost?: string;
  podIP: string;
}

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

/** An env var's `valueFrom`: fieldRef, configMapKeyRef, secretKeyRef. */
export interface EnvSource {
  fieldRef?: { fieldPath: string };
  configMapKeyRef?: { name: string; key: string };
  secretKeyRef?: { name: string; key: string };
}

export class LinuxRuntime implements ContainerRuntime {
  /** Resolves `valueFrom` env vars (set by the cluster, which can read ConfigMaps and Secrets). */
  resolveEnv?: (pod: Pod, source: EnvSource) => string | undefined;
  private readonly world: World;
  private readonly pods = new Map<string, PodRecord>();
  /** The cluster domain's search path for pods. */
  readonly clusterDomain = 'cluster.local';
  readonly dnsIP: string;

  constructor(world: World, dnsIP: string) {
    this.world = world;
    this.dnsIP = dnsIP;
  }

  private host(node: string): Host {
    const h = this.world.linux.hosts.get(node);
    if (!h) throw new Error(`node host ${node} does not exist`);
    return h;
  }

  runPodSandbox(pod: Pod, node: string, podIP: string): void {
    const uid = String(pod.metadata.uid);
    if (this.pods.has(uid)) return;
    const linux = this.world.linux;
    const host = this.host(node);
    const hostNetwork = pod.spec.hostNetwork === true;
    const pause = linux.spawn(host.init, { argv: ['/pause'], comm: 'pause', unshare: hostNetwork ? ['ipc'] : ['net', 'uts', 'ipc'], tty: null, cwd: '/', env: {}, vsz: 1020, rss: 4 });
    const netns = pause.ns.net;
    const rec: PodRecord = { pause, host, netns, containers: new Map(), podIP };
    if (hostNetwork) {
      this.pods.set(uid, rec);
      return;
    }
    const hostname = pod.spec.hostname ?? String(pod.metadata.name);
    (pause.ns.uts as { hostname: string }).hostname = hostname;
    const net = linux.net;
    net.setUp(netns.stack.links.get('lo')!, true);
    const gateway = podIP.replace(/\.\d+$/, '.1');
    try {
      const vethName = `veth${hexId(this.world.rng, 8)}`;
      const [hostSide, podSide] = net.addVeth(host.initial.net, vethName, 'eth0', netns);
      net.setUp(hostSide, true);
      net.setUp(podSide, true);
      const ip = ipToInt(podIP);
      if (!hostSide.addresses.some((a) => a.ip === ipToInt(gateway))) host.initial.net.stack.addAddress(hostSide, ipToInt(gateway), 32);
      host.initial.net.stack.routes.push({ dst: ip, prefix: 32, dev: hostSide, proto: 'boot', scope: 'host' });
      netns.stack.addAddress(podSide, ip, 24, { broadcast: 'auto' });
      netns.stack.routes.push({ dst: 0, prefix: 0, via: ipToInt(gateway), dev: podSide, proto: 'boot', scope: 'global' });
      rec.vethHost = vethName;
    } catch {
      /* networking is best effort: the pod still runs */
    }
    this.pods.set(uid, rec);
  }

  startContainer(pod: Pod, container: Container, image: ImageInfo, behaviour: Behaviour, mounts: MountSpec[]): string {
    const rec = this.pods.get(String(pod.metadata.uid));
    if (!rec) throw new Error('no sandbox');
    this.stopContainer(pod, container.name, 0);
    const c: ContainerRecord = { pod, spec: container, image, behaviour, mounts, closers: [] };
    for (const port of behaviour.ports) {
      const listener = {
        proto: 'tcp' as const,
        port,
        ip: 0,
        program: behaviour.argv[0]?.split('/').pop() ?? 'server',
        pid: undefined as number | undefined,
        handle: (request: string) => this.serve(this.materialize(rec, c).proc!, image, request),
      };
      c.closers.push(this.world.linux.net.listen(rec.netns, listener));
      c.listeners = [...(c.listeners ?? []), listener];
    }
    rec.containers.set(container.name, c);
    if (this.pods.size <= EAGER_LIMIT) this.materialize(rec, c);
    return `containerd://${hexId(this.world.rng, 64)}`;
  }

  /**
   * Creates the container's process and root file system. Done at start while the cluster is
   * small, and on first use (exec, HTTP, kubectl exec) when it runs hundreds of pods, so a
   * 1,000-replica StatefulSet does not build 1,000 file systems nobody looks at.
   */
  private materialize(rec: PodRecord, c: ContainerRecord): ContainerRecord {
    if (c.proc) return c;
    const linux = this.world.linux;
    const now = this.world.now();
    const pod = c.pod;
    const hostname = rec.pause.ns.uts.hostname;
    const root = containerRootFs(c.image.ref, hostname, this.dnsIP, now);
    this.writeIdentityFiles(root, pod, rec.podIP, now);
    if (c.image.ref.includes('nginx')) {
      put(root, '/usr/share/nginx/html/index.html', NGINX_INDEX_HTML, now);
      put(root, '/usr/share/nginx/html/50x.html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n', now);
    }
    for (const m of c.mounts) {
      try {
        putDir(root, m.mountPath.replace(/^\/var\/run\//, '/run/'), now);
      } catch {
        /* a path through a symlink or file: the mount still shows */
      }
    }
    const env: Record<string, string> = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: hostname,
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      HOME: '/root',
    };
    for (const e of c.spec.env ?? []) {
      if (e.value !== undefined) env[e.name] = e.value;
      else if (e.valueFrom) {
        const v = this.resolveEnv?.(pod, e.valueFrom as EnvSource);
        if (v !== undefined) env[e.name] = v;
      }
    }
    const proc = linux.spawn(rec.host.init, {
      argv: c.behaviour.argv.length ? c.behaviour.argv : ['sh'],
      unshare: ['mnt', 'pid'],
      namespaces: { net: rec.netns, uts: rec.pause.ns.uts, ipc: rec.pause.ns.ipc },
      tty: null,
      cwd: '/',
      env,
      uid: 0,
      gid: 0,
      user: 'root',
    });
    const table = proc.ns.mnt.mounts;
    table.umount('/');
    table.mount({ target: '/', root, fstype: 'overlay', source: 'overlay', options: 'rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/1/fs', readOnly: false });
    linux.mountStandard(table, proc.ns.pid, now);
    for (const m of c.mounts) {
      table.mount({ target: m.mountPath, root: m.root, fstype: m.fstype, source: m.source, options: m.readOnly ? 'ro,relatime' : 'rw,relatime', readOnly: m.readOnly });
    }
    for (const l of c.listeners ?? []) l.pid = proc.pid;
    c.proc = proc;
    c.root = root;
    return c;
  }

  private writeIdentityFiles(root: MemDir, pod: Pod, podIP: string, now: number): void {
    const ns = pod.metadata.namespace ?? 'default';
    const d = this.clusterDomain;
    put(root, '/etc/resolv.conf', `search ${ns}.svc.${d} svc.${d} ${d}\nnameserver ${this.dnsIP}\noptions ndots:5\n`, now);
    const name = String(pod.metadata.name);
    const hostname = pod.spec.hostname ?? name;
    const fqdn = pod.spec.subdomain ? `${hostname}.${pod.spec.subdomain}.${ns}.svc.${d}\t${hostname}` : hostname;
    put(
      root,
      '/etc/hosts',
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${podIP}\t${fqdn}\n`,
      now,
    );
    put(root, '/etc/hostname', `${hostname}\n`, now);
  }

  /**
   * nginx's answer, read through the container's own mount namespace (as docker's nginx does), so
   * a volume mounted on /usr/share/nginx/html serves what was written into it.
   */
  private serve(proc: Process, image: ImageInfo, request: string): string {
    const path = request.split(' ')[1] ?? '/';
    if (!image.ref.includes('nginx')) return 'HTTP/1.1 200 OK\r\n\r\nok\n';
    const docRoot = '/usr/share/nginx/html';
    const file = path.endsWith('/') ? `${docRoot}${path}index.html` : `${docRoot}${path}`;
    let body: string | undefined;
    try {
      body = proc.fs.readFile(file);
    } catch {
      body = undefined;
    }
    if (body === undefined && path.endsWith('/') && isDir(proc, `${docRoot}${path}`)) {
      // A directory without index.html (an empty volume): autoindex is off, so nginx forbids it.
      return 'HTTP/1.1 403 Forbidden\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
    }
    if (body === undefined) {
      return 'HTTP/1.1 404 Not Found\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
    }
    return `HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  }

  stopContainer(pod: Pod, name: string, exitCode: number): void {
    const rec = this.pods.get(String(pod.metadata.uid));
    const c = rec?.containers.get(name);
    if (!rec || !c) return;
    for (const close of c.closers) close();
    if (c.proc) this.world.linux.exit(c.proc, exitCode);
    rec.containers.delete(name);
  }

  stopPodSandbox(pod: Pod): void {
    const uid = String(pod.metadata.uid);
    const rec = this.pods.get(uid);
    if (!rec) return;
    for (const name of [...rec.containers.keys()]) this.stopContainer(pod, name, 137);
    this.world.linux.exit(rec.pause, 0);
    if (rec.vethHost) {
      const link = rec.host.initial.net.stack.links.get(rec.vethHost);
      if (link) {
        try {
          this.world.linux.net.deleteLink(link);
        } catch {
          /* already gone */
        }
      }
      const stack = rec.host.initial.net.stack;
      const ip = ipToInt(rec.podIP);
      for (let i = stack.routes.length - 1; i >= 0; i--) if (stack.routes[i].dst === ip && stack.routes[i].prefix === 32) stack.routes.splice(i, 1);
    }
    this.pods.delete(uid);
  }

  exec(pod: Pod, name: string, argv: string[]): { code: number; output: string } {
    const rec = this.pods.get(String(pod.metadata.uid));
    const found = rec?.containers.get(name);
    if (!rec || !found) return { code: 126, output: 'container not running' };
    const c = this.materialize(rec, found);
    const cmd = argv[0]?.split('/').pop() ?? '';
    const script = argv.join(' ');
    const file = (p: string) => {
      try {
        return c.proc!.fs.exists(p);
      } catch {
        return false;
      }
    };
    if (cmd === 'true') return { code: 0, output: '' };
    if (cmd === 'false') return { code: 1, output: '' };
    if (cmd === 'cat' || cmd === 'ls' || cmd === 'stat') {
      for (const p of argv.slice(1).filter((a) => !a.startsWith('-'))) {
        if (!file(p)) return { code: 1, output: `${cmd}: can't open '${p}': No such file or directory` };
      }
      return { code: 0, output: '' };
    }
    const test = script.match(/test\s+-[efd]\s+(\S+)|\[\s+-[efd]\s+(\S+)\s+\]/);
    if (test) return file(test[1] ?? test[2]) ? { code: 0, output: '' } : { code: 1, output: '' };
    const catIn = script.match(/cat\s+(\/\S+)/);
    if (catIn) return file(catIn[1]) ? { code: 0, output: '' } : { code: 1, output: `cat: can't open '${catIn[1]}': No such file or directory` };
    return { code: 0, output: '' };
  }

  applyFileOp(pod: Pod, name: string, op: 'touch' | 'rm' | 'write' | 'append', path: string, text = ''): void {
    const proc = this.processOf(pod, name);
    if (!proc) return;
    try {
      if (op === 'touch') proc.fs.touch(path);
      else if (op === 'rm') proc.fs.rm(path, { force: true });
      else if (op === 'write') proc.fs.writeFile(path, text);
      else proc.fs.appendFile(path, text);
    } catch {
      /* the script's command fails, as sh would report; the container goes on */
    }
  }

  httpGet(pod: Pod, port: number, path: string): HttpResult {
    const rec = this.pods.get(String(pod.metadata.uid));
    if (!rec) return { error: `dial tcp ${pod.status?.podIP}:${port}: connect: connection refused` };
    const listener = rec.netns.stack.listeners.find((l) => l.proto === 'tcp' && l.port === port);
    if (!listener) return { error: `dial tcp ${rec.podIP}:${port}: connect: connection refused` };
    const response = listener.handle(`GET ${path} HTTP/1.1`) ?? '';
    const status = Number(response.split(' ')[1]);
    return { status: Number.isFinite(status) ? status : 200 };
  }

  tcp(pod: Pod, port: number): boolean {
    const rec = this.pods.get(String(pod.metadata.uid));
    return !!rec && rec.netns.stack.listeners.some((l) => l.proto === 'tcp' && l.port === port);
  }

  processOf(pod: Pod, name: string): Process | undefined {
    const rec = this.pods.get(String(pod.metadata.uid));
    const c = rec?.containers.get(name);
    return rec && c ? this.materialize(rec, c).proc : undefined;
  }

  execProcess(pod: Pod, name: string, argv: string[], tty: boolean): Process | undefined {
    const rec = this.pods.get(String(pod.metadata.uid));
    const main = this.processOf(pod, name);
    if (!rec || !main || main.exited) return undefined;
    // The images the cluster runs set no WorkingDir, so the exec starts in `/` whatever the
    // main process did; its environment is the container's (spec env + image defaults).
    // Its parent is outside the container (containerd-shim's side), so PPID 0 inside, as runc exec.
    return this.world.linux.spawn(rec.host.init, {
      argv,
      namespaces: { ...main.ns },
      cwd: '/',
      env: { ...main.env },
      uid: 0,
      gid: 0,
      user: 'root',
      tty: tty ? 'pts/0' : null,
    });
  }

  execEnded(proc: Process, code: number): void {
    if (!proc.exited) this.world.linux.exit(proc, code);
  }
}

function isDir(proc: Process, path: string): boolean {
  try {
    return proc.fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}
