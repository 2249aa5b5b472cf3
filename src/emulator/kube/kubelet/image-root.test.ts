import { describe, expect, it } from 'vitest';
import { busyBoxVersion, containerRootFs } from './image-root.ts';
import { MemDir, MemLink, type MemFile } from '../../linux/fs/nodes.ts';

/** Path listing of a root: `path -> target` for links, `path` for files, directories recursed. */
function listing(dir: MemDir, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, node] of [...dir.entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const p = `${prefix}/${name}`;
    if (node instanceof MemDir) out.push(...listing(node, p));
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
    const bin = root.get('bin') as MemDir;
    expect((bin.get('busybox') as MemFile).content).toBe('\x7fELF\x02\x01\x01BusyBox v1.28.4');
  });

  it('maps busybox tags to releases and leaves other images without a version', () => {
    expect([busyBoxVersion('busybox', '1.28'), busyBoxVersion('busybox', '1.36.1-musl'), busyBoxVersion('busybox', 'latest'), busyBoxVersion('alpine', '3.20')]).toEqual(['1.28.4', '1.36.1', undefined, undefined]);
  });

  it('keeps the Debian root for non-BusyBox images and adds the catalogue files', () => {
    const root = containerRootFs('docker.io/library/nginx:1.27', 'web-0', '10.96.0.10', 0);
    const files = listing(root);
    expect(files.includes('/usr/share/nginx/html/index.html')).toBe(true);
    expect(files.some((f) => f.startsWith('/bin/nslookup'))).toBe(false);
  });
});
