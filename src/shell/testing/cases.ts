/**
 * Table-driven command tests: each case runs in order in one shell (so earlier cases can set up
 * files) and compares the whole stdout, stderr and status.
 *
 *   describeCases('cat', [
 *     ['cat nope', '', 'cat: nope: No such file or directory\n', 1],
 *   ]);
 */
import { describe, expect, it } from 'vitest';
import { testShell } from './run.ts';
import type { TestShellOptions } from './run.ts';

/** [command line, stdout, stderr, status] or with stdin text as a fifth element. */
export type Case = [line: string, stdout: string, stderr: string, status: number, stdin?: string];

/** One `it` per case, all in one fresh shell, run in order. */
export function describeCases(name: string, cases: Case[], options: TestShellOptions = {}): void {
  describe(name, () => {
    const sh = testShell(options);
    for (const [line, stdout, stderr, status, stdin] of cases) {
      it(line.length > 70 ? `${line.slice(0, 67)}...` : line, async () => {
        expect(await sh.run(line, stdin)).toEqual({ stdout, stderr, status });
      });
    }
  });
}
