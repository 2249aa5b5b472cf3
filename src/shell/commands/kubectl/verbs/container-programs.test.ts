import { describe, expect, it } from 'vitest';
import { testShell } from '../../../testing/run.ts';

describe('containers run their short-lived programs', () => {
  it('captures the output as the log and ends the pod by the exit status and restartPolicy', async () => {
    // Completed / Error / CrashLoopBackOff per printPod; `kubectl logs` of a crash-looping
    // container shows its last terminated instance (kubelet validateContainerLogStatus).
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    const { transcript } = await sh.script(
      [
        'kubectl apply -f https://k8s.io/examples/application/web/web.yaml',
        'kubectl rollout status sts/web',
        'kubectl run dns-test --image=busybox:1.28 --restart=Never -- nslookup web-0.nginx',
        `kubectl run t2 --image=busybox:1.28 --restart=Never -- sh -c 'echo hello; date; exit 3'`,
        'kubectl run t3 --image=busybox:1.28 --restart=OnFailure -- false',
        'kubectl run t4 --image=busybox:1.28 -- echo hi',
        'kubectl run t5 --image=busybox:1.28 -- sleep 3600',
        'sleep 20',
        'kubectl get pods',
        'kubectl logs dns-test',
        'kubectl logs t2',
        'kubectl logs t4',
        '',
      ].join('\n'),
    );
    expect(transcript.slice(transcript.indexOf('$ sleep 20'))).toBe(
      [
        '$ sleep 20',
        '$ kubectl get pods',
        'NAME       READY   STATUS             RESTARTS     AGE',
        'dns-test   0/1     Completed          0            20s',
        't2         0/1     Error              0            20s',
        't3         0/1     CrashLoopBackOff   2 (9s ago)   20s',
        't4         0/1     CrashLoopBackOff   2 (9s ago)   20s',
        't5         1/1     Running            0            20s',
        'web-0      1/1     Running            0            28s',
        'web-1      1/1     Running            0            24s',
        '$ kubectl logs dns-test',
        // busybox:1.28's nslookup (BusyBox 1.28.4 in the pod's root), as in the StatefulSet tutorial.
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
        '',
        'Name:      web-0.nginx',
        'Address 1: 10.244.2.3',
        '',
        '$ kubectl logs t2',
        'hello',
        'Sun Nov 29 10:00:09 UTC 2026',
        '$ kubectl logs t4',
        'hi',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('kubectl run -i runs the command once, in the container, and shows its output as it comes', async () => {
    // The command appends to a file and prints it: one run prints one line (it printed two when
    // kubectl ran the command a second time beside the container's own run). With --rm, run.go
    // deletes the pod in a defer, so the deletion line comes before the 'terminated' error.
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    const { transcript } = await sh.script(
      [
        `kubectl run t1 -i --image=busybox:1.28 --restart=Never -- sh -c 'echo hello; echo x >> /tmp/f; cat /tmp/f'`,
        'kubectl logs t1',
        `kubectl run t2 -i --rm --image=busybox:1.28 --restart=Never -- sh -c 'echo hi; exit 3'`,
        'echo $?',
        'kubectl get pods',
        // restartPolicy Always: run.go does not wait for an exit code, so the status is 0.
        `kubectl run t3 -i --image=busybox:1.28 -- sh -c 'echo bye; exit 3'`,
        'echo $?',
        '',
      ].join('\n'),
    );
    expect(transcript).toBe(
      [
        `$ kubectl run t1 -i --image=busybox:1.28 --restart=Never -- sh -c 'echo hello; echo x >> /tmp/f; cat /tmp/f'`,
        'hello',
        'x',
        '$ kubectl logs t1',
        'hello',
        'x',
        `$ kubectl run t2 -i --rm --image=busybox:1.28 --restart=Never -- sh -c 'echo hi; exit 3'`,
        'hi',
        'pod "t2" deleted from default namespace',
        'pod default/t2 terminated (Error)',
        '$ echo $?',
        '3',
        '$ kubectl get pods',
        'NAME   READY   STATUS      RESTARTS   AGE',
        't1     0/1     Completed   0          20s',
        `$ kubectl run t3 -i --image=busybox:1.28 -- sh -c 'echo bye; exit 3'`,
        'bye',
        '$ echo $?',
        '0',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
