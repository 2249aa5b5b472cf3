// Format: util-linux 2.38.1 mount listing "SOURCE on TARGET type FSTYPE (OPTIONS)".
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

describe('mount', () => {
  it('lists mounts, filters by type and mounts proc privately', async () => {
    const sh = linuxShell();
    expect((await sh.run('mount -t proc')).stdout).toBe('proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n');
    expect((await sh.run('mount')).stdout.split('\n')[0]).toBe('/dev/vda1 on / type ext4 (rw,relatime,errors=remount-ro)');
    const r = await sh.run("unshare --mount bash -c 'mkdir -p /mnt/p && mount -t proc proc /mnt/p && mount -t proc'");
    expect(r.stdout).toBe('proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\nproc on /mnt/p type proc (rw,nosuid,nodev,noexec,relatime)\n');
    expect((await sh.run('mount -t proc')).stdout).toBe('proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n');
  });

  it('bind-mounts a directory in the caller\'s mount namespace only', async () => {
    const sh = linuxShell();
    const r = await sh.run("mkdir -p /srv/data /mnt/view && echo hi > /srv/data/file && unshare --mount bash -c 'mount --bind /srv/data /mnt/view && cat /mnt/view/file && mount | tail -1'; ls /mnt/view");
    expect(r).toEqual({ stdout: 'hi\n/dev/vda1 on /mnt/view type ext4 (rw,relatime,errors=remount-ro)\n', stderr: '', status: 0 });
    expect(await sh.run('mount --bind /nope /mnt/view')).toEqual({ stdout: '', stderr: 'mount: /mnt/view: special device /nope does not exist.\n', status: 32 });
  });

  it('reports a missing mount point and unmounts', async () => {
    const sh = linuxShell();
    expect(await sh.run('mount -t tmpfs tmpfs /nope')).toEqual({
      stdout: '',
      stderr: 'mount: /nope: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n',
      status: 32,
    });
    expect(await sh.run('mkdir /data; mount -t tmpfs tmpfs /data; touch /data/x; ls /data; umount /data; ls /data')).toEqual({ stdout: 'x\n', stderr: '', status: 0 });
    expect(await sh.run('umount /data')).toEqual({ stdout: '', stderr: 'umount: /data: not mounted.\n', status: 32 });
  });
});
