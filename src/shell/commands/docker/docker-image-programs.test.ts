/**
 * Each image's programs as `docker exec` sees them (whole outputs): the files in the image are
 * the image's real ones (src/emulator/docker/image-programs.ts names the sources: the
 * docker-library / nginxinc Dockerfiles and `dpkg -L` of debian:bookworm-slim's packages), a
 * program in the image that the lab does not emulate says so, and a program the image does not
 * have fails as runc does. `which` is debianutils' in Debian images and BusyBox's applet in
 * busybox/alpine: silent about missing names, status 1.
 */
import { describe, expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

/** `ls /usr/sbin` in nginx:latest: debian:bookworm-slim's /usr/sbin plus nginx, nginx-debug and ca-certificates' tool (C-locale order). */
const NGINX_SBIN = (
  'add-shell addgroup adduser agetty badblocks blkdiscard blkid blkzone blockdev chcpu chgpasswd chmem ' +
  'chpasswd chroot cpgr cppw ctrlaltdel debugfs delgroup deluser dpkg-fsys-usrunmess dpkg-preconfigure ' +
  'dpkg-reconfigure dumpe2fs e2freefrag e2fsck e2image e2label e2mmpstatus e2scrub e2scrub_all e2undo ' +
  'e4crypt e4defrag faillock filefrag findfs fsck fsck.cramfs fsck.ext2 fsck.ext3 fsck.ext4 fsck.minix ' +
  'fsfreeze fstab-decode fstrim getty groupadd groupdel groupmems groupmod grpck grpconv grpunconv ' +
  'hwclock iconvconfig installkernel invoke-rc.d isosize killall5 ldattach ldconfig logsave losetup ' +
  'mke2fs mkfs mkfs.bfs mkfs.cramfs mkfs.ext2 mkfs.ext3 mkfs.ext4 mkfs.minix mkhomedir_helper ' +
  'mklost+found mkswap newusers nginx nginx-debug nologin pam-auth-update pam_getenv ' +
  'pam_namespace_helper pam_timestamp_check pivot_root pwck pwconv pwhistory_helper pwunconv ' +
  'readprofile remove-shell resize2fs rmt rmt-tar rtcwake runuser service shadowconfig ' +
  'start-stop-daemon sulogin swaplabel swapoff swapon switch_root tarcat tune2fs unix_chkpwd ' +
  'unix_update update-ca-certificates update-passwd update-rc.d update-shells useradd userdel usermod ' +
  'vigr vipw wipefs zic zramctl'
).split(' ');

const NOT_FOUND = (name: string) => `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`;

describe('docker exec sees the programs of the image', () => {
  test('nginx: Debian slim plus nginx, curl and envsubst; no ip, ps or ping', async () => {
    const sh = await dockerShell();
    await sh.run('docker run -d --name web nginx');
    expect(await sh.run('docker exec web ls /usr/sbin')).toEqual({ stdout: `${NGINX_SBIN.join('\n')}\n`, stderr: '', status: 0 });
    expect(await sh.run('docker exec web which ip nsenter bash nginx ps ping which curl envsubst')).toEqual({
      stdout: '/usr/bin/nsenter\n/usr/bin/bash\n/usr/sbin/nginx\n/usr/bin/which\n/usr/bin/curl\n/usr/bin/envsubst\n', stderr: '', status: 1,
    });
    // debianutils' which and mawk are update-alternatives links; sh is dash.
    expect(await sh.run('docker exec web ls -l /usr/bin/which /usr/bin/awk /bin/sh /etc/alternatives')).toEqual({
      stdout: [
        'lrwxrwxrwx 1 root root  4 Nov 29 10:00 /bin/sh -> dash',
        'lrwxrwxrwx 1 root root 21 Nov 29 10:00 /usr/bin/awk -> /etc/alternatives/awk',
        'lrwxrwxrwx 1 root root 23 Nov 29 10:00 /usr/bin/which -> /etc/alternatives/which',
        '',
        '/etc/alternatives:',
        'total 0',
        'lrwxrwxrwx 1 root root 13 Nov 29 10:00 awk -> /usr/bin/mawk',
        'lrwxrwxrwx 1 root root 13 Nov 29 10:00 nawk -> /usr/bin/mawk',
        'lrwxrwxrwx 1 root root 17 Nov 29 10:00 rmt -> /usr/sbin/rmt-tar',
        'lrwxrwxrwx 1 root root 26 Nov 29 10:00 which -> /usr/bin/which.debianutils',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect(await sh.run('docker exec web ip addr')).toEqual({ stdout: '', stderr: NOT_FOUND('ip'), status: 127 });
    expect(await sh.run('docker exec web ps')).toEqual({ stdout: '', stderr: NOT_FOUND('ps'), status: 127 });
    // In the image, not emulated: said plainly.
    expect(await sh.run('docker exec web nginx -t')).toEqual({ stdout: '', stderr: "petlab: 'nginx -t' is not available in this lab\n", status: 1 });
    expect(await sh.run(`docker exec web sh -c 'perl -e 1; ls /docker-entrypoint.sh /usr/share/nginx/html'`)).toEqual({
      stdout: '/docker-entrypoint.sh\n\n/usr/share/nginx/html:\n50x.html\nindex.html\n', stderr: "petlab: 'perl -e' is not available in this lab\n", status: 0,
    });
  });

  test('debian, redis, postgres, httpd: the Debian base and their own programs', async () => {
    const sh = await dockerShell();
    await sh.run('docker run -d --name deb debian sleep 600');
    expect(await sh.run(`docker exec deb sh -c 'ls /usr/bin | wc -l; ls /usr/sbin | wc -l; which ip ps ping bash perl mount unshare lsns hostname'`)).toEqual({
      stdout: '278\n116\n/usr/bin/bash\n/usr/bin/perl\n/usr/bin/mount\n/usr/bin/unshare\n/usr/bin/lsns\n/usr/bin/hostname\n', stderr: '', status: 1,
    });
    await sh.run('docker run -d --name cache redis');
    // redis 8.0's image has no gosu (its entrypoint uses util-linux's setpriv); postgres 17.5's has
    expect(await sh.run('docker exec cache which redis-server redis-cli setpriv gosu ps')).toEqual({ stdout: '/usr/local/bin/redis-server\n/usr/local/bin/redis-cli\n/usr/bin/setpriv\n', stderr: '', status: 1 });
    await sh.run('docker run -d --name db -e POSTGRES_PASSWORD=secret postgres');
    expect(await sh.run('docker exec db which psql postgres pg_isready gosu')).toEqual({ stdout: '/usr/bin/psql\n/usr/lib/postgresql/17/bin/postgres\n/usr/bin/pg_isready\n/usr/local/bin/gosu\n', stderr: '', status: 0 });
    await sh.run('docker run -d --name site httpd');
    expect(await sh.run('docker exec site which httpd apachectl httpd-foreground')).toEqual({ stdout: '/usr/local/apache2/bin/httpd\n/usr/local/apache2/bin/apachectl\n/usr/local/bin/httpd-foreground\n', stderr: '', status: 0 });
  });

  test('alpine: BusyBox applets in their own directories, apk; busybox: every applet in /bin', async () => {
    const sh = await dockerShell();
    await sh.run('docker run -d --name al alpine sleep 600');
    expect(await sh.run('docker exec al ls /sbin')).toEqual({ stdout: 'apk\narp\nifconfig\nip\nldconfig\nroute\n', stderr: '', status: 0 });
    expect(await sh.run('docker exec al which ip ping wget nslookup which bash')).toEqual({ stdout: '/sbin/ip\n/bin/ping\n/usr/bin/wget\n/usr/bin/nslookup\n/usr/bin/which\n', stderr: '', status: 1 });
    await sh.run('docker run -d --name bb busybox sleep 600');
    expect(await sh.run('docker exec bb which ip ping nslookup which')).toEqual({ stdout: '/bin/ip\n/bin/ping\n/bin/nslookup\n/bin/which\n', stderr: '', status: 0 });
    expect(await sh.run('docker exec bb ls /usr/sbin /sbin')).toEqual({ stdout: '/sbin:\n\n/usr/sbin:\n', stderr: '', status: 0 });
  });

  test("containers of one image share its files but not each other's writes", async () => {
    const sh = await dockerShell();
    await sh.run('docker run -d --name one nginx');
    await sh.run('docker run -d --name two nginx');
    expect(await sh.run(`docker exec one sh -c 'echo one > /usr/share/nginx/html/index.html; rm /usr/bin/curl; cat /usr/share/nginx/html/index.html; which curl'`)).toEqual({ stdout: 'one\n', stderr: '', status: 1 });
    expect(await sh.run(`docker exec two sh -c 'head -4 /usr/share/nginx/html/index.html; which curl'`)).toEqual({
      stdout: '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n/usr/bin/curl\n', stderr: '', status: 0,
    });
  });
});
