/**
 * Image layers shared by every container of an image, and the copy-on-write view each container
 * writes into — as overlayfs does for Docker and containerd. A layer (the image's whole tree, built
 * once per image and never handed out) is the lower directory; `OverlayDir` is a container's root:
 * it copies a node up the first time the container looks it up, so writes, deletes and chmods stay
 * in the container, and a thousand containers of one image cost one tree plus what each touches.
 */
import { MemDir, MemFile, MemLink, type Inode } from '../linux/fs/nodes.ts';
import { ALTERNATIVE_LINKS, PROGRAM_PATHS, put, putDir, seedDebianRoot } from '../linux/fs/seed.ts';
import type { ImageSpec } from './image-catalogue.ts';
import { imagePrograms } from './image-programs.ts';

/**
 * A container's writable view of a shared lower directory. Children of the lower tree are copied
 * up on lookup (directories as overlay views of their own, files and links as copies stamped with
 * the container's creation time); names deleted here hide the lower entry.
 */
export class OverlayDir extends MemDir {
  private readonly lower: MemDir;
  private readonly hidden = new Set<string>();
  private readonly stamp: number;

  constructor(lower: MemDir, now: number) {
    super(now, lower.mode);
    this.lower = lower;
    this.stamp = now;
  }
  override get(name: string): Inode | undefined {
    const up = this.entries.get(name);
    if (up || this.hidden.has(name)) return up;
    const low = this.lower.entries.get(name);
    if (!low) return undefined;
    const copy = copyUp(low, this.stamp);
    this.entries.set(name, copy);
    return copy;
  }
  override names(): string[] {
    const out = [...this.entries.keys()];
    for (const name of this.lower.entries.keys()) if (!this.entries.has(name) && !this.hidden.has(name)) out.push(name);
    return out;
  }
  override set(name: string, node: Inode): void {
    this.hidden.delete(name);
    this.entries.set(name, node);
  }
  override delete(name: string): void {
    this.entries.delete(name);
    if (this.lower.entries.has(name)) this.hidden.add(name);
  }
}

function copyUp(node: Inode, now: number): Inode {
  if (node instanceof MemDir) return new OverlayDir(node, now);
  if (node instanceof MemFile) return new MemFile(now, node.content, node.mode);
  if (node instanceof MemLink) return new MemLink(now, node.target());
  return node;
}

const OS_RELEASE: Readonly<Record<string, string>> = {
  alpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.0\nPRETTY_NAME="Alpine Linux v3.22"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  ubuntu: 'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.3 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n',
  // base-files 12.4+deb12u11 (Debian 12.11, the base of every Debian-based catalogue image: see
  // image-catalogue.ts): bookworm's os-release has no DEBIAN_VERSION_FULL (trixie's added it)
  bookworm: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  oracle: 'NAME="Oracle Linux Server"\nVERSION="9.6"\nID="ol"\nID_LIKE="fedora"\nVERSION_ID="9.6"\nPRETTY_NAME="Oracle Linux Server 9.6"\n',
};

function distroOf(repo: string): string | undefined {
  if (repo === 'alpine' || repo === 'ubuntu') return repo;
  if (repo === 'busybox') return undefined;
  if (repo === 'mysql') return 'oracle';
  // debian, nginx, redis, postgres, httpd: the bookworm releases of early July 2025 (image-catalogue.ts)
  return 'bookworm';
}

const ELF = '\x7fELF\x02\x01\x01';

/**
 * The BusyBox of the `latest` tags (mid-2025, as the rest of the catalogue): alpine:latest was
 * 3.22.0 (alpine-minirootfs-3.22.0, 30 May 2025; 8.31MB), whose busybox package is 1.37.0, and
 * busybox:latest was 1.37.0. Other busybox tags pass their own version to `imageRoot`.
 */
const LATEST_BUSYBOX: Readonly<Record<string, string>> = { alpine: '1.37.0', busybox: '1.37.0' };

/** /etc/alpine-release of the alpine image (matches VERSION_ID in its os-release). */
const ALPINE_RELEASE = '3.22.0';
const BUSYBOX_DIRS = ['bin', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr/bin', 'usr/sbin', 'usr/local/bin', 'var/log', 'var/lib', 'dev'];

/** Builds the tree of an image (never given to a container: see `imageRoot`). */
function buildLayer(spec: ImageSpec, busyboxVersion: string | undefined): MemDir {
  const programs = imagePrograms(spec.repo);
  let root: MemDir;
  if (spec.userland === 'busybox') {
    root = new MemDir(0);
    for (const d of BUSYBOX_DIRS) putDir(root, d, 0);
    put(root, '/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n', 0);
  } else {
    // Debian's tree (merged /usr, /etc, root's .bashrc) without the lab host's programs.
    root = seedDebianRoot({ hostname: '', now: 0 });
    // (the host's alternatives links too: each image brings its own, e.g. awk → mawk in Debian's)
    for (const path of [...Object.values(PROGRAM_PATHS), ...Object.keys(ALTERNATIVE_LINKS)]) (putDir(root, path.slice(0, path.lastIndexOf('/')), 0)).delete(path.slice(path.lastIndexOf('/') + 1));
    for (const f of ['hostname', 'hosts', 'debian_version']) putDir(root, 'etc', 0).delete(f);
  }
  const distro = distroOf(spec.repo);
  if (distro) put(root, '/etc/os-release', OS_RELEASE[distro], 0);
  if (distro === 'bookworm') put(root, '/etc/debian_version', '12.11\n', 0);
  if (spec.repo === 'alpine') put(root, '/etc/alpine-release', `${ALPINE_RELEASE}\n`, 0);
  const busybox = busyboxVersion ?? LATEST_BUSYBOX[spec.repo];
  for (const path of programs.files) put(root, path, path === '/bin/busybox' && busybox ? `${ELF}BusyBox v${busybox}` : ELF, 0, 0o755);
  for (const path of programs.applets) {
    const slash = path.lastIndexOf('/');
    putDir(root, path.slice(0, slash), 0).set(path.slice(slash + 1), new MemLink(0, '/bin/busybox'));
  }
  for (const [path, target] of Object.entries(programs.links ?? {})) {
    const slash = path.lastIndexOf('/');
    putDir(root, path.slice(0, slash), 0).set(path.slice(slash + 1), new MemLink(0, target));
  }
  for (const [path, content] of Object.entries(spec.files)) put(root, path, content, 0);
  return root;
}

const layers = new Map<string, MemDir>();

/**
 * A new container's root file system for image `spec` (`busyboxVersion` marks /bin/busybox of a
 * busybox tag): a copy-on-write view of the image's shared layer, built on first use.
 */
export function imageRoot(spec: ImageSpec, now: number, busyboxVersion?: string): OverlayDir {
  const key = `${spec.repo}\0${busyboxVersion ?? ''}`;
  let layer = layers.get(key);
  if (!layer) {
    layer = buildLayer(spec, busyboxVersion);
    layers.set(key, layer);
  }
  return new OverlayDir(layer, now);
}
