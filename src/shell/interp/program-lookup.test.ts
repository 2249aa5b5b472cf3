/**
 * Commands are programs found through $PATH in the process's own root, and a shell's own
 * errors use the wording of the shell the process runs.
 *
 * Sources: bash 5.2 (`bash: kubectl: command not found`, 127); BusyBox 1.36 shell/ash.c:
 * ash_vmsg prints "$0: ", shellexec `errmsg(e, "not found")` (127), openredirect
 * "can't create %s: %s" / "can't open %s: %s" where errmsg gives "nonexistent directory" /
 * "no such file" for ENOENT and strerror otherwise. `docker run -it alpine` runs `/bin/sh`,
 * so its $0 (and prefix) is `/bin/sh`.
 */
import { describe, expect, it } from 'vitest';
import { commandNames, IMAGE_ONLY_PROGRAMS } from '../commands/registry.ts';
import { testShell } from '../testing/run.ts';
import { BASH_BUILTINS } from './simple.ts';

describe('programs come from $PATH in the process root', () => {
  const sh = testShell({ environment: 'docker' });

  it('an nginx container has no kubectl, docker or ip (bash wording, the image is Debian)', async () => {
    await sh.run('docker run -d --name web nginx; docker pull alpine');
    expect(await sh.run('docker exec web sh -c "kubectl get pods; docker ps; ip addr; echo status \\$?"')).toEqual({
      stdout: 'status 127\n',
      stderr: 'bash: kubectl: command not found\nbash: docker: command not found\nbash: ip: command not found\n',
      status: 0,
    });
  });

  it('alpine has BusyBox ip but no kubectl (ash wording)', async () => {
    expect(await sh.run('docker run --rm alpine sh -c "kubectl get pods; echo status \\$?; type ls"')).toEqual({
      stdout: 'status 127\nls is /bin/ls\n',
      stderr: 'sh: kubectl: not found\n',
      status: 0,
    });
  });

  it('prints ash redirection errors in alpine', async () => {
    await sh.run('mkdir -p /srv/data');
    expect(await sh.run('docker run --rm -v /srv/data:/data:ro alpine sh -c "echo hi > /data/y; echo x > /nope/y; cat < /nofile; echo end"')).toEqual({
      stdout: 'end\n',
      stderr: "sh: can't create /data/y: Read-only file system\nsh: can't create /nope/y: nonexistent directory\nsh: can't open /nofile: no such file\n",
      status: 0,
    });
  });

  it('an interactive alpine shell is /bin/sh', async () => {
    const { transcript } = await sh.script('docker run -it --rm alpine\nkubectl\n/usr/bin/kubectl\nexit\n');
    expect(transcript).toBe('$ docker run -it --rm alpine\n$ kubectl\n/bin/sh: kubectl: not found\n$ /usr/bin/kubectl\n/bin/sh: /usr/bin/kubectl: not found\n$ exit\n');
  });

  it('keeps bash wording on the host, and a removed program is gone', async () => {
    expect(await sh.run('rm /usr/local/bin/kubectl; kubectl; type kubectl; PATH=/nowhere ls')).toEqual({
      stdout: '',
      stderr: 'bash: kubectl: command not found\nbash: type: kubectl: not found\nbash: ls: command not found\n',
      status: 127,
    });
  });
});

describe("the learner's host", () => {
  it('has every registered program in $PATH', async () => {
    const sh = testShell();
    // programs of container images only (nginx, postgres) are not on the lab host
    const programs = commandNames().filter((n) => !BASH_BUILTINS.has(n) && !IMAGE_ONLY_PROGRAMS.has(n));
    const r = await sh.run(`which ${programs.join(' ')} | wc -l; for p in ${programs.join(' ')}; do type $p >/dev/null || echo missing $p; done`);
    expect(r).toEqual({ stdout: `${programs.length}\n`, stderr: '', status: 0 });
  });
});
