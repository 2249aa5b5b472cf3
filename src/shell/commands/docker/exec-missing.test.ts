/**
 * `docker exec` of a program the container lacks (Docker Engine 28, runc 1.2): runc's
 * exec.LookPath error — `executable file not found in $PATH` for a name, the failed
 * `stat PATH: no such file or directory` for a path (Go's os/exec findExecutable; the same words
 * as the `exec: "/bin/sh": stat /bin/sh: …` pastes, e.g. truenas/charts#2968) — behind the
 * shim's `OCI runtime exec failed: ` with `: unknown` (Docker 28.3.3 runs containerd 1.7.27, whose
 * errdefs.FromGRPC appends the class; containerd 2.x's does not — see kubectl's exec-failure.ts),
 * and the daemon's exit code 127.
 */
import { expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

const refused = (prog: string, why: string) => `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": ${why}: unknown\n`;

test('docker exec of a missing name or path: runc error, exit 127', async () => {
  const sh = await dockerShell();
  await sh.run('docker run -d --name box busybox sleep 3600');
  expect(await sh.run('docker exec box nosuchprog')).toEqual({ stdout: '', stderr: refused('nosuchprog', 'executable file not found in $PATH'), status: 127 });
  expect(await sh.run('docker exec box /no/such -x')).toEqual({ stdout: '', stderr: refused('/no/such', 'stat /no/such: no such file or directory'), status: 127 });
  expect(await sh.run('docker exec box bash')).toEqual({ stdout: '', stderr: refused('bash', 'executable file not found in $PATH'), status: 127 });
});
