/**
 * The programs each catalogue image really ships, by path (what `ls /usr/sbin` and `which` see).
 *
 * Sources:
 * - Debian slim images (nginx, redis, postgres, httpd, debian): the `debian:bookworm-slim` root is
 *   Debian's Priority: required packages plus apt, with their dependencies (debuerreotype's
 *   minbase). Lists taken from `dpkg -L` of exactly those packages on a Debian 12 machine, /bin and
 *   /sbin folded into /usr (merged /usr), plus the alternatives links (awk, nawk → mawk; which →
 *   which.debianutils; rmt → rmt-tar). No procps, iproute2 or iputils: no ps, ip or ping.
 * - nginx (1.29.0 FROM debian:bookworm-slim): nginxinc/docker-nginx mainline/debian/Dockerfile installs nginx (/usr/sbin/nginx,
 *   nginx-debug), gettext-base (envsubst…), curl and ca-certificates (with openssl), and copies
 *   /docker-entrypoint.sh.
 * - redis, postgres, httpd (8.0.2, 17.5, 2.4.63, all FROM debian:bookworm-slim: image-catalogue.ts):
 *   their Dockerfiles (binaries under /usr/local/bin, /usr/lib/postgresql/17/bin,
 *   /usr/local/apache2/bin; docker-entrypoint.sh). postgres installs gosu (GOSU_VERSION=1.17);
 *   redis 8.0 has none (its entrypoint drops privileges with util-linux's setpriv).
 * - ubuntu: only Debian's Essential set (also Essential in Ubuntu), not the whole Ubuntu base.
 * - busybox: every applet a link in /bin; alpine: BusyBox applets in each applet's own directory
 *   (include/applets: ip, ifconfig, route, arp in /sbin; which, wget, nslookup, nc in /usr/bin)
 *   plus apk-tools and musl-utils. Only the applets lessons use are listed.
 */

/** /usr/bin of debian:bookworm-slim. */
const SLIM_BIN =
  '[ addpart apt apt-cache apt-cdrom apt-config apt-get apt-key apt-mark arch awk b2sum base32 ' +
  'base64 basename basenc bash bashbug captoinfo cat chage chattr chcon chfn chgrp chmod choom ' +
  'chown chrt chsh cksum clear clear_console cmp comm cp csplit cut dash date dd deb-systemd-helper ' +
  'deb-systemd-invoke debconf debconf-apt-progress debconf-communicate debconf-copydb ' +
  'debconf-escape debconf-set-selections debconf-show delpart df diff diff3 dir dircolors dirname ' +
  'dmesg dnsdomainname domainname dpkg dpkg-deb dpkg-divert dpkg-maintscript-helper dpkg-query ' +
  'dpkg-realpath dpkg-split dpkg-statoverride dpkg-trigger du echo egrep env expand expiry expr ' +
  'factor faillog fallocate false fgrep fincore find findmnt flock fmt fold getconf getent getopt ' +
  'gpasswd gpgv grep groups gunzip gzexe gzip hardlink head hostid hostname i386 iconv id infocmp ' +
  'infotocap install ionice ipcmk ipcrm ipcs ischroot join last lastb lastlog ld.so ldd link ' +
  'linux32 linux64 ln locale localedef logger login logname ls lsattr lsblk lscpu lsfd lsipc lsirq ' +
  'lslocks lslogins lsmem lsns mawk mcookie md5sum md5sum.textutils mesg mkdir mkfifo mknod mktemp ' +
  'more mount mountpoint mv namei nawk newgrp nice nisdomainname nl nohup nproc nsenter numfmt od ' +
  'partx passwd paste pathchk perl perl5.36.0 pidof pinky pldd pr printenv printf prlimit ptx pwd ' +
  'rbash readlink realpath rename.ul renice reset resizepart rev rgrep rm rmdir run-parts runcon ' +
  'savelog script scriptlive scriptreplay sdiff sed select-editor sensible-browser sensible-editor ' +
  'sensible-pager seq setarch setpriv setsid setterm sg sh sha1sum sha224sum sha256sum sha384sum ' +
  'sha512sum shred shuf sleep sort split stat stdbuf stty su sum sync tabs tac tail tar taskset tee ' +
  'tempfile test tic timeout toe touch tput tr true truncate tset tsort tty tzselect uclampset ' +
  'umount uname uncompress unexpand uniq unlink unshare update-alternatives users utmpdump vdir ' +
  'wall wc wdctl whereis which which.debianutils who whoami x86_64 xargs yes ypdomainname zcat zcmp ' +
  'zdiff zdump zegrep zfgrep zforce zgrep zless zmore znew';

/** /usr/sbin of debian:bookworm-slim. */
const SLIM_SBIN =
  'add-shell addgroup adduser agetty badblocks blkdiscard blkid blkzone blockdev chcpu chgpasswd ' +
  'chmem chpasswd chroot cpgr cppw ctrlaltdel debugfs delgroup deluser dpkg-fsys-usrunmess ' +
  'dpkg-preconfigure dpkg-reconfigure dumpe2fs e2freefrag e2fsck e2image e2label e2mmpstatus ' +
  'e2scrub e2scrub_all e2undo e4crypt e4defrag faillock filefrag findfs fsck fsck.cramfs fsck.ext2 ' +
  'fsck.ext3 fsck.ext4 fsck.minix fsfreeze fstab-decode fstrim getty groupadd groupdel groupmems ' +
  'groupmod grpck grpconv grpunconv hwclock iconvconfig installkernel invoke-rc.d isosize killall5 ' +
  'ldattach ldconfig logsave losetup mke2fs mkfs mkfs.bfs mkfs.cramfs mkfs.ext2 mkfs.ext3 mkfs.ext4 ' +
  'mkfs.minix mkhomedir_helper mklost+found mkswap newusers nologin pam-auth-update pam_getenv ' +
  'pam_namespace_helper pam_timestamp_check pivot_root pwck pwconv pwhistory_helper pwunconv ' +
  'readprofile remove-shell resize2fs rmt rmt-tar rtcwake runuser service shadowconfig ' +
  'start-stop-daemon sulogin swaplabel swapoff swapon switch_root tarcat tune2fs unix_chkpwd ' +
  'unix_update update-passwd update-rc.d update-shells useradd userdel usermod vigr vipw wipefs zic ' +
  'zramctl';

/** /usr/bin of Debian's Essential packages (bash … util-linux, mount, passwd) with which. */
const ESSENTIAL_BIN =
  '[ addpart arch b2sum base32 base64 basename basenc bash bashbug captoinfo cat chage chcon chfn ' +
  'chgrp chmod choom chown chrt chsh cksum clear clear_console cmp comm cp csplit cut dash date dd ' +
  'delpart df diff diff3 dir dircolors dirname dmesg dnsdomainname domainname du echo egrep env ' +
  'expand expiry expr factor faillog fallocate false fgrep find findmnt flock fmt fold getopt ' +
  'gpasswd grep groups gunzip gzexe gzip hardlink head hostid hostname i386 id infocmp infotocap ' +
  'install ionice ipcmk ipcrm ipcs ischroot join last lastb lastlog link linux32 linux64 ln logger ' +
  'login logname ls lsblk lscpu lsipc lslocks lslogins lsmem lsns mcookie md5sum md5sum.textutils ' +
  'mesg mkdir mkfifo mknod mktemp more mount mountpoint mv namei newgrp nice nisdomainname nl nohup ' +
  'nproc nsenter numfmt od partx passwd paste pathchk perl perl5.36.0 pinky pr printenv printf ' +
  'prlimit ptx pwd rbash readlink realpath rename.ul renice reset resizepart rev rgrep rm rmdir ' +
  'run-parts runcon savelog script scriptlive scriptreplay sdiff sed seq setarch setpriv setsid ' +
  'setterm sg sh sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat ' +
  'stdbuf stty su sum sync tabs tac tail tar taskset tee tempfile test tic timeout toe touch tput ' +
  'tr true truncate tset tsort tty uclampset umount uname uncompress unexpand uniq unlink unshare ' +
  'users utmpdump vdir wall wc wdctl whereis which which.debianutils who whoami x86_64 xargs yes ' +
  'ypdomainname zcat zcmp zdiff zegrep zfgrep zforce zgrep zless zmore znew';

/** /usr/sbin of Debian's Essential packages. */
const ESSENTIAL_SBIN =
  'add-shell agetty blkdiscard blkid blkzone blockdev chcpu chgpasswd chmem chpasswd chroot cpgr ' +
  'cppw ctrlaltdel findfs fsck fsck.cramfs fsck.minix fsfreeze fstrim getty groupadd groupdel ' +
  'groupmems groupmod grpck grpconv grpunconv installkernel isosize ldattach losetup mkfs mkfs.bfs ' +
  'mkfs.cramfs mkfs.minix mkswap newusers nologin pivot_root pwck pwconv pwunconv readprofile ' +
  'remove-shell rmt-tar rtcwake runuser shadowconfig sulogin swaplabel swapoff swapon switch_root ' +
  'tarcat update-shells useradd userdel usermod vigr vipw wipefs zramctl';

function under(dir: string, names: string): string[] {
  return names.split(' ').filter(Boolean).map((n) => `${dir}/${n}`);
}

const DEBIAN_SLIM = [...under('/usr/bin', SLIM_BIN), ...under('/usr/sbin', SLIM_SBIN)];

/** BusyBox applets lessons use, by the directory BusyBox installs each into (include/applets). */
const APPLET_DIRS: Readonly<Record<string, string>> = {
  '/bin': 'ash sh cat chmod chown cp date df echo egrep false fgrep grep hostname kill ln ls mkdir mount mv netstat ping ping6 ps pwd rm sed sleep stat touch true uname vi',
  '/sbin': 'arp ifconfig ip route',
  '/usr/bin': 'awk cut du env expr free head id nc nslookup sort tail top tr traceroute wc wget which whoami',
};

/** All applets (busybox image: every one in /bin). */
const APPLETS = Object.values(APPLET_DIRS).flatMap((names) => names.split(' '));

/** What an image's root holds: BusyBox applet links, or program files by path. */
export interface ImagePrograms {
  /** Paths that are links to /bin/busybox. */
  readonly applets: readonly string[];
  /** Paths of executables (scripts and binaries). */
  readonly files: readonly string[];
  /** Symbolic links (path → target): Debian's alternatives and /bin/sh → dash. */
  readonly links?: Readonly<Record<string, string>>;
}

/** Debian's links: `sh` is dash; update-alternatives' awk, nawk, which and rmt (as `ls -l` shows). */
const DEBIAN_LINKS: Readonly<Record<string, string>> = {
  '/usr/bin/sh': 'dash',
  '/usr/bin/rbash': 'bash',
  '/usr/bin/awk': '/etc/alternatives/awk', '/etc/alternatives/awk': '/usr/bin/mawk',
  '/usr/bin/nawk': '/etc/alternatives/nawk', '/etc/alternatives/nawk': '/usr/bin/mawk',
  '/usr/bin/which': '/etc/alternatives/which', '/etc/alternatives/which': '/usr/bin/which.debianutils',
  '/usr/sbin/rmt': '/etc/alternatives/rmt', '/etc/alternatives/rmt': '/usr/sbin/rmt-tar',
};

/**
 * Links an image adds itself: redis's `make install` links redis-check-rdb, redis-check-aof and
 * redis-sentinel to redis-server (src/Makefile `ln -sf $(REDIS_SERVER_NAME) …`), and the 8.0.2
 * Dockerfile turns any identical copy into `ln -svfT 'redis-server'` too.
 */
const IMAGE_LINKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  redis: { '/usr/local/bin/redis-check-aof': 'redis-server', '/usr/local/bin/redis-check-rdb': 'redis-server', '/usr/local/bin/redis-sentinel': 'redis-server' },
};

/** Debian-based images: their files and links (Debian's, plus `own` links of the image). */
function debian(paths: readonly string[], own: Readonly<Record<string, string>> = {}): ImagePrograms {
  const links = { ...Object.fromEntries(Object.entries(DEBIAN_LINKS).filter(([path]) => path.startsWith('/etc/') || paths.includes(path))), ...own };
  return { applets: [], files: paths.filter((p) => !Object.hasOwn(links, p)), links };
}

const EXTRA: Readonly<Record<string, readonly string[]>> = {
  nginx: [
    '/docker-entrypoint.sh', '/usr/sbin/nginx', '/usr/sbin/nginx-debug', '/usr/bin/curl', '/usr/bin/envsubst',
    '/usr/bin/gettext', '/usr/bin/gettext.sh', '/usr/bin/ngettext', '/usr/bin/openssl', '/usr/bin/c_rehash',
    '/usr/sbin/update-ca-certificates',
  ],
  redis: under('/usr/local/bin', 'docker-entrypoint.sh redis-benchmark redis-check-aof redis-check-rdb redis-cli redis-sentinel redis-server'),
  postgres: [
    ...under('/usr/local/bin', 'docker-ensure-initdb.sh docker-entrypoint.sh gosu'),
    ...under('/usr/lib/postgresql/17/bin', 'createdb createuser dropdb dropuser initdb pg_ctl pg_dump pg_dumpall pg_isready pg_restore postgres psql'),
    ...under('/usr/bin', 'createdb createuser dropdb dropuser pg_dump pg_dumpall pg_isready pg_restore psql'),
  ],
  httpd: [
    '/usr/local/bin/httpd-foreground',
    ...under('/usr/local/apache2/bin', 'ab apachectl apxs checkgid dbmmanage envvars envvars-std fcgistarter htcacheclean htdbm htdigest htpasswd httpd httxt2dbm logresolve rotatelogs'),
  ],
};

/** The Oracle Linux 9 slim base of the mysql image: the programs lessons use (not its whole base). */
const MYSQL_BASE = under('/usr/bin', 'bash sh cat echo ls hostname sleep env id uname mount grep head tail touch mkdir rm cp mv kill date true false pwd whoami df du wc sort awk sed tr cut find gzip which');

/** The programs in image `repo` (a catalogue repository). */
export function imagePrograms(repo: string): ImagePrograms {
  switch (repo) {
    case 'busybox':
      return { applets: APPLETS.map((a) => `/bin/${a}`), files: ['/bin/busybox'] };
    case 'alpine':
      return {
        applets: Object.entries(APPLET_DIRS).flatMap(([dir, names]) => under(dir, names)),
        files: ['/bin/busybox', '/sbin/apk', '/sbin/ldconfig', '/usr/bin/getconf', '/usr/bin/getent', '/usr/bin/iconv', '/usr/bin/ldd', '/usr/bin/scanelf', '/usr/bin/ssl_client'],
      };
    case 'ubuntu':
      return debian([...under('/usr/bin', ESSENTIAL_BIN), ...under('/usr/sbin', ESSENTIAL_SBIN)]);
    case 'mysql':
      return { applets: [], files: [...MYSQL_BASE, '/usr/sbin/mysqld', ...under('/usr/bin', 'mysql mysqladmin mysqldump mysqlsh'), ...under('/usr/local/bin', 'docker-entrypoint.sh gosu')] };
    default:
      return debian([...DEBIAN_SLIM, ...(EXTRA[repo] ?? [])], IMAGE_LINKS[repo]);
  }
}

/** The names on an image's PATH (the last part of each program path), sorted, without repeats. */
export function programNames(programs: ImagePrograms): string[] {
  const onPath = [...programs.applets, ...programs.files, ...Object.keys(programs.links ?? {}).filter((p) => !p.startsWith('/etc/'))];
  return [...new Set(onPath.map((p) => p.slice(p.lastIndexOf('/') + 1)))].sort();
}
