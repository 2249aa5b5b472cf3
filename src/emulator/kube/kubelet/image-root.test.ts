import { describe, expect, it } from 'vitest';
import { busyBoxVersion, containerRootFs } from './image-root.ts';
import { MemLink, type DirNode, type FileNode, type MemFile } from '../../linux/fs/nodes.ts';

/** Path listing of a root: `path -> target` for links, `path` for files, directories recursed. */
function listing(dir: DirNode, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of dir.names({}).sort()) {
    const node = dir.get(name, {});
    const p = `${prefix}/${name}`;
    if (node?.kind === 'dir') out.push(...listing(node, p));
    else if (node instanceof MemLink) out.push(`${p} -> ${node.target()}`);
    else out.push(p);
  }
  return out;
}

describe('containerRootFs (pod roots from the Docker image catalogue)', () => {
  it('gives busybox:1.28 BusyBox v1.28.4 with applet links', () => {
    const root = containerRootFs('docker.io/library/busybox:1.28', 'dns-test', '10.96.0.10', 0);
    const files = listing(root);
    expect(files.filter((f) => f.startsWith('/bin/n'))).toEqual(['/bin/nc -> /bin/busybox', '/bin/netstat -> /bin/busybox', '/bin/nslookup -> /bin/busybox']);
    const bin = root.get('bin') as DirNode;
    expect((bin.get('busybox', {}) as MemFile).content).toBe('\x7fELF\x02\x01\x01BusyBox v1.28.4');
  });

  it('maps busybox tags to releases and leaves other images without a version', () => {
    expect([busyBoxVersion('busybox', '1.28'), busyBoxVersion('busybox', '1.36.1-musl'), busyBoxVersion('busybox', 'latest'), busyBoxVersion('alpine', '3.20')]).toEqual(['1.28.4', '1.36.1', undefined, undefined]);
  });

  it("gives nginx the image's programs (nginx in /usr/sbin, no ip, ps or ping) and its html", () => {
    const root = containerRootFs('docker.io/library/nginx:1.27', 'web-0', '10.96.0.10', 0);
    const files = listing(root);
    expect(files.filter((f) => /^\/usr\/sbin\/(nginx|ip)/.test(f) || /^\/usr\/bin\/(ps|ping|which|nsenter|curl)( |$)/.test(f))).toEqual([
      '/usr/bin/curl', '/usr/bin/nsenter', '/usr/bin/which -> /etc/alternatives/which', '/usr/sbin/nginx', '/usr/sbin/nginx-debug',
    ]);
    expect(files.includes('/usr/share/nginx/html/index.html')).toBe(true);
  });

  it("keeps each pod's writes in its own root while pods share the image's tree", () => {
    const a = containerRootFs('docker.io/library/nginx:latest', 'web-0', '10.96.0.10', 0);
    const b = containerRootFs('docker.io/library/nginx:latest', 'web-1', '10.96.0.10', 0);
    const html = (root: DirNode) => ((root.get('usr', {}) as DirNode).get('share', {}) as DirNode).get('nginx', {}) as DirNode;
    const page = (html(a).get('html', {}) as DirNode).get('index.html', {}) as FileNode;
    page.write('web-0\n', {});
    (html(a).get('html', {}) as DirNode).delete('50x.html');
    expect(((html(b).get('html', {}) as DirNode).get('index.html', {}) as FileNode).read({})).toContain('Welcome to nginx!');
    expect(((html(a).get('html', {}) as DirNode).get('index.html', {}) as FileNode).read({})).toBe('web-0\n');
  });

  it('keeps the Debian root for images outside the catalogue', () => {
    const files = listing(containerRootFs('registry.k8s.io/nginx-slim:0.21', 'web-0', '10.96.0.10', 0));
    expect(files.includes('/usr/bin/curl') && files.includes('/etc/hostname')).toBe(true);
  });
});
