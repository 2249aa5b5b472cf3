/**
 * Completion at a continuation (PS2) prompt inside a nested shell: after `for f in /et` and
 * Enter inside `docker exec -it box sh` or `kubectl exec -it web-0 -- sh`, the `> ` prompt
 * belongs to the nested shell, so Tab reads its file system and $PATH (as at its PS1), and
 * Ctrl-C there drops the pending command without ending the nested shell.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../emulator/environment.ts';
import { ShellSession } from '../../../shell/session.ts';
import { BufferOutput } from '../../../shell/interp/streams.ts';
import { READ_INTERRUPTED, type Terminal } from '../../../shell/types.ts';
import { worldSources } from '../../workspace/world-sources.ts';
import { createCompleter } from './index.ts';

type Step = string | ((session: ShellSession, prompt: string) => void | Promise<void>);

/** Runs `steps` at the session's prompts (typed lines, or looks at the world); returns the screen. */
async function atPrompts(environment: string, steps: Step[]): Promise<string> {
  const screen = new BufferOutput();
  const holder: { session?: ShellSession } = {};
  const terminal: Terminal = {
    columns: 80,
    rows: 24,
    readLine: async (prompt) => {
      let step = steps.shift();
      while (typeof step === 'function') {
        await step(holder.session as ShellSession, prompt);
        step = steps.shift();
      }
      screen.write(step === undefined ? prompt : `${prompt}${step === READ_INTERRUPTED ? '^C' : step}\n`);
      return step ?? null;
    },
    clear: () => undefined,
  };
  holder.session = new ShellSession({ world: createWorld({ environment }), terminal, stdout: screen, stderr: screen });
  await holder.session.runInteractive();
  return screen.text;
}

/** Sorted candidates for `line` (cursor at its end) as the continuation of `continues`. */
async function candidates(session: ShellSession, environment: string, line: string, continues?: string): Promise<string[]> {
  const result = await createCompleter(worldSources(session, environment)).complete({ line, cursor: line.length, continues });
  return [...result.candidates].sort();
}

describe('completion at PS2 inside a nested shell', () => {
  it('docker exec -it box sh: /us<Tab> and commands at `> ` come from the container', async () => {
    const seen: Record<string, unknown> = {};
    const screen = await atPrompts('docker', [
      'docker run -dit --name box busybox sh',
      'docker exec -it box sh',
      'mkdir /only-in-box',
      'for f in /et',
      async (s, prompt) => {
        seen.prompt = prompt;
        seen.nested = s.activeShell !== s.shell;
        seen.us = await candidates(s, 'docker', '/us', 'for f in /et');
        seen.onlyInBox = await candidates(s, 'docker', 'ls /only', 'for f in /et');
        // busybox has ifconfig, the host's PATH has kubectl
        seen.ifcon = await candidates(s, 'docker', 'ifcon', 'for f in /et');
        seen.ku = await candidates(s, 'docker', 'ku', 'for f in /et');
      },
      'do echo $f; done',
      'exit',
      'exit',
    ]);
    expect(seen).toEqual({ prompt: '> ', nested: true, us: ['/usr/'], onlyInBox: ['/only-in-box/'], ifcon: ['ifconfig'], ku: [] });
    // (what docker run prints before is docker's business: its pull lines and the id)
    expect(screen.slice(screen.indexOf('root@petlab:~# docker exec'))).toBe(
      [
        'root@petlab:~# docker exec -it box sh',
        '/ # mkdir /only-in-box',
        '/ # for f in /et',
        '> do echo $f; done',
        '/et',
        '/ # exit',
        'root@petlab:~# exit',
        'exit',
        '',
      ].join('\n'),
    );
  });

  it('kubectl exec -it web-0 -- sh: the `> ` prompt completes from the pod, and the host again after exit', async () => {
    const seen: Record<string, unknown> = {};
    await atPrompts('kubernetes', [
      'kubectl run web-0 --image=nginx',
      (s) => void s.world.settle(),
      'kubectl exec -it web-0 -- sh',
      'if true; then',
      async (s, prompt) => {
        seen.prompt = prompt;
        seen.html = await candidates(s, 'kubernetes', 'cat /usr/share/nginx/ht', 'if true; then');
        seen.ku = await candidates(s, 'kubernetes', 'kubec', 'if true; then');
      },
      'fi',
      'exit',
      'for f in /et',
      async (s, prompt) => {
        seen.hostPrompt = prompt;
        seen.hostActive = s.activeShell === s.shell;
        seen.hostKu = await candidates(s, 'kubernetes', 'kubec', 'for f in /et');
      },
      'do :; done',
      'exit',
    ]);
    expect(seen).toEqual({ prompt: '> ', html: ['/usr/share/nginx/html/'], ku: [], hostPrompt: '> ', hostActive: true, hostKu: ['kubectl'] });
  });

  it('Ctrl-C at a nested PS2 drops the pending command and keeps the nested shell (as bash and ash do)', async () => {
    // The terminal asks the session whether a command runs (Workspace hooks.interrupt, the CLI's
    // SIGINT handler): at the nested PS2 none does, so the editor ends the read with ^C.
    let running: boolean | undefined;
    const screen = await atPrompts('docker', [
      'docker run -dit --name box busybox sh',
      'docker exec -it box sh',
      'for f in /et',
      (s) => void (running = s.foreground.current() !== undefined),
      READ_INTERRUPTED,
      'echo $?',
      'exit',
      'exit',
    ]);
    expect(running).toBe(false);
    expect(screen.slice(screen.indexOf('root@petlab:~# docker exec'))).toBe(
      ['root@petlab:~# docker exec -it box sh', '/ # for f in /et', '> ^C', '/ # echo $?', '130', '/ # exit', 'root@petlab:~# exit', 'exit', ''].join('\n'),
    );
  });
});
