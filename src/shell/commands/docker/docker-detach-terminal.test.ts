/**
 * Ctrl-P Ctrl-Q typed at an interactive container shell that reads the terminal (not stdin):
 * docker's escape proxy (docker/cli hijack.go) takes the keys before the container sees them.
 * `docker run -it` then returns 0 silently; `docker attach` prints `read escape sequence` and
 * returns 1; the container keeps running.
 */
import { expect, test } from 'vitest';
import { testShell } from '../../testing/run.ts';
import type { ReadLineOptions, Terminal } from '../../types.ts';
import { detachableTerminal } from './attach-io.ts';

test('the detach keys typed at the prompt of run -it and attach detach (script terminal)', async () => {
  const sh = testShell({ environment: 'docker' });
  await sh.run('docker pull alpine');
  const { transcript } = await sh.script([
    'docker run -it --name bg alpine',
    'hostname',
    '\x10\x11',
    'docker ps --format "{{.Names}} {{.Status}}"',
    'docker attach bg',
    'echo again',
    '\x10\x11',
    'echo back $?',
  ].join('\n'));
  expect(transcript).toBe([
    '$ docker run -it --name bg alpine',
    '$ hostname',
    'a8be388a3c21',
    '$ \x10\x11',
    '$ docker ps --format "{{.Names}} {{.Status}}"',
    'bg Up Less than a second',
    '$ docker attach bg',
    '$ echo again',
    'again',
    '$ \x10\x11',
    'read escape sequence',
    '$ echo back $?',
    'back 1',
    '',
  ].join('\n'));
});

test('asks the line editor for the detach keys and ends the shell when they come back', async () => {
  const asked: (ReadLineOptions | undefined)[] = [];
  const lines = ['echo hi', '\x10\x11'];
  const inner: Terminal = { columns: 80, rows: 24, clear() {}, readLine: async (_p, o) => (asked.push(o), lines.shift() ?? null) };
  let detached = 0;
  const terminal = detachableTerminal(() => detached++)(inner);
  expect(await terminal.readLine('/ # ')).toBe('echo hi');
  await expect(terminal.readLine('/ # ')).rejects.toMatchObject({ status: 0 });
  expect({ asked, detached }).toEqual({ asked: [{ escapeKeys: '\x10\x11' }, { escapeKeys: '\x10\x11' }], detached: 1 });
});
