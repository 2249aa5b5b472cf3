import { describe, expect, it } from 'vitest';
import { testShell } from '../../testing/run.ts';

/** The names `help` lists (its first column), in order. */
function listed(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/)[0]);
}

describe('help inside a container', () => {
  it("lists only the built-ins and the image's programs that the lab emulates", async () => {
    const sh = testShell({ environment: 'docker' });
    await sh.run('docker pull alpine');
    const inside = await sh.run('docker run --rm alpine sh -c help');
    const host = await sh.run('help');
    expect([inside.stderr, inside.status]).toEqual(['', 0]);
    const names = listed(inside.stdout);
    // BusyBox has no kubectl, docker, curl or iptables; it does have ip, ping, wget, nslookup.
    expect(names.filter((n) => ['curl', 'docker', 'iptables', 'kubectl', 'ip', 'ping', 'wget', 'nslookup'].includes(n))).toEqual(['ip', 'nslookup', 'ping', 'wget']);
    expect(listed(host.stdout).filter((n) => !names.includes(n))).toEqual(['base64', 'bash', 'bridge', 'clear', 'curl', 'docker', 'iptables', 'kubectl', 'lsns', 'mawk', 'nsenter', 'petlab', 'readlink', 'seq', 'ss', 'sysctl', 'tee', 'umount', 'uniq', 'unshare', 'watch', 'xargs', 'yes']);
  });
});
