/**
 * The Debian 12 (bookworm) tree every host starts with: merged /usr (/bin → usr/bin), /etc files
 * as a fresh install writes them, root's home, /tmp, and empty mount points for /proc, /sys,
 * /dev and /run.
 */
import { MemDir, MemFile, MemLink } from './nodes.ts';
import type { DirNode } from './nodes.ts';

/** What differs between hosts. */
export interface SeedOptions {
  hostname: string;
  now: number;
  /** Nameserver line of /etc/resolv.conf. @default '10.0.2.3' */
  nameserver?: string;
  /** Extra /etc/hosts lines (Docker and Kubernetes write their own). */
  hostsExtra?: string;
}

export const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
www-data:x:33:
backup:x:34:
list:x:38:
irc:x:39:
users:x:100:
nogroup:x:65534:
`;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

export PS1='\\u@\\h:\\w\\$ '
umask 022
`;

const PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

/** Programs Debian 12 installs, by their real directory (for `which`, `ls /usr/bin`). */
export const PROGRAM_PATHS: Readonly<Record<string, string>> = {
  bash: '/usr/bin/bash', sh: '/usr/bin/sh', cat: '/usr/bin/cat', ls: '/usr/bin/ls', echo: '/usr/bin/echo',
  mkdir: '/usr/bin/mkdir', rm: '/usr/bin/rm', cp: '/usr/bin/cp', mv: '/usr/bin/mv', touch: '/usr/bin/touch',
  grep: '/usr/bin/grep', head: '/usr/bin/head', tail: '/usr/bin/tail', wc: '/usr/bin/wc', sort: '/usr/bin/sort',
  uniq: '/usr/bin/uniq', cut: '/usr/bin/cut', tr: '/usr/bin/tr', sed: '/usr/bin/sed', awk: '/usr/bin/awk',
  tee: '/usr/bin/tee', xargs: '/usr/bin/xargs', watch: '/usr/bin/watch', sleep: '/usr/bin/sleep', env: '/usr/bin/env',
  id: '/usr/bin/id', whoami: '/usr/bin/whoami', uname: '/usr/bin/uname', which: '/usr/bin/which', true: '/usr/bin/true',
  false: '/usr/bin/false', readlink: '/usr/bin/readlink', ps: '/usr/bin/ps', hostname: '/usr/bin/hostname',
  mount: '/usr/bin/mount', umount: '/usr/bin/umount', unshare: '/usr/bin/unshare', nsenter: '/usr/bin/nsenter',
  lsns: '/usr/bin/lsns', ping: '/usr/bin/ping', curl: '/usr/bin/curl', wget: '/usr/bin/wget', nc: '/usr/bin/nc',
  nslookup: '/usr/bin/nslookup', getent: '/usr/bin/getent', kill: '/usr/bin/kill', ip: '/usr/sbin/ip',
  clear: '/usr/bin/clear', printf: '/usr/bin/printf', pwd: '/usr/bin/pwd', stat: '/usr/bin/stat',
  base64: '/usr/bin/base64', date: '/usr/bin/date', seq: '/usr/bin/seq', yes: '/usr/bin/yes', test: '/usr/bin/test', '[': '/usr/bin/[',
  egrep: '/usr/bin/egrep', fgrep: '/usr/bin/fgrep', ln: '/usr/bin/ln', chmod: '/usr/bin/chmod', chown: '/usr/bin/chown', expr: '/usr/bin/expr',
  mawk: '/usr/bin/mawk',
};

/**
 * Debian's alternatives links among `PROGRAM_PATHS` (link → target): on Debian 12 awk is mawk
 * through update-alternatives (mawk's postinst: /usr/bin/awk → /etc/alternatives/awk →
 * /usr/bin/mawk), so `ls -l /usr/bin/awk` shows the link and `readlink -f` gives /usr/bin/mawk.
 */
export const ALTERNATIVE_LINKS: Readonly<Record<string, string>> = {
  '/usr/bin/awk': '/etc/alternatives/awk',
  '/etc/alternatives/awk': '/usr/bin/mawk',
};

/**
 * What the learner's machine has installed on top of Debian for the course: the container and
 * cluster clients, iproute2/procps/iptables tools and our own `petlab`. Only the login host gets
 * them (`installLabTools`); containers and cluster nodes keep their own programs.
 */
export const LAB_TOOL_PATHS: Readonly<Record<string, string>> = {
  bridge: '/usr/sbin/bridge', docker: '/usr/bin/docker', iptables: '/usr/sbin/iptables',
  kubectl: '/usr/local/bin/kubectl', petlab: '/usr/local/bin/petlab', ss: '/usr/bin/ss', sysctl: '/usr/sbin/sysctl',
};

/** Puts the `LAB_TOOL_PATHS` programs into `root` (a Debian root from `seedDebianRoot`). */
export function installLabTools(root: DirNode, now: number): void {
  for (const path of Object.values(LAB_TOOL_PATHS)) put(root, path, '\x7fELF\x02\x01\x01', now, 0o755);
}

/** Creates the file at `path` (directories on the way) under `root`. */
export function put(root: DirNode, path: string, content: string, now: number, mode = 0o644): void {
  const parts = path.split('/').filter((p) => p !== '');
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    let next = dir.get(part, {});
    if (!next) {
      next = new MemDir(now);
      dir.set(part, next);
    }
    if (next.kind !== 'dir') throw new Error(`seed: ${part} is not a directory`);
    dir = next;
  }
  dir.set(parts[parts.length - 1], new MemFile(now, content, mode));
}

/** Creates the directory `path` (and parents) under `root`. */
export function putDir(root: DirNode, path: string, now: number, mode = 0o755): DirNode {
  let dir = root;
  for (const part of path.split('/').filter((p) => p !== '')) {
    let next = dir.get(part, {});
    if (!next) {
      next = new MemDir(now, mode);
      dir.set(part, next);
    }
    if (next.kind !== 'dir') throw new Error(`seed: ${part} is not a directory`);
    dir = next;
  }
  return dir;
}

/** A fresh Debian 12 root file system. */
export function seedDebianRoot(options: SeedOptions): MemDir {
  const { now, hostname } = options;
  const root = new MemDir(now);
  for (const d of ['usr/bin', 'usr/sbin', 'usr/lib', 'usr/share', 'usr/local/bin', 'etc', 'var/log', 'var/lib', 'var/tmp', 'home', 'opt', 'srv', 'mnt', 'media', 'boot', 'proc', 'sys', 'dev', 'run']) putDir(root, d, now);
  putDir(root, 'root', now, 0o700);
  putDir(root, 'tmp', now, 0o1777);
  root.set('bin', new MemLink(now, 'usr/bin'));
  root.set('sbin', new MemLink(now, 'usr/sbin'));
  root.set('lib', new MemLink(now, 'usr/lib'));
  root.set('lib64', new MemLink(now, 'usr/lib64'));
  putDir(root, 'var', now).set('run', new MemLink(now, '/run'));
  put(root, '/etc/hostname', `${hostname}\n`, now);
  put(root, '/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${hostname}\n${options.hostsExtra ?? ''}\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`, now);
  put(root, '/etc/resolv.conf', `nameserver ${options.nameserver ?? '10.0.2.3'}\n`, now);
  put(root, '/etc/os-release', DEBIAN_OS_RELEASE, now);
  put(root, '/etc/debian_version', '12.8\n', now);
  put(root, '/etc/passwd', PASSWD, now);
  put(root, '/etc/group', GROUP, now);
  put(root, '/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n', now);
  put(root, '/etc/nsswitch.conf', 'passwd:         files\ngroup:          files\nhosts:          files dns\nnetworks:       files\n', now);
  put(root, '/root/.bashrc', BASHRC, now);
  put(root, '/root/.profile', PROFILE, now);
  for (const path of Object.values(PROGRAM_PATHS)) put(root, path, '\x7fELF\x02\x01\x01', now, 0o755);
  for (const [path, target] of Object.entries(ALTERNATIVE_LINKS)) {
    const slash = path.lastIndexOf('/');
    putDir(root, path.slice(0, slash), now).set(path.slice(slash + 1), new MemLink(now, target));
  }
  return root;
}
