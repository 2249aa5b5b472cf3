/**
 * Fidelity: `nslookup` in a busybox:1.28 pod prints BusyBox 1.28's format, as the StatefulSet
 * tutorial shows it (kubernetes/website content/en/docs/tutorials/stateful-application/
 * basic-stateful-set.md, "Using Stable Network Identities"):
 *   Server:    10.0.0.10
 *   Address 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local
 *
 *   Name:      web-0.nginx
 *   Address 1: 10.244.1.6
 * Our cluster's kube-dns is 10.96.0.10 (kind/kubeadm default) and pod IPs come from its podCIDRs.
 * The pod's root comes from the image catalogue Docker uses: /bin/nslookup → /bin/busybox
 * ("BusyBox v1.28.4"). The default busybox (latest) prints the newer format.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../../../src/shell/testing/run.ts';

describe('busybox:1.28 pods (StatefulSet tutorial DNS check)', () => {
  it('prints BusyBox 1.28 nslookup output with the kube-dns PTR name', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    const { transcript } = await sh.script(
      [
        'kubectl apply -f https://k8s.io/examples/application/web/web.yaml',
        'kubectl rollout status sts/web',
        'kubectl run -i --rm --image busybox:1.28 dns-test --restart=Never -- nslookup web-0.nginx',
        'kubectl run -i --rm --image busybox:1.28 dns-test2 --restart=Never -- nslookup nginx-nope',
        '',
      ].join('\n'),
    );
    expect(transcript.slice(transcript.indexOf('$ kubectl run'))).toBe(
      [
        '$ kubectl run -i --rm --image busybox:1.28 dns-test --restart=Never -- nslookup web-0.nginx',
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
        '',
        'Name:      web-0.nginx',
        'Address 1: 10.244.2.3',
        '',
        'pod "dns-test" deleted from default namespace',
        // BusyBox 1.28 on NXDOMAIN (kubernetes/website dns-debugging-resolution.md shows the same head + error).
        '$ kubectl run -i --rm --image busybox:1.28 dns-test2 --restart=Never -- nslookup nginx-nope',
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
        '',
        "nslookup: can't resolve 'nginx-nope'",
        // kubectl run.go removes the pod (--rm) in a defer; the error is printed after RunRun returns.
        'pod "dns-test2" deleted from default namespace',
        'pod default/dns-test2 terminated (Error)',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
