/**
 * A pod container's root file system, from the image catalogue and shared image layers Docker uses
 * (`src/emulator/docker/image-catalogue.ts`, `image-layers.ts`): the same programs as `docker run`
 * of that image (nginx has /usr/sbin/nginx and no ip; busybox:1.28 has BusyBox v1.28.4 with applet
 * links), as a copy-on-write view of one tree per image. Images outside the catalogue
 * (registry.k8s.io/nginx-slim…) get the Debian root the kubelet always built, shared the same way.
 */
import { IMAGE_CATALOGUE, type ImageSpec } from '../../docker/image-catalogue.ts';
import { imageRoot, OverlayDir } from '../../docker/image-layers.ts';
import type { MemDir } from '../../linux/fs/nodes.ts';
import { seedDebianRoot } from '../../linux/fs/seed.ts';

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

let debian: MemDir | undefined;

/**
 * The Debian tree of images outside the catalogue, built once and shared (copy-on-write) by their
 * containers (the kubelet writes each pod's /etc/hostname, /etc/hosts and /etc/resolv.conf).
 */
function debianLayer(): MemDir {
  debian ??= seedDebianRoot({ hostname: 'localhost', now: 0 });
  return debian;
}

/**
 * Builds the root of a container of image `ref` (normalized, e.g. `docker.io/library/busybox:1.28`).
 * The hostname and nameserver are not written here: the kubelet writes /etc/hosts, /etc/hostname
 * and /etc/resolv.conf into every pod's root (the parameters stay for its call).
 */
export function containerRootFs(ref: string, _hostname: string, _nameserver: string, now: number): MemDir {
  const entry = catalogueEntry(ref);
  if (!entry) return new OverlayDir(debianLayer(), now);
  return imageRoot(entry.spec, now, busyBoxVersion(entry.spec.repo, entry.tag));
}
