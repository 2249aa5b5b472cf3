// A lesson with malformed frontmatter stops `astro build` with the schema's message. The build
// reads the fixture folder instead of content/ and fails while loading content, before bundling.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('a lesson with malformed frontmatter', () => {
  it('fails the build, naming the file, each field, what was received and how to fix it', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'petlab-bad-build-'));
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PETLAB_CONTENT_DIR: './test/e2e/fixtures/content', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    rmSync(outDir, { recursive: true, force: true });
    const output = stripVTControlCharacters(result.stdout + result.stderr);
    expect(result.status).not.toBe(0);
    expect(output).toContain(
      [
        'Invalid lesson frontmatter in test/e2e/fixtures/content/petsets/broken-lesson.mdx:',
        '- `module`: expected one of `pets-and-cattle`, `linux-namespaces`, `docker-networking`, `petsets`, received `"petset"` (a string).',
        '  Fix: set `module: petsets` — the folder the lesson lives in.',
        '- `objectives`: expected a list of at least one non-empty sentence, but the field is missing.',
        '  Fix: write a YAML list, one objective per line:',
        '    objectives:',
        '      - Explain why Pods are mortal.',
        '- `duration`: expected a whole number of minutes from 1 to 120, received `"10 minutes"` (a string).',
        '  Fix: write the minutes as a bare number without a unit, e.g. `duration: 10`.',
      ].join('\n'),
    );
    expect(output).toContain('See "How to add a lesson" in README.md for every field.');
  });
});
