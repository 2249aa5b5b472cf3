/**
 * `docker exec` starts exactly one process in the container, the program itself (runc exec
 * execve()s it; moby daemon/exec.go): `ps` inside shows PID 1 (the container's command) and the
 * exec'd `ps`; with `sh -c 'ps; echo $$'` it shows PID 1, the one `sh -c …` and `ps` (its
 * child), and `$$` is that sh's PID. BusyBox ps layout: PID USER TIME COMMAND (procps/ps.c).
 * A missing -w directory is runc's chdir error, exit 126 (as quoted in openwrt/docker#127).
 */
import { describe, expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

const HEAD = 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 600\n';

describe('docker exec runs one process', () => {
  for (const image of ['alpine', 'busybox']) {
    test(`ps and sh -c in ${image}`, async () => {
      const sh = await dockerShell();
      await sh.run(`docker pull ${image}`);
      await sh.run(`docker run -d --name box ${image} sleep 600`);
      expect(await sh.run('docker exec box ps')).toEqual({ stdout: `${HEAD}    2 root      0:00 ps\n`, stderr: '', status: 0 });
      expect(await sh.run(`docker exec box sh -c 'ps; echo $$'`)).toEqual({
        stdout: `${HEAD}    3 root      0:00 sh -c ps; echo $$\n    4 root      0:00 ps\n3\n`,
        stderr: '',
        status: 0,
      });
    });
  }

  test('-e and -w are set on the exec process itself, no wrapper shell', async () => {
    const sh = await dockerShell();
    await sh.run('docker pull alpine');
    await sh.run('docker run -d --name box alpine sleep 600');
    expect(await sh.run(`docker exec -e A=1 -w /tmp box sh -c 'ps; echo $A; pwd'`)).toEqual({
      stdout: `${HEAD}    2 root      0:00 sh -c ps; echo $A; pwd\n    3 root      0:00 ps\n1\n/tmp\n`,
      stderr: '',
      status: 0,
    });
    expect(await sh.run('docker exec -w /nope box pwd')).toEqual({
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown\n',
      status: 126,
    });
  });
});
