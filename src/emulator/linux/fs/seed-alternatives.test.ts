/**
 * Debian 12's awk is an alternatives link (mawk's postinst runs update-alternatives): on a real
 * Debian 12 host `ls -l /usr/bin/awk` shows `/usr/bin/awk -> /etc/alternatives/awk`,
 * `ls -l /etc/alternatives/awk` shows `-> /usr/bin/mawk`, and `readlink -f /usr/bin/awk` prints
 * /usr/bin/mawk. The seed's hosts and the Debian-based images (image-programs.ts) agree.
 */
import { expect, it } from 'vitest';
import { World } from '../../world.ts';

it('/usr/bin/awk is the alternatives link to mawk', () => {
  const f = new World({ seed: 1 }).linux.loginShell().fs;
  expect(f.readlink('/usr/bin/awk')).toBe('/etc/alternatives/awk');
  expect(f.readlink('/etc/alternatives/awk')).toBe('/usr/bin/mawk');
  expect(f.realpath('/bin/awk')).toBe('/usr/bin/mawk');
  expect([f.lstat('/usr/bin/awk').type, f.stat('/usr/bin/awk').type, f.lstat('/usr/bin/mawk').type]).toEqual(['symlink', 'file', 'file']);
  expect(f.stat('/usr/bin/mawk').mode & 0o777).toBe(0o755);
});
