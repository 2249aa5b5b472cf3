import { describe, expect, it } from 'vitest';
import { testShell } from '../../../testing/run.ts';

describe('kubectl rollout status right after a change', () => {
  it('finds the new generation already observed by the controller (no "spec update" wait)', async () => {
    // Real controllers sync within milliseconds of the watch event, and a Deployment sync sets
    // status.observedGeneration in the same pass (pkg/controller/deployment/sync.go), so the
    // first line is the progress message (kubectl rollout_status.go DeploymentStatusViewer).
    const sh = testShell({ environment: 'kubernetes', seed: 3 });
    expect(await sh.run('kubectl create deployment web --image=nginx:1.27 --replicas=2')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', status: 0 });
    expect(await sh.run('kubectl rollout status deployment/web')).toEqual({
      stdout: [
        'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
  });
});
