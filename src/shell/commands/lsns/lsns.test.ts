// Layout: util-linux 2.38.1 lsns default columns NS TYPE NPROCS PID USER COMMAND (libsmartcols:
// numbers right-aligned, one space between columns, lsns.c width hints NS 10, TYPE 5, NPROCS 5,
// PID 5 used as minimum widths by libsmartcols count_column_width()); initial inode numbers from
// include/linux/proc_ns.h and a booted kernel's net/mnt.
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

describe('lsns', () => {
  it('lists the initial namespaces of a host', async () => {
    const sh = linuxShell();
    expect((await sh.run('lsns')).stdout).toBe(
      [
        '        NS TYPE   NPROCS   PID USER COMMAND',
        '4026531834 time        3     1 root /sbin/init',
        '4026531835 cgroup      3     1 root /sbin/init',
        '4026531836 pid         3     1 root /sbin/init',
        '4026531837 user        3     1 root /sbin/init',
        '4026531838 uts         3     1 root /sbin/init',
        '4026531839 ipc         3     1 root /sbin/init',
        '4026531840 net         3     1 root /sbin/init',
        '4026531841 mnt         3     1 root /sbin/init',
        '',
      ].join('\n'),
    );
  });

  it('shows a new namespace with its lowest pid and filters by type', async () => {
    const sh = linuxShell();
    const r = await sh.run('unshare --uts --fork lsns -t uts');
    expect(r.stdout).toBe(
      ['        NS TYPE  NPROCS   PID USER COMMAND', '4026531838 uts        2     1 root /sbin/init', '4026532161 uts        2  1001 root unshare --uts --fork lsns -t uts', ''].join('\n'),
    );
    expect((await sh.run('lsns -n -o NS,PID -t time')).stdout).toBe('4026531834     1\n');
    expect(await sh.run('lsns -t bogus')).toEqual({ stdout: '', stderr: 'lsns: unknown namespace type: bogus\n', status: 1 });
  });

  it('draws --tree=process by default: a namespace of init\'s child hangs under init\'s row', async () => {
    // lsns.c main(): default columns set ls.tree = LSNS_TREE_PROCESS unless -l; add_scols_line()
    // makes the row a child of proc->parent->outline (real Debian 12 shows "├─kdevtmpfs" this way).
    const sh = linuxShell();
    const linux = sh.world.linux;
    const host = linux.hosts.get('petlab')!;
    linux.spawn(host.init, { argv: ['sleep', 'infinity'], unshare: ['uts', 'net'], tty: null });
    expect((await sh.run('lsns -t uts')).stdout).toBe(
      ['        NS TYPE  NPROCS   PID USER COMMAND', '4026531838 uts        3     1 root /sbin/init', '4026532161 uts        1  1001 root └─sleep infinity', ''].join('\n'),
    );
    expect(await sh.run('lsns -T process')).toEqual({ stdout: '', stderr: "lsns: invalid namespace argument: 'process'\n", status: 1 });
    expect(await sh.run('lsns 4026539999')).toEqual({ stdout: '', stderr: 'lsns: not found namespace: 4026539999\n', status: 1 });
    expect((await sh.run('lsns --tree=process -o NS,COMMAND -t uts')).stdout).toBe('        NS COMMAND\n4026531838 /sbin/init\n4026532161 └─sleep infinity\n');
    expect(await sh.run('lsns --tree=sideways')).toEqual({ stdout: '', stderr: 'lsns: unknown tree type: sideways\n', status: 1 });
    expect((await sh.run('lsns -l -t uts')).stdout).toBe(
      ['        NS TYPE  NPROCS   PID USER COMMAND', '4026531838 uts        3     1 root /sbin/init', '4026532161 uts        1  1001 root sleep infinity', ''].join('\n'),
    );
  });
});
