import { describe, expect, it } from 'vitest';
import { World } from '../world.ts';
import { INITIAL_INODES } from './namespaces.ts';

function boot() {
  const world = new World({ seed: 7 });
  const host = world.linux.createHost('petlab');
  const shell = world.linux.loginShell();
  return { world, host, shell, linux: world.linux };
}

describe('Linux: hosts and processes', () => {
  it('boots a host with init as PID 1 and the kernel inode numbers', () => {
    const { host, shell } = boot();
    expect(host.init.pid).toBe(1);
    expect(host.init.comm).toBe('systemd');
    expect(host.name).toBe('petlab');
    expect(host.kernelRelease).toBe('6.1.0-28-amd64');
    expect(host.initial.pid.inode).toBe(INITIAL_INODES.pid);
    expect(shell.pid).toBe(1000);
    expect(shell.ppid).toBe(1);
    expect(shell.fs.readFile('/etc/hostname')).toBe('petlab\n');
    expect(shell.fs.readlink('/proc/self/ns/pid')).toBe('pid:[4026531836]');
    expect(shell.fs.readlink('/proc/1000/ns/net')).toBe('net:[4026531840]');
    expect(shell.fs.readFile('/proc/self/cmdline')).toBe('-bash\0');
  });

  it('gives children of unshare --pid --fork pid 1 and new inode numbers', () => {
    const { linux, shell } = boot();
    const unshare = linux.spawn(shell, ['unshare', '--pid', '--fork', '--mount-proc', 'bash']);
    linux.unshare(unshare, ['pid', 'mnt']);
    expect(unshare.ns.mnt.inode).toBe(4026532161);
    const bash = linux.spawn(unshare, ['bash']);
    expect(bash.pidIn(bash.ns.pid)).toBe(1);
    expect(bash.ns.pid.inode).toBe(4026532162);
    expect(bash.pidIn(shell.ns.pid)).toBe(1002);
    // Without --mount-proc, /proc still shows the host's PID namespace.
    expect(bash.fs.readlink('/proc/self')).toBe('1002');
    linux.mount(bash, 'proc', 'proc', '/proc');
    expect(bash.fs.readlink('/proc/self')).toBe('1');
    expect(bash.fs.readdir('/proc').filter((n) => /^\d+$/.test(n))).toEqual(['1']);
    // The host's mount namespace is untouched.
    expect(shell.fs.readlink('/proc/self')).toBe('1000');
    expect(bash.fs.readFile('/proc/1/status').split('\n').filter((l) => l.startsWith('NSpid'))).toEqual(['NSpid:\t1']);
    expect(shell.fs.readFile('/proc/1002/status').split('\n').filter((l) => l.startsWith('NSpid'))).toEqual(['NSpid:\t1002\t1']);
  });

  it('kills every process of a PID namespace when its init exits', () => {
    const { linux, shell } = boot();
    const init = linux.spawn(shell, { argv: ['bash'], unshare: ['pid'] });
    const child = linux.spawn(init, ['sleep', '100']);
    expect(child.pidIn(init.ns.pid)).toBe(2);
    linux.exit(init, 0);
    expect(child.exited).toBe(true);
    expect(init.ns.pid.members.size).toBe(0);
  });

  it('refuses to fork into a PID namespace whose init has exited (unshare --pid without --fork)', () => {
    const { linux, shell } = boot();
    linux.unshare(shell, ['pid']);
    const first = linux.spawn(shell, ['ls']);
    expect(first.pidIn(first.ns.pid)).toBe(1);
    linux.exit(first, 0);
    expect(() => linux.spawn(shell, ['ls'])).toThrow('Cannot allocate memory');
  });

  it('records namespace and process creation in the event log', () => {
    const { world, linux, shell } = boot();
    linux.unshare(shell, ['uts']);
    const types = world.events.list().map((e) => `${e.type} ${e.subject}`);
    expect(types).toEqual([
      'process.created process/petlab/1',
      'host.created host/petlab',
      'process.created process/petlab/1000',
      'namespace.created ns/petlab/uts:[4026532161]',
    ]);
  });
});
