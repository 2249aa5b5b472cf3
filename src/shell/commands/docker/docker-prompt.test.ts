/**
 * The prompts of interactive container shells, as a terminal shows them. BusyBox ash (busybox,
 * alpine) has PS1 `\w \$ ` (busybox shell/ash.c initvar(), FEATURE_EDITING_FANCY_PROMPT, on in
 * the images' configs), so docker/docs "Networking with standalone containers" shows `/ # `;
 * Debian's bash shows `root@<hostname>:/# ` (/etc/bash.bashrc); dash (`sh` in Debian images) `# `.
 */
import { expect, test } from 'vitest';
import { testShell } from '../../testing/run.ts';
import type { Terminal } from '../../types.ts';

/** A terminal that types `lines` and records every prompt it was asked to show. */
function typing(lines: string[]): { terminal: Terminal; prompts: string[] } {
  const prompts: string[] = [];
  const queue = [...lines];
  return { prompts, terminal: { columns: 80, rows: 24, clear() {}, readLine: async (p) => (prompts.push(p), queue.shift() ?? null) } };
}

test('ash in busybox and alpine prompts with the directory; Debian bash with user@host; dash with #', async () => {
  const { terminal, prompts } = typing([
    'docker run -d --name al alpine sleep 600',
    'docker run -d --name web nginx',
    'docker run -it --name bb busybox sh', 'cd /tmp', 'exit',
    'docker exec -it al sh', 'exit',
    'docker exec -it web bash', 'cd /usr/share', 'exit',
    'docker exec -it web sh', 'exit',
    'exit',
  ]);
  const sh = testShell({ environment: 'docker', terminal });
  await sh.session.runInteractive();
  expect(prompts.filter((p) => !p.startsWith('root@petlab'))).toEqual([
    '/ # ', '/tmp # ',
    '/ # ',
    'root@c7f5ff8d9ced:/# ', 'root@c7f5ff8d9ced:/usr/share# ',
    '# ',
  ]);
});
