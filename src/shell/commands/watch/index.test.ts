import { describe, expect, it } from 'vitest';
import { testShell } from '../../testing/run.ts';

describe('watch', () => {
  it('re-runs the command every -n seconds of virtual time with procps’ header, until Ctrl-C', async () => {
    const sh = testShell({ maxCommandMs: 5_000 });
    const { transcript } = await sh.script('watch -n 2 date +%T\n');
    const header = (t: string) => `Every 2.0s: date +%T${' '.repeat(80 - 'Every 2.0s: date +%T'.length - `petlab: Sun Nov 29 ${t} 2026`.length)}petlab: Sun Nov 29 ${t} 2026\n\n${t}\n`;
    expect(transcript).toBe(`$ watch -n 2 date +%T\n${header('10:00:00')}${header('10:00:02')}${header('10:00:04')}^C\n`);
  });
  it('reports usage errors', async () => {
    expect(await testShell().run('watch')).toEqual({ stdout: '', stderr: 'Usage:\n watch [options] command\n', status: 1 });
    expect(await testShell().run('watch -n x date')).toEqual({ stdout: '', stderr: "watch: failed to parse argument: 'x'\n", status: 1 });
  });
});
