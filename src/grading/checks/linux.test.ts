import { describe, expect, it } from 'vitest';
import { World } from '../../emulator/world.ts';
import { Linux } from '../../emulator/linux/linux.ts';
import { hostnameInUtsNamespace, procShowsOwnNamespace, shellIsPid1InNewNamespace } from './linux.ts';

function lab() {
  const linux = new Linux(new World({ seed: 1 }));
  const host = linux.createHost('petlab');
  const login = linux.spawn(host.init, { argv: ['-bash'], comm: 'bash' });
  return { linux, host, login };
}

describe('linux checks', () => {
  it('find a shell that is PID 1 of a new PID namespace, or say what exists', () => {
    const { linux, login } = lab();
    expect(shellIsPid1InNewNamespace(undefined)).toEqual({ pass: false, message: 'this world has no Linux host to check PID namespaces on' });
    expect(shellIsPid1InNewNamespace(linux).message).toBe(
      "every process runs in the host's PID namespace pid:[4026531836]: start a shell as PID 1 of a new one",
    );
    const unshare = linux.spawn(login, { argv: ['unshare', '--pid', 'bash'] });
    linux.unshare(unshare, ['pid']);
    expect(shellIsPid1InNewNamespace(linux).message).toBe(
      `unshare (pid ${unshare.pid}) made PID namespace pid:[4026532161] but is not in it itself: only its children are (use --fork)`,
    );
    const sleeper = linux.spawn(unshare, { argv: ['sleep', '100'] });
    expect(shellIsPid1InNewNamespace(linux).message).toBe('sleep is PID 1 in pid:[4026532161], but not a shell: start bash as the namespace\'s first process');
    linux.exit(sleeper);
    const second = linux.spawn(login, { argv: ['unshare', '--pid', '--fork', 'bash'] });
    linux.unshare(second, ['pid']);
    const shell = linux.spawn(second, { argv: ['bash'] });
    expect(shell.localPid).toBe(1);
    expect(shellIsPid1InNewNamespace(linux)).toEqual({ pass: true, message: `bash (host pid ${shell.pid}) is PID 1 in PID namespace pid:[4026532162]` });
  });

  it('see whether /proc shows the new PID namespace', () => {
    const { linux, login } = lab();
    expect(procShowsOwnNamespace(linux).message).toBe('no shell runs as PID 1 of a new PID namespace');
    const unshare = linux.spawn(login, { argv: ['unshare'] });
    linux.unshare(unshare, ['pid']);
    const shell = linux.spawn(unshare, { argv: ['bash'] });
    expect(procShowsOwnNamespace(linux).message).toBe(
      "bash shares the host's mount namespace mnt:[4026531841], so /proc still lists the host's processes (mount a new /proc in a new mount namespace)",
    );
    linux.unshare(shell, ['mnt']);
    expect(procShowsOwnNamespace(linux).message).toMatch(/^\/proc in bash's mount namespace still lists the host's processes \(\/proc\/self is \d+\): /);
    linux.mount(shell, 'proc', 'proc', '/proc');
    expect(procShowsOwnNamespace(linux)).toEqual({ pass: true, message: `/proc in bash's mount namespace ${shell.ns.mnt.link} shows PID namespace ${shell.ns.pid.link}` });
  });

  it('tell a hostname set in a new UTS namespace from one set on the host', () => {
    const { linux, host, login } = lab();
    expect(hostnameInUtsNamespace(linux, { hostname: 'box' }).message).toBe(
      "every process shares the host's UTS namespace uts:[4026531838]: create a new one and set its hostname to box",
    );
    const shell = linux.spawn(login, { argv: ['bash'] });
    linux.unshare(shell, ['uts']);
    expect(hostnameInUtsNamespace(linux, { hostname: 'box' }).message).toBe('no UTS namespace is called box: uts:[4026532161] is called petlab');
    shell.ns.uts.hostname = 'box';
    expect(hostnameInUtsNamespace(linux, { hostname: 'box' })).toEqual({
      pass: true,
      message: `bash (pid ${shell.pid}) sees hostname box in UTS namespace uts:[4026532161]; the host is still petlab`,
    });
    host.initial.uts.hostname = 'box';
    expect(hostnameInUtsNamespace(linux, { hostname: 'box' }).message).toBe(
      'the host itself is now called box: set the name inside a new UTS namespace only (and set the host\'s back to petlab)',
    );
  });
});
