/**
 * Fidelity: pod STATUS / RESTARTS cells and the events table against a recorded 2026 kubectl
 * transcript on minikube (search-index id 70326645151, "Task 2 – Troubleshoot common issues").
 * Whole outputs compared; the events case compares the transcript's `| tail -n 12` slice.
 */
import { describe, expect, it } from 'vitest';
import { tableLines } from '../../../src/shell/commands/kubectl/printers/table.ts';
import { alignColumns } from '../../../src/shell/commands/kubectl/printers/tabwriter.ts';
import { ago, NOW } from './objects.ts';

const table = (kind: string, objs: unknown[]) => alignColumns(tableLines(kind, objs, { now: NOW }, {}));

function pod(name: string, age: number, status: Record<string, unknown>) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 's14', creationTimestamp: ago(age) },
    spec: { containers: [{ name: 'app', image: 'x' }] },
    status,
  };
}

describe('pod status cells recorded from kubectl', () => {
  it('a crash-looping container shows its last reason and restarts with "(30s ago)"', () => {
    const crash = pod('crash-demo', 45, {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          restartCount: 3,
          state: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(1) } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(30) } },
        },
      ],
    });
    expect(table('Pod', [crash])).toBe('NAME         READY   STATUS   RESTARTS      AGE\ncrash-demo   0/1     Error    3 (30s ago)   45s\n');
  });

  it('an image that cannot be pulled', () => {
    const image = pod('image-demo', 25, {
      phase: 'Pending',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } }, lastState: {} }],
    });
    expect(table('Pod', [image])).toBe('NAME         READY   STATUS             RESTARTS   AGE\nimage-demo   0/1     ImagePullBackOff   0          25s\n');
  });

  it('an unschedulable pod', () => {
    const pending = pod('pending-demo', 5, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] });
    expect(table('Pod', [pending])).toBe('NAME           READY   STATUS    RESTARTS   AGE\npending-demo   0/1     Pending   0          5s\n');
  });

  it('the events table (kubectl get events)', () => {
    const ev = (obj: string, reason: string, message: string) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${obj}.1`, namespace: 's14', creationTimestamp: ago(1) },
      involvedObject: { kind: 'Pod', name: obj, namespace: 's14' },
      reason,
      message,
      type: 'Normal',
      source: { component: 'kubelet' },
      firstTimestamp: ago(1),
      lastTimestamp: ago(1),
      count: 1,
    });
    const events = [
      ev('exec-demo', 'Scheduled', 'Successfully assigned s14/exec-demo to minikube'),
      ev('exec-demo', 'Pulled', 'Container image "nginx:1.27" already present on machine and can be accessed by the pod'),
      ev('exec-demo', 'Created', 'Container created'),
      ev('exec-demo', 'Started', 'Container started'),
    ];
    const lines = table('Event', events).split('\n');
    expect(lines.slice(1).join('\n')).toBe(
      [
        '1s          Normal   Scheduled   pod/exec-demo   Successfully assigned s14/exec-demo to minikube',
        '1s          Normal   Pulled      pod/exec-demo   Container image "nginx:1.27" already present on machine and can be accessed by the pod',
        '1s          Normal   Created     pod/exec-demo   Container created',
        '1s          Normal   Started     pod/exec-demo   Container started',
        '',
      ].join('\n'),
    );
  });
});
