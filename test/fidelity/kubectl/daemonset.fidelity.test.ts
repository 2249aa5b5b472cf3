/**
 * A learner's DaemonSet gets one pod per node its template fits (kind: the control-plane's
 * NoSchedule taint keeps it to the two workers unless tolerated). `kubectl get ds` columns are
 * kubectl's printers (DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE); pod names
 * `<ds>-<5 chars>` as generateName gives them. `kubectl explain` fields from apps/v1
 * DaemonSetSpec (selector, template, updateStrategy, minReadySeconds, revisionHistoryLimit —
 * kubernetes/api apps/v1 types.go); descriptions are not modelled (the explain verb prints <empty>).
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../../../src/shell/testing/run.ts';

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.28
        command: ["sleep", "infinity"]
`;

describe('DaemonSets', () => {
  it('gets a pod per schedulable node and explains its spec', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    const { transcript } = await sh.script(
      [`cat > ds.yaml <<'EOF'\n${DS}EOF`, 'kubectl apply -f ds.yaml', 'sleep 10', 'kubectl get ds', 'kubectl get pods -o wide -l app=node-agent', 'kubectl explain ds.spec', ''].join('\n'),
    );
    expect(transcript.slice(transcript.indexOf('$ kubectl apply'))).toBe(
      [
        '$ kubectl apply -f ds.yaml',
        'daemonset.apps/node-agent created',
        '$ sleep 10',
        '$ kubectl get ds',
        'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE',
        'node-agent   2         2         2       2            2           <none>          10s',
        '$ kubectl get pods -o wide -l app=node-agent',
        'NAME               READY   STATUS    RESTARTS   AGE   IP           NODE             NOMINATED NODE   READINESS GATES',
        'node-agent-c7qtq   1/1     Running   0          10s   10.244.1.4   petlab-worker    <none>           <none>',
        'node-agent-hbswj   1/1     Running   0          10s   10.244.2.3   petlab-worker2   <none>           <none>',
        '$ kubectl explain ds.spec',
        'GROUP:      apps',
        'KIND:       DaemonSet',
        'VERSION:    v1',
        '',
        'FIELD: spec <DaemonSetSpec>',
        '',
        '',
        'DESCRIPTION:',
        '    <empty>',
        'FIELDS:',
        '  minReadySeconds\t<integer>',
        '',
        '  revisionHistoryLimit\t<integer>',
        '',
        '  selector\t<LabelSelector>',
        '',
        '  template\t<PodTemplateSpec>',
        '',
        '  updateStrategy\t<DaemonSetUpdateStrategy>',
        '',
        '',
      ].join('\n'),
    );
  }, 60_000);
});
