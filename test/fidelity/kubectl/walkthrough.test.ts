/**
 * Golden transcript: the StatefulSet Basics tutorial run through the lab's shell (as
 * `petlab shell --script` runs it) against the emulated cluster. The golden file is our own
 * output, reviewed against the tutorial and the recorded kubectl 1.34 transcripts in this
 * folder; it guards the whole chain (kubectl, controllers, kubelet, DNS, storage) against
 * regressions. Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run
 * test/fidelity/kubectl/walkthrough.test.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testShell } from '../../../src/shell/testing/run.ts';

const dir = import.meta.dirname;

describe('StatefulSet Basics walk-through (golden)', () => {
  it('prints the committed transcript', async () => {
    const script = readFileSync(join(dir, 'statefulset-walkthrough.sh'), 'utf8');
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    const { transcript } = await sh.script(script);
    const golden = join(dir, 'statefulset-walkthrough.golden.txt');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, transcript);
    expect(transcript).toBe(readFileSync(golden, 'utf8'));
  }, 120_000);
});
