import { describe, expect, it } from 'vitest';
import { World } from '../../emulator/world.ts';
import { ShellSession } from '../../shell/session.ts';
import { BufferOutput } from '../../shell/interp/streams.ts';
import { LineEditor } from '../terminal/line-editor.ts';
import type { JournalEntry } from '../persistence/lab-store.ts';
import { replayJournal } from './replay.ts';

/** A browser-like setup without a browser: an editor as the terminal, an external clock. */
function workspace(seed: number) {
  const world = new World({ seed });
  const out = new BufferOutput();
  const journal: JournalEntry[] = [];
  const start = world.now();
  const ref: { session?: ShellSession } = {};
  const editor = new LineEditor({
    write: (d) => out.write(d),
    columns: () => 80,
    interrupt: () => {
      journal.push({ t: world.now() - start, k: 'int' });
      const running = ref.session?.foreground.current() !== undefined;
      ref.session?.interrupt();
      return running;
    },
    onLine: (v) => journal.push({ t: world.now() - start, k: 'line', v }),
  });
  const session = new ShellSession({
    world,
    stdout: out,
    clock: 'external',
    terminal: { columns: 80, rows: 24, readLine: (p) => editor.readLine(p), clear: () => undefined },
  });
  ref.session = session;
  void session.runInteractive();
  return { world, out, editor, session, journal, start };
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function typeLine(ws: ReturnType<typeof workspace>, line: string) {
  ws.editor.feed(`${line}\r`);
  for (let i = 0; i < 400 && !(ws.editor.isReading && ws.editor.current.text === ''); i++) await pause(2);
}

describe('replayJournal', () => {
  it('rebuilds files, variables and the clock from the journal with the same seed', async () => {
    const live = workspace(3);
    await pause(20);
    await typeLine(live, 'cd /tmp');
    live.world.advance(2000);
    await typeLine(live, "read X <<'EOF'");
    await typeLine(live, 'line one');
    await typeLine(live, 'EOF');
    live.world.advance(500);
    await typeLine(live, 'R=$((6*7))');
    const elapsed = live.world.now() - live.start;

    const again = workspace(3);
    await pause(20);
    await replayJournal(
      live.journal,
      {
        now: () => again.world.now(),
        advance: (ms) => again.world.advance(ms),
        feed: (d) => again.editor.feed(d),
        isReading: () => again.editor.isReading,
        writeFile: () => undefined,
        pause,
      },
      { start: again.start, elapsed },
    );
    const probe = new BufferOutput();
    await again.session.execute('pwd; echo "$X/$R"', { stdout: probe });
    const expected = new BufferOutput();
    await live.session.execute('pwd; echo "$X/$R"', { stdout: expected });
    expect(probe.text).toBe(expected.text);
    expect(probe.text).toMatch(/^\/tmp\nline one\/42\n$/);
    expect(again.world.now()).toBe(live.world.now());
    expect(again.journal).toEqual(live.journal);
  });
});
