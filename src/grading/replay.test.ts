import { describe, expect, it } from 'vitest';
import { createWorld } from '../emulator/environment.ts';
import { isGradingError } from './errors.ts';
import { DEFAULT_REPLAY_LIMITS, replayText } from './replay.ts';

async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isGradingError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an error');
}

describe('replayText', () => {
  it('runs each line at a prompt, here-documents included, and ends with shells open', async () => {
    const world = createWorld({ seed: 1 });
    const prompts: number[] = [];
    let endedAfter = -1;
    const outcome = await replayText(world, 'echo one\necho two > /root/two.txt\nexit_code=3; echo $exit_code\n', DEFAULT_REPLAY_LIMITS, {
      onPrompt: (n) => prompts.push(n),
      onEnd: (n) => (endedAfter = n),
    });
    expect(outcome).toEqual({
      commands: 3,
      virtualMs: 0,
      transcript: '$ echo one\none\n$ echo two > /root/two.txt\n$ exit_code=3; echo $exit_code\n3\nexit\n',
      ended: true,
    });
    expect(prompts).toEqual([0, 1, 2, 3]);
    expect(endedAfter).toBe(3);
    expect(world.linux.loginShell().fs.readFile('/root/two.txt')).toBe('two\n');
  });

  it('stops past the command and output bounds with a clear error', async () => {
    const limits = { ...DEFAULT_REPLAY_LIMITS, maxCommands: 2 };
    expect(await errorOf(() => replayText(createWorld(), 'echo 1\necho 2\necho 3\n', limits))).toBe(
      'LIMIT_EXCEEDED: the replay stopped: the submission has more than 2 command lines.',
    );
    const small = { ...DEFAULT_REPLAY_LIMITS, maxOutputBytes: 20 };
    expect(await errorOf(() => replayText(createWorld(), 'echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n', small))).toBe(
      'LIMIT_EXCEEDED: the replay stopped: the commands printed more than 20 bytes of output.',
    );
  });

  it('stops past the virtual-time and process bounds', async () => {
    const slow = { ...DEFAULT_REPLAY_LIMITS, maxVirtualMs: 540_000 };
    expect(await errorOf(() => replayText(createWorld(), 'sleep 400\nsleep 400\necho never\n', slow))).toBe(
      'LIMIT_EXCEEDED: the replay stopped: the replay took more than 9 minutes of virtual time.',
    );
    const few = { ...DEFAULT_REPLAY_LIMITS, maxProcesses: 5 };
    expect(await errorOf(() => replayText(createWorld(), 'sleep 9999 &\nsleep 9999 &\nsleep 9999 &\nsleep 9999 &\necho never\n', few))).toBe(
      'LIMIT_EXCEEDED: the replay stopped: more than 5 processes run on host petlab.',
    );
  });

  it('does not run past an exit of the login shell', async () => {
    const outcome = await replayText(createWorld(), 'echo before\nexit\necho after\n');
    expect(outcome.transcript).toBe('$ echo before\nbefore\n$ exit\nexit\n');
    expect(outcome.ended).toBe(false);
  });
});
