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
import { browserStorage, LabStore } from '../persistence/lab-store.ts';
import { createCompleter, type Completer } from '../terminal/completion/index.ts';
import { DARK_THEME, LIGHT_THEME, XtermTerminal } from '../terminal/xterm-terminal.ts';
import { browserTicker, ClockDriver } from './clock-driver.ts';
import { loadLabBundle, type PageLab } from './lab-loader.ts';
import { replayJournal } from './replay.ts';
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
  /** Extra panels under the terminal (the lab panel, the live view). */
  panels?: readonly { name: string; label: string; load: () => Promise<Panel> }[];
  /** Called after Reset, to mount a fresh workspace in the same root. */
  onReset?: () => void;
}

/** Mounts the workspace into `root` (replacing its placeholder). Resolves once the prompt shows. */
export async function mountWorkspace(root: HTMLElement, options: WorkspaceOptions): Promise<Workspace> {
  performance.mark('petlab:workspace-module');
  const bundle = options.labId === 'sandbox' ? undefined : await loadLabBundle(options.labId);
  performance.mark('petlab:lab-loaded');
  const seed = bundle?.lab.seed ?? 1;
  const world = bundle ? await prepareWorld(bundle, seed) : await loadWorld({ seed, environment: 'linux' });
  performance.mark('petlab:world-ready');
  return new Workspace(root, options, bundle, world, seed);
}

export class Workspace {
  readonly ctx: WorkspaceContext;
  readonly ready: Promise<void>;
  private readonly disposer = new Disposer();
  /** While the journal replays, inputs are not journaled again. */
  private replaying = false;

  constructor(root: HTMLElement, options: WorkspaceOptions, bundle: PageLab | undefined, world: World, seed: number) {
    const disposer = this.disposer;
    const notice = h('p', { class: 'pl-notice', role: 'status', hidden: true });
    const notify = (message: string) => {
      notice.textContent = message;
      notice.hidden = false;
    };
    const store = new LabStore(browserStorage(), options.labId, seed, notify);
    const startedAt = world.now();
    const termHost = h('div', { class: 'pl-terminal' });
    const panelsHost = h('div', { class: 'pl-panels' });
    root.replaceChildren();
    root.classList.add('pl-ready');

    const terminal: XtermTerminal = new XtermTerminal(termHost, {
      label: `Terminal of lab ${bundle?.lab.title ?? options.labId}. Press Escape then Tab to leave it.`,
      history: store.record.history,
      completer: { complete: (request) => completer.complete(request) },
      theme: currentTheme() === 'light' ? LIGHT_THEME : DARK_THEME,
      interrupt: (): boolean => {
        if (!this.replaying) store.append({ t: world.now() - startedAt, k: 'int' });
        const running = session.foreground.current() !== undefined;
        if (running) session.interrupt();
        return running;
      },
      onLine: (v) => {
        if (!this.replaying) store.append({ t: world.now() - startedAt, k: 'line', v });
      },
    });
    disposer.add(() => terminal.dispose());
    const session: ShellSession = new ShellSession({ world, terminal, stdout: { write: (d) => terminal.write(d) }, clock: 'external' });
    const completer: Completer = createCompleter(worldSources(session, bundle?.lab.environment));

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
    root.append(toolbar, notice, h('div', { class: 'pl-main' }, termHost, panelsHost));
    terminal.refit();

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

function currentTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}
