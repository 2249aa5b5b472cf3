import { describe, expect, it } from 'vitest';
import { createWorld } from '../emulator/environment.ts';
import { ShellSession } from './session.ts';
import { BufferOutput } from './interp/streams.ts';
import { READ_INTERRUPTED, type ReadLineOptions, type Terminal } from './types.ts';

describe('Ctrl-C at the continuation prompt', () => {
  it('abandons the whole pending command like bash: nothing runs, no history, $? is 130', async () => {
    // A terminal on which the third read is ended by Ctrl-C (it shows ^C as the line editor does).
    const lines: (string | typeof READ_INTERRUPTED)[] = ['echo "one', 'two', READ_INTERRUPTED, 'echo $?', 'history'];
    const screen = new BufferOutput();
    const asked: (ReadLineOptions | undefined)[] = [];
    const terminal: Terminal = {
      columns: 80,
      rows: 24,
      readLine: async (prompt, options) => {
        asked.push(options);
        const line = lines.shift();
        if (line === READ_INTERRUPTED) screen.write(`${prompt}^C\n`);
        else screen.write(line === undefined ? prompt : `${prompt}${line}\n`);
        return line ?? null;
      },
      clear: () => {},
    };
    const session = new ShellSession({ world: createWorld(), terminal, stdout: screen });
    expect(await session.runInteractive()).toBe(0);
    expect(screen.text).toBe(
      'root@petlab:~# echo "one\n> two\n> ^C\nroot@petlab:~# echo $?\n130\nroot@petlab:~# history\n    1  echo $?\n    2  history\nroot@petlab:~# exit\n',
    );
    expect(asked).toEqual([undefined, { interruptible: true }, { interruptible: true }, undefined, undefined, undefined]);
  });
});
