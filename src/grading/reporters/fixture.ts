/** A lab result used by the reporter tests: one pass, one fail with awkward text, one skip. */
import type { LabResult } from '../results.ts';

export function sampleResult(): LabResult {
  return {
    lab: { id: 'statefulset-identity', title: 'StatefulSet <identity> & "DNS"' },
    status: 'fail',
    score: 1,
    max: 4,
    seed: 1,
    commands: 12,
    virtualMs: 65_000,
    tasks: [
      { id: 'headless-service', title: 'Create the headless Service', status: 'pass', message: 'Service nginx is headless (clusterIP: None)', score: 1, max: 1 },
      {
        id: 'ordered-pods',
        title: 'Start web-0..2 in order',
        status: 'fail',
        message: "3 replicas wanted, 2 Ready: web-2 is Pending\nsee 'kubectl describe pod web-2' & <events>",
        score: 0,
        max: 2,
      },
      { id: 'same-name', title: 'Delete a pod', status: 'skipped', message: 'not checked: first complete "Start web-0..2 in order"', score: 0, max: 1 },
    ],
  };
}
