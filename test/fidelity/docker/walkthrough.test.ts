/**
 * Golden transcript: the Docker networking walk-through (walkthrough.sh) run through
 * `petlab shell --script --environment docker`, compared whole with walkthrough.golden.txt.
 * The commands follow docker/docs "Networking with standalone containers" (default bridge,
 * user-defined bridge with name resolution, a container on two networks), plus the host and
 * none drivers and port publishing.
 *
 * Regenerate after an intended change: UPDATE_GOLDEN=1 npx vitest run test/fidelity/docker
 * (then read the diff: every line must still be what Docker 28 prints).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

test('docker networking walk-through matches the golden transcript', () => {
  const transcript = execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../../../src/cli/petlab.mjs', import.meta.url)), 'shell', '--script', here('walkthrough.sh'), '--environment', 'docker'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const golden = here('walkthrough.golden.txt');
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, transcript);
  expect(transcript).toBe(readFileSync(golden, 'utf8'));
}, 90_000);
