import { describe, expect, it } from 'vitest';
import { testShell } from '../../../testing/run.ts';

describe('a fresh lab cluster (created 5 minutes before the first command)', () => {
  it('shows the boot-time workloads as old as the cluster, CoreDNS and local-path-provisioner included', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    expect((await sh.run('kubectl get pods -A')).stdout).toBe(
      [
        'NAMESPACE            NAME                                           READY   STATUS    RESTARTS   AGE',
        'kube-system          coredns-68d548dbd5-6blbd                       1/1     Running   0          5m',
        'kube-system          coredns-68d548dbd5-d7zqv                       1/1     Running   0          5m',
        'kube-system          etcd-petlab-control-plane                      1/1     Running   0          5m',
        'kube-system          kindnet-98rbm                                  1/1     Running   0          5m',
        'kube-system          kindnet-9c722                                  1/1     Running   0          5m',
        'kube-system          kindnet-v4jss                                  1/1     Running   0          5m',
        'kube-system          kube-apiserver-petlab-control-plane            1/1     Running   0          5m',
        'kube-system          kube-controller-manager-petlab-control-plane   1/1     Running   0          5m',
        'kube-system          kube-proxy-9z26w                               1/1     Running   0          5m',
        'kube-system          kube-proxy-snzhz                               1/1     Running   0          5m',
        'kube-system          kube-proxy-w2zds                               1/1     Running   0          5m',
        'kube-system          kube-scheduler-petlab-control-plane            1/1     Running   0          5m',
        'local-path-storage   local-path-provisioner-79ddbbf8f7-jccfc        1/1     Running   0          5m',
        '',
      ].join('\n'),
    );
    expect((await sh.run('kubectl get deploy,rs -n kube-system')).stdout).toBe(
      [
        'NAME                      READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/coredns   2/2     2            2           5m',
        '',
        'NAME                                 DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/coredns-68d548dbd5   2         2         2       5m',
        '',
      ].join('\n'),
    );
  });

  it('has the kindnet and kube-proxy DaemonSets that own a pod per node', async () => {
    // printers.go printDaemonSet columns; kind's manifests select kubernetes.io/os=linux nodes.
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    expect((await sh.run('kubectl get ds -A')).stdout).toBe(
      [
        'NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE',
        'kube-system   kindnet      3         3         3       3            3           kubernetes.io/os=linux   5m',
        'kube-system   kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   5m',
        '',
      ].join('\n'),
    );
    const owners = `kubectl get pods -n kube-system -l k8s-app=kube-proxy -o jsonpath='{range .items[*]}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}={.metadata.ownerReferences[0].uid}{"\\n"}{end}'`;
    const uid = `kubectl get ds kube-proxy -n kube-system -o jsonpath='{.metadata.uid}{"\\n"}'`;
    expect((await sh.run(uid)).stdout).toBe('5d0a9e47-3b8c-4c61-a2f5-7e9b1c3d4f60\n');
    expect((await sh.run(owners)).stdout).toBe('DaemonSet/kube-proxy=5d0a9e47-3b8c-4c61-a2f5-7e9b1c3d4f60\n'.repeat(3));
  });
});
