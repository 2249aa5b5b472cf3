/**
 * One image looks the same whoever runs it: `kubectl exec` in a pod and `docker exec` in a
 * container of the same catalogue image list the same programs (both build the container's root
 * from src/emulator/docker/image-catalogue.ts and its shared layers), and both match the real
 * images (sources in src/emulator/docker/image-programs.ts: nginx is debian:bookworm-slim plus
 * nginx, curl, gettext-base — no iproute2, procps or iputils; busybox is BusyBox applets in /bin).
 */
import { describe, expect, test } from 'vitest';
import { testShell } from '../../../src/shell/testing/run.ts';

const LOOK = `ls /bin /sbin /usr/bin /usr/sbin /usr/local/bin 2>&1 | wc -l; which ip nsenter bash nginx ps ping which wget nslookup; echo "status $?"`;

describe('the same image in Docker and in Kubernetes', () => {
  test('kubectl exec in nginx and busybox pods: whole output', async () => {
    const sh = testShell({ environment: 'kubernetes' });
    await sh.run('kubectl run web --image=nginx');
    await sh.run('kubectl run box --image=busybox --command -- sleep 3600');
    await sh.run('sleep 30');
    expect(await sh.run('kubectl exec web -- which ip nsenter bash nginx')).toEqual({
      stdout: '/usr/bin/nsenter\n/usr/bin/bash\n/usr/sbin/nginx\n', stderr: 'command terminated with exit code 1\n', status: 1,
    });
    expect(await sh.run('kubectl exec web -- ls /usr/local/bin /docker-entrypoint.sh')).toEqual({ stdout: '/docker-entrypoint.sh\n\n/usr/local/bin:\n', stderr: '', status: 0 });
    expect(await sh.run('kubectl exec web -- nginx -t')).toEqual({ stdout: '', stderr: "petlab: 'nginx -t' is not available in this lab\ncommand terminated with exit code 1\n", status: 1 });
    expect(await sh.run('kubectl exec box -- which ip ping which')).toEqual({ stdout: '/bin/ip\n/bin/ping\n/bin/which\n', stderr: '', status: 0 });
  });

  for (const image of ['nginx', 'busybox', 'alpine', 'debian', 'redis', 'httpd']) {
    test(`${image}: docker exec and kubectl exec see the same programs`, async () => {
      const docker = testShell({ environment: 'docker' });
      await docker.run(`docker run -d --name c1 ${image} sleep 3600`);
      const kube = testShell({ environment: 'kubernetes' });
      await kube.run(`kubectl run c1 --image=${image} --command -- sleep 3600`);
      await kube.run('sleep 30');
      const inDocker = await docker.run(`docker exec c1 sh -c '${LOOK}'`);
      const inKube = await kube.run(`kubectl exec c1 -- sh -c '${LOOK}'`);
      expect(inKube).toEqual(inDocker);
      expect([inDocker.status, inDocker.stderr, inDocker.stdout.split('\n').length > 2]).toEqual([0, '', true]);
    });
  }
});
