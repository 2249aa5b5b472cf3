/**
 * A pod container's root file system, taken from the image catalogue Docker uses
 * (`src/emulator/docker/image-catalogue.ts`): BusyBox images (busybox, alpine) get /bin/busybox
 * with one link per applet, so `nslookup` in a `busybox:1.28` pod is BusyBox 1.28's; other images
 * get the Debian root the kubelet always built, with the catalogue's files (nginx's html).
 */
import { IMAGE_CATALOGUE, type ImageSpec } from '../../docker/image-catalogue.ts';
import { MemDir, MemLink } from '../../linux/fs/nodes.ts';
import { put, putDir, seedDebianRoot } from '../../linux/fs/seed.ts';

/** BusyBox releases behind the image tags lessons use (busybox:1.28 is the Kubernetes tutorials'). */
const BUSYBOX_PATCH: Readonly<Record<string, string>> = { '1.28': '1.28.4', '1.36': '1.36.1', '1.37': '1.37.0' };

/** `docker.io/library/busybox:1.28` → the catalogue entry and tag; undefined for other registries. */
function catalogueEntry(ref: string): { spec: ImageSpec; tag: string } | undefined {
  const m = /^docker\.io\/library\/([^:@]+)(?::([^@]+))?/.exec(ref) ?? /^registry\.k8s\.io\/(busybox)(?::([^@]+))?/.exec(ref);
  if (!m) return undefined;
  const spec = IMAGE_CATALOGUE[m[1]] as ImageSpec | undefined;
  return spec ? { spec, tag: m[2] ?? 'latest' } : undefined;
}

/** The BusyBox version string for a busybox image tag ("1.28" → "1.28.4"), or undefined. */
export function busyBoxVersion(repo: string, tag: string): string | undefined {
  if (repo !== 'busybox') return undefined;
  const t = tag.replace(/-.*$/, '');
  if (/^1\.\d+\.\d+$/.test(t)) return t;
  return BUSYBOX_PATCH[t];
}

/**
 * Builds the root of a container of image `ref` (normalized, e.g. `docker.io/library/busybox:1.28`).
 * `nameserver` goes into the Debian root's resolv.conf (the kubelet overwrites it per pod).
 */
export function containerRootFs(ref: string, hostname: string, nameserver: string, now: number): MemDir {
  const entry = catalogueEntry(ref);
  if (!entry || entry.spec.userland !== 'busybox') {
    const root = seedDebianRoot({ hostname, now, nameserver });
    for (const [path, content] of Object.entries(entry?.spec.files ?? {})) put(root, path, content, now);
    return root;
  }
  const { spec, tag } = entry;
  const root = new MemDir(now);
  for (const d of ['bin', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr/bin', 'usr/sbin', 'usr/local/bin', 'var/log', 'var/lib', 'dev']) putDir(root, d, now);
  put(root, '/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n', now);
  const version = busyBoxVersion(spec.repo, tag);
  put(root, '/bin/busybox', `\x7fELF\x02\x01\x01${version ? `BusyBox v${version}` : ''}`, now, 0o755);
  const bin = putDir(root, 'bin', now);
  for (const t of spec.tools) if (t !== 'busybox') bin.set(t, new MemLink(now, '/bin/busybox'));
  for (const [path, content] of Object.entries(spec.files)) put(root, path, content, now);
  return root;
}
