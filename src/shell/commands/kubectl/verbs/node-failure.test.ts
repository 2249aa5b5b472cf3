import { describe, expect, it } from 'vitest';
import { testShell } from '../../../testing/run.ts';

describe('a stopped node (petlab node stop)', () => {
  it('gets NotReady, its pods lose the Ready condition, and after 300 s they are evicted and stay Terminating', async () => {
    // node-monitor-grace-period 50 s; MarkPodsNotReady (pkg/controller/util/node/controller_utils.go)
    // sets only the pod's Ready condition False and records Warning NodeNotReady "Node is not ready";
    // container statuses are untouched, so printPod still shows 1/1 Running. The taint-eviction
    // controller deletes the pods after the default 300 s unreachable:NoExecute toleration; with the
    // kubelet gone they stay Terminating.
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    const cond = `kubectl get pod web-0 -o jsonpath='{range .status.conditions[*]}{.type}={.status} {end}'`;
    const { transcript } = await sh.script(
      [
        'kubectl apply -f https://k8s.io/examples/application/web/web.yaml',
        'kubectl rollout status sts/web',
        'petlab node stop petlab-worker2',
        'sleep 55',
        'kubectl get pods',
        cond,
        'echo',
        'kubectl get events --field-selector involvedObject.kind=Node',
        'sleep 59', 'sleep 59', 'sleep 59', 'sleep 59', 'sleep 59',
        'kubectl get pods',
        'kubectl get events --field-selector involvedObject.name=web-0',
        '',
      ].join('\n'),
    );
    expect(transcript.slice(transcript.indexOf('$ petlab node stop'))).toBe(
      [
        '$ petlab node stop petlab-worker2',
        'node petlab-worker2 stopped: its kubelet and containers are down',
        '$ sleep 55',
        '$ kubectl get pods',
        'NAME    READY   STATUS    RESTARTS   AGE',
        'web-0   1/1     Running   0          63s',
        'web-1   1/1     Running   0          59s',
        `$ ${cond}`,
        // jsonpath prints no newline, so the next prompt line follows it.
        'PodReadyToStartContainers=True Initialized=True Ready=False ContainersReady=True PodScheduled=True $ echo',
        '',
        '$ kubectl get events --field-selector involvedObject.kind=Node',
        'LAST SEEN   TYPE     REASON         OBJECT                MESSAGE',
        '5s          Normal   NodeNotReady   node/petlab-worker2   Node petlab-worker2 status is now: NodeNotReady',
        '$ sleep 59',
        '$ sleep 59',
        '$ sleep 59',
        '$ sleep 59',
        '$ sleep 59',
        '$ kubectl get pods',
        'NAME    READY   STATUS        RESTARTS   AGE',
        'web-0   1/1     Terminating   0          5m58s',
        'web-1   1/1     Running       0          5m54s',
        '$ kubectl get events --field-selector involvedObject.name=web-0',
        'LAST SEEN   TYPE      REASON                 OBJECT      MESSAGE',
        '5m56s       Normal    Scheduled              pod/web-0   Successfully assigned default/web-0 to petlab-worker2',
        '5m55s       Normal    Pulling                pod/web-0   Pulling image "registry.k8s.io/nginx-slim:0.7"',
        '5m54s       Normal    Pulled                 pod/web-0   Successfully pulled image "registry.k8s.io/nginx-slim:0.7" in 1.359s (1.359s including waiting). Image size: 18370522 bytes.',
        '5m54s       Normal    Created                pod/web-0   Created container: nginx',
        '5m54s       Normal    Started                pod/web-0   Started container nginx',
        '5m          Warning   NodeNotReady           pod/web-0   Node is not ready',
        '0s          Normal    TaintManagerEviction   pod/web-0   Marking for deletion Pod default/web-0',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
