/**
 * The lab workspace in the page, boot phase 2 (see `mount.ts` for phase 1): sets up the lab's
 * environment, setup and files on the world phase 1 booted (`finishLabWorld`, the grader's own
 * code), runs the learner's shell on the xterm terminal, drives the virtual clock in real time,
 * saves and restores the lab, and hosts the lab panel, the live view and (on demand) the editor.
 * Everything it starts it owns: `dispose()` stops timers, observers, listeners, the terminal and
 * the shell loop.
 */
import { setUpEnvironment, type BootedWorld } from '../../emulator/boot.ts';
import { loadEnvironment } from '../../emulator/environment-loaders.ts';
import type { World } from '../../emulator/world.ts';
import { finishLabWorld } from '../../grading/prepare.ts';
import { ShellSession } from '../../shell/session.ts';
import { Disposer, h, listen } from '../dom/h.ts';
import type { LabStore } from '../persistence/lab-store.ts';
import { createCompleter } from '../terminal/completion/index.ts';
import { DARK_THEME, LIGHT_THEME, type XtermTerminal } from '../terminal/xterm-terminal.ts';
import { browserTicker, ClockDriver } from './clock-driver.ts';
import { EarlyPromptTerminal } from './early-prompt.ts';
import type { PageLab } from './lab-loader.ts';
import { prefetchLabCommands } from './prefetch.ts';
import { replayJournal } from './replay.ts';
import { currentTheme, type WorkspaceFrame } from './frame.ts';
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
  /** The lab's definition and files; undefined for the sandbox (a bare Linux host). */
  bundle: PageLab | undefined;
  /** Panels under the terminal (lab panel, live view, editor), each mounted into its `host` when the world is ready. */
  panels?: readonly { label: string; host: HTMLElement; load: () => Promise<Panel> }[];
  /** The read of the prompt phase 1 showed (none when a saved lab is being restored). */
  first?: Promise<string | null>;
  /** Lines submitted before the workspace existed (journaled now, at the lab's start). */
  early?: readonly (string | null)[];
  /** Called after Reset, to mount a fresh workspace in the same root. */
  onReset?: () => void;
}

/**
 * Boot phase 2 on the world `booted` (phase 1), then the workspace on it. Resolves with the
 * workspace (its `ready` resolves at the shell's prompt). When the lab's environment or setup
 * fails, the workspace still starts — on the world as far as it got — and shows the error in
 * the lab (`setupError`), so the terminal is never dead.
 */
export async function startWorkspace(frame: WorkspaceFrame, booted: BootedWorld, options: WorkspaceOptions): Promise<Workspace> {
  performance.mark('petlab:workspace-chunk');
  let world: World;
  let setupError: string | undefined;
  try {
    world = options.bundle ? await finishLabWorld(booted, options.bundle) : setUpEnvironment(booted, await loadEnvironment('linux'));
  } catch (error) {
    setupError = error instanceof Error ? error.message : String(error);
    world = booted.world;
  }
  performance.mark('petlab:world-ready');
  return new Workspace(frame, options, world, setupError);
}

export class Workspace {
  readonly ctx: WorkspaceContext;
  readonly ready: Promise<void>;
  private readonly disposer = new Disposer();
  /** While the journal replays, inputs are not journaled again. */
  private replaying = false;

  /** Why the lab's environment or setup could not be made (the lab shows it); undefined when it was. */
  readonly setupError: string | undefined;

  constructor(frame: WorkspaceFrame, options: WorkspaceOptions, world: World, setupError?: string) {
    const disposer = this.disposer;
    const bundle = options.bundle;
    this.setupError = setupError;
    const { store, terminal } = frame;
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
    const restoring = store.record.journal.length > 0;
    // The line phase 1's prompt read (typed while the lab was being set up) runs at the lab's start.
    for (const v of options.early ?? []) store.append({ t: 0, k: 'line', v });
    const session: ShellSession = new ShellSession({
      world,
      terminal: new EarlyPromptTerminal(terminal, options.first),
      stdout: { write: (d) => terminal.write(d), drain: () => terminal.drain() },
      clock: 'external',
    });
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

    this.ready = this.start(ctx, options, restoring);
  }

  /** Saves the lab now (tests, pagehide). */
  readonly save: () => void;

  private async start(ctx: WorkspaceContext, options: WorkspaceOptions, restoring: boolean): Promise<void> {
    const { terminal, session, store, world, driver } = ctx;
    let stopped = false;
    this.disposer.add(() => {
      stopped = true;
      terminal.editor.cancelRead(null);
    });
    const record = store.record;
    if (this.setupError !== undefined) {
      ctx.notify(`This lab could not be set up: ${this.setupError.trimEnd()}\nThe terminal still works, on the lab's host without the rest of the lab. Reload the page or reset the lab to try again.`);
    }
    void session.runInteractive().then(() => {
      if (!stopped) terminal.write('\r\n[The shell has exited. Reset the lab to start a new one.]\r\n');
    });
    if (restoring) {
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
    }
    if (stopped) return;
    driver.start();
    for (const [i, { label, host, load }] of (options.panels ?? []).entries()) {
      const show = (text: string, role = 'status') => host.replaceChildren(h('p', { class: 'pl-waiting', role }, text));
      if (i === 0 && this.setupError !== undefined) {
        // The lab panel: its checks would only fail against a world that is not the lab's.
        show(`${label}: not checked, because this lab could not be set up: ${this.setupError}`, 'alert');
        host.removeAttribute('aria-busy');
        continue;
      }
      load()
        .then((mount) => {
          if (stopped) return;
          host.replaceChildren();
          host.removeAttribute('aria-busy');
          return mount(ctx, host);
        })
        .catch((error: unknown) => show(`${label} could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
    }
    performance.mark('petlab:lab-ready');
    // The commands the lab needs, at idle, so it works offline once loaded.
    if (ctx.bundle) prefetchLabCommands(ctx.bundle, this.disposer);
  }

  dispose(): void {
    this.disposer.dispose();
  }
}

