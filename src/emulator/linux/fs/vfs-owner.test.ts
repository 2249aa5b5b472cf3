/** Vfs.chown: owner and group of files, through or on symbolic links. */
import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { isLinuxError } from '../errors.ts';

describe('Vfs.chown', () => {
  it('sets uid and gid, keeps one given as -1, follows a symlink unless told not to', () => {
    const fs = new World({ seed: 1 }).linux.loginShell().fs;
    fs.writeFile('/tmp/f', 'x');
    fs.symlink('f', '/tmp/l');
    fs.chown('/tmp/f', 33, 34);
    expect([fs.stat('/tmp/f').uid, fs.stat('/tmp/f').gid]).toEqual([33, 34]);
    fs.chown('/tmp/f', -1, 1);
    expect([fs.stat('/tmp/f').uid, fs.stat('/tmp/f').gid]).toEqual([33, 1]);
    fs.chown('/tmp/l', 2, -1);
    expect([fs.stat('/tmp/f').uid, fs.lstat('/tmp/l').uid]).toEqual([2, 0]);
    fs.chown('/tmp/l', 7, 7, false);
    expect([fs.stat('/tmp/f').uid, fs.lstat('/tmp/l').uid, fs.lstat('/tmp/l').gid]).toEqual([2, 7, 7]);
  });
  it('says ENOENT for a missing file or a dangling symlink it follows', () => {
    const fs = new World({ seed: 1 }).linux.loginShell().fs;
    fs.symlink('nope', '/tmp/d');
    for (const p of ['/tmp/missing', '/tmp/d']) {
      let code = 'no error';
      try {
        fs.chown(p, 1, 1);
      } catch (e) {
        if (isLinuxError(e)) code = e.code;
      }
      expect(code).toBe('ENOENT');
    }
    fs.chown('/tmp/d', 1, 1, false);
    expect(fs.lstat('/tmp/d').uid).toBe(1);
  });
});
