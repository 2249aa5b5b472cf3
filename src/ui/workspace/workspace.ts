/**
 * The lab workspace in the page: builds the lab's world, runs the learner's shell on an xterm
 * terminal, drives the virtual clock in real time, saves and restores the lab, and hosts the lab
 * panel, the live view and (on demand) the editor. Everything it starts it owns: `dispose()`
 * stops timers, observers, listeners, the terminal and the shell loop.
 */
import '@xterm/xterm/css/xterm.css';
import './workspace.css';
import { prepareWorld } from '../../grading/prepare.ts';
import { loadWorld } from '../../emulator/environment-loaders.ts';
import type { World } from '../../emulator/world.ts';
import { ShellSession } from '../../shell/session.ts';
import { Disposer, h, listen } from '../dom/h.ts';
import type { LabStore } from '../persistence/lab-store.ts';
import { createCompleter } from '../terminal/completion/index.ts';
import { DARK_THEME, LIGHT_THEME, type XtermTerminal } from '../terminal/xterm-terminal.ts';
import { browserTicker, ClockDriver } from './clock-driver.ts';
import type { PageLab } from './lab-loader.ts';
import { replayJournal } from './replay.ts';
import { currentTheme, WorkspaceFrame } from './frame.ts';
import { buildToolbar } from './toolbar.ts';
import { worldSources } from './world-sources.ts';

export interface WorkspaceContext {
  readonly root: HTMLElement;
  readonly labId: string;
  readonly bundle: PageLab | undefined;
  readonly world: World;
  readonly session: ShellSession;
  readonly terminal: XtermTerminal;
  readonly store: LabStore;
  readonly driver: ClockDriver;
  readonly disposer: Disposer;
  /** Writes a file into the world as the editor's Save does, and journals it. */
  saveFile(path: string, content: string): void;
  /** Types a command into the terminal as if the learner did (the editor's Apply). */
  typeCommand(line: string): void;
  /** Shows a notice above the terminal (storage problems). */
  notify(message: string): void;
  /** Panels register their own teardown here. */
  readonly startedAt: number;
}

/** Parts of the workspace that load separately (lab panel, live view, editor). */
export type Panel = (ctx: WorkspaceContext, host: HTMLElement) => void | Promise<void>;

export interface WorkspaceOptions {
  labId: string;
  /**
   * Loads the lab's definition and files (`<Lab>`'s loader passes its `loadLabBundle`, which
   * already started loading them; the workspace does not import the loader, so the loader's
   * chunk stays small).
   */
  loadBundle: (labId: string) => Promise<PageLab | undefined>;
  /** Extra panels under the terminal (the lab panel, the live view). */
  panels?: readonly { name: string; label: string; load: () => Promise<Panel> }[];
  /** Called after Reset, to mount a fresh workspace in the same root. */
  onReset?: () => void;
}

/**
 * Mounts the workspace into `root` (replacing its placeholder). Resolves once the workspace is
 * built (`ready` then resolves at the prompt); rejects, with the placeholder back in place, when
 * the lab's world cannot be made.
 */
export async function mountWorkspace(root: HTMLElement, options: WorkspaceOptions): Promise<Workspace> {
  performance.mark('petlab:workspace-module');
  const bundle = options.labId === 'sandbox' ? undefined : await options.loadBundle(options.labId);
  performance.mark('petlab:lab-loaded');
  const seed = bundle?.lab.seed ?? 1;
  // Start making the world (its environment's code may still be loading), open the terminal
  // meanwhile, then wait for the world.
  const world = bundle ? prepareWorld(bundle, seed) : loadWorld({ seed, environment: 'linux' });
  let frame: WorkspaceFrame;
  try {
    frame = new WorkspaceFrame(root, options.labId, seed, bundle?.lab.title ?? options.labId);
  } catch (error) {
    world.catch(() => undefined); // the frame's error is the one to report
    throw error;
  }
  performance.mark('petlab:terminal-open');
  try {
    const ready = await world;
    performance.mark('petlab:world-ready');
    return new Workspace(frame, options, bundle, ready);
  } catch (error) {
    frame.dispose(true);
    throw error;
  }
}

export class Workspace {
  readonly ctx: WorkspaceContext;
  readonly ready: Promise<void>;
  private readonly disposer = new Disposer();
  /** While the journal replays, inputs are not journaled again. */
  private replaying = false;

  constructor(frame: WorkspaceFrame, options: WorkspaceOptions, bundle: PageLab | undefined, world: World) {
    const disposer = this.disposer;
    const { store, terminal, panelsHost } = frame;
    const root = frame.root;
    const notify = (message: string) => frame.notify(message);
    const startedAt = world.now();
    disposer.add(() => frame.dispose());
    frame.hooks.interrupt = (): boolean => {
      if (!this.replaying) store.append({ t: world.now() - startedAt, k: 'int' });
      const running = session.foreground.current() !== undefined;
      if (running) session.interrupt();
      return running;
    };
    frame.hooks.onLine = (v) => {
      if (!this.replaying) store.append({ t: world.now() - startedAt, k: 'line', v });
    };
    const session: ShellSession = new ShellSession({ world, terminal, stdout: { write: (d) => terminal.write(d), drain: () => terminal.drain() }, clock: 'external' });
    frame.hooks.completer = createCompleter(worldSources(session, bundle?.lab.environment));

    const driver = new ClockDriver(world, browserTicker);
    disposer.add(() => driver.dispose());

    const ctx: WorkspaceContext = {
      root,
      labId: options.labId,
      bundle,
      world,
      session,
      terminal,
      store,
      driver,
      disposer,
      startedAt,
      notify,
      saveFile(path, content) {
        const fs = session.process.fs;
        const dir = path.slice(0, path.lastIndexOf('/'));
        if (dir) fs.mkdir(dir, { recursive: true });
        fs.writeFile(path, content);
        store.append({ t: world.now() - startedAt, k: 'file', path, content });
        world.markChanged();
      },
      typeCommand(line) {
        terminal.editor.feed(`\x15${line}\r`);
        terminal.focus();
      },
    };
    this.ctx = ctx;

    const toolbar = buildToolbar(ctx, {
      onReset: () => {
        store.clear();
        this.dispose();
        options.onReset?.();
      },
    });
    frame.toolbarSlot.replaceWith(toolbar);

    // Follow Starlight's theme switch.
    const themeObserver = new MutationObserver(() => terminal.setTheme(currentTheme() === 'light' ? LIGHT_THEME : DARK_THEME));
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    disposer.add(() => themeObserver.disconnect());

    // Save now and then, and when the page goes away.
    const save = () => {
      store.update({ elapsed: world.now() - startedAt, scrollback: terminal.getScrollback(), history: [...terminal.editor.history.entries] });
      store.save();
    };
    const saveTimer = setInterval(save, 2000);
    disposer.add(() => clearInterval(saveTimer));
    disposer.add(listen(window, 'pagehide', save));
    disposer.add(listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && save()));
    this.save = save;
    performance.mark('petlab:workspace-built');

    this.ready = this.start(ctx, panelsHost, options);
  }

  /** Saves the lab now (tests, pagehide). */
  readonly save: () => void;

  private async start(ctx: WorkspaceContext, panelsHost: HTMLElement, options: WorkspaceOptions): Promise<void> {
    const { terminal, session, store, world, driver } = ctx;
    let stopped = false;
    this.disposer.add(() => {
      stopped = true;
      terminal.editor.cancelRead(null);
    });
    const record = store.record;
    if (record.journal.length > 0) {
      terminal.restore(record.scrollback);
      terminal.setMuted(true);
    }
    void session.runInteractive().then(() => {
      if (!stopped) terminal.write('\r\n[The shell has exited. Reset the lab to start a new one.]\r\n');
    });
    if (record.journal.length > 0) {
      this.replaying = true;
      try {
        await replayJournal(
          [...record.journal],
          {
            now: () => world.now(),
            advance: (ms) => world.advance(ms),
            feed: (d) => terminal.editor.feed(d),
            isReading: () => terminal.editor.isReading,
            writeFile: (path, content) => {
              const fs = session.process.fs;
              fs.writeFile(path, content);
            },
            pause: (ms) => new Promise((r) => setTimeout(r, ms)),
          },
          { start: ctx.startedAt, elapsed: record.elapsed },
        );
      } catch (error) {
        ctx.notify(`Restoring this lab failed (${error instanceof Error ? error.message : String(error)}); you may need to reset it.`);
      } finally {
        this.replaying = false;
      }
      terminal.setMuted(false);
      terminal.editor.redraw();
    } else if (record.scrollback) {
      terminal.restore(record.scrollback);
    }
    if (stopped) return;
    driver.start();
    for (const panel of options.panels ?? []) {
      const host = h('section', { class: `pl-panel pl-panel-${panel.name}`, 'aria-label': panel.label });
      panelsHost.append(host);
      panel
        .load()
        .then((mount) => !stopped && mount(ctx, host))
        .catch((error: unknown) => {
          host.textContent = `${panel.label} could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
        });
    }
  }

  dispose(): void {
    this.disposer.dispose();
  }
}

