/**
 * The part of a workspace that needs no world: the lab's saved record, the workspace's DOM
 * skeleton in the page and the xterm terminal opened in it. `mountWorkspace` builds it while the
 * lab's world is still being made (its environment's code may still be downloading), so the
 * terminal's start-up cost overlaps that wait instead of following it.
 *
 * The terminal's callbacks (Ctrl-C, journaled lines, Tab) go through `hooks`, which the
 * `Workspace` fills in once the world and the shell exist; before that, Ctrl-C does nothing,
 * lines are not journaled and Tab completes nothing (the shell is not reading yet anyway).
 */
import { h } from '../dom/h.ts';
import { browserStorage, LabStore } from '../persistence/lab-store.ts';
import type { Completer } from '../terminal/completion/types.ts';
import { DARK_THEME, LIGHT_THEME, XtermTerminal } from '../terminal/xterm-terminal.ts';

/** Late-bound terminal callbacks (see the module doc). */
export interface FrameHooks {
  interrupt?: (reading: boolean) => boolean;
  onLine?: (line: string | null) => void;
  completer?: Completer;
}

export class WorkspaceFrame {
  readonly store: LabStore;
  readonly terminal: XtermTerminal;
  readonly hooks: FrameHooks = {};
  /** Where the toolbar goes (empty until the workspace builds it). */
  readonly toolbarSlot: HTMLElement;
  readonly notice: HTMLElement;
  readonly panelsHost: HTMLElement;
  /** What `root` held before (the placeholder), put back by `dispose(true)`. */
  private readonly placeholder: Node[];
  readonly root: HTMLElement;

  /**
   * Replaces `root`'s placeholder with the workspace skeleton and opens the terminal in it. The
   * skeleton is in the document before xterm opens, so xterm measures its cell size and fits its
   * container once, not on a detached element and again after insertion.
   */
  constructor(root: HTMLElement, labId: string, seed: number, title: string) {
    this.root = root;
    this.placeholder = [...root.childNodes];
    this.notice = h('p', { class: 'pl-notice', role: 'status', hidden: true });
    this.store = new LabStore(browserStorage(), labId, seed, (message) => this.notify(message));
    this.toolbarSlot = h('div', { class: 'pl-toolbar', role: 'toolbar', 'aria-label': 'Lab controls' });
    const termHost = h('div', { class: 'pl-terminal' });
    this.panelsHost = h('div', { class: 'pl-panels' });
    root.replaceChildren(this.toolbarSlot, this.notice, h('div', { class: 'pl-main' }, termHost, this.panelsHost));
    root.classList.add('pl-ready');
    const hooks = this.hooks;
    this.terminal = new XtermTerminal(termHost, {
      label: `Terminal of lab ${title}. Press Escape then Tab to leave it.`,
      history: this.store.record.history,
      completer: { complete: (request) => hooks.completer?.complete(request) ?? { from: request.cursor, to: request.cursor, candidates: [] } },
      theme: currentTheme() === 'light' ? LIGHT_THEME : DARK_THEME,
      interrupt: (reading) => hooks.interrupt?.(reading) ?? false,
      onLine: (line) => hooks.onLine?.(line),
    });
  }

  /**
   * Adds a section under the terminal for each panel, holding `waiting` (e.g. "checking…") until
   * the panel mounts into it once the lab's world is ready. Returns the sections by panel name.
   */
  addPanelHosts(panels: readonly { name: string; label: string; waiting: string }[]): Map<string, HTMLElement> {
    const hosts = new Map<string, HTMLElement>();
    for (const panel of panels) {
      const host = h('section', { class: `pl-panel pl-panel-${panel.name}`, 'aria-label': panel.label, 'aria-busy': 'true' }, h('p', { class: 'pl-waiting', role: 'status' }, panel.waiting));
      this.panelsHost.append(host);
      hosts.set(panel.name, host);
    }
    return hosts;
  }

  /** Shows a notice above the terminal (storage problems, a failed restore). */
  notify(message: string): void {
    this.notice.textContent = message;
    this.notice.hidden = false;
  }

  /**
   * Closes the terminal. With `restorePlaceholder` (the world could not be made) the placeholder
   * comes back, so the loader's error message has its place.
   */
  dispose(restorePlaceholder = false): void {
    this.terminal.dispose();
    if (restorePlaceholder) {
      this.root.replaceChildren(...this.placeholder);
      this.root.classList.remove('pl-ready');
    }
  }
}

/** Starlight's current theme. */
export function currentTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}
