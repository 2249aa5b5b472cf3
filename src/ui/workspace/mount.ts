/**
 * Entry of the lab code, imported dynamically by `<Lab>`'s small loader script: mounts a
 * workspace into every lab placeholder on the page, in two boot phases.
 *
 * Phase 1 (this chunk only): the terminal opens, the learner's host boots (`bootLearner`) and the
 * first prompt shows — the learner can type. Phase 2 (`workspace.ts`, loaded right after the
 * prompt, with the shell, and the environment's chunk): the environment, the lab's setup and
 * files (`finishLabWorld`, the grader's own code), a restored lab's journal, then the shell's REPL
 * takes the line typed meanwhile; the lab panel, live view and editor mount. The grader runs
 * the same two phases back-to-back, so the worlds are the same.
 *
 * The lab's element says where it is in `data-state`: `loading`, `prompt` (phase 1 done), then
 * `ready` (phase 2 done) or `setup-failed` (the terminal still works; the lab shows the error).
 */
import '@xterm/xterm/css/xterm.css';
import './workspace.css';
// The lab panel's and live view's styles (both mount in every lab): here they load with the lab;
// imported by their own lazy chunks, Astro would inline them into every page of the site.
import '../lab-panel/lab-panel.css';
import '../diagrams/live-view.css';
import { bootLearner } from '../../emulator/boot.ts';
import { firstPrompt } from './first-prompt.ts';
import type { Completer } from '../terminal/completion/types.ts';
import type { PageLab } from './lab-loader.ts';
import { WorkspaceFrame } from './frame.ts';
import type { startWorkspace, Workspace } from './workspace.ts';

const PANELS = [
  { name: 'tasks', label: 'Lab tasks', waiting: 'Lab tasks: checking…', load: () => import('../lab-panel/lab-panel.ts').then((m) => m.mountLabPanel) },
  { name: 'view', label: 'Live view', waiting: 'Live view: starting…', load: () => import('../diagrams/live-view.ts').then((m) => m.mountLiveView) },
  { name: 'editor', label: 'Editor', waiting: 'Editor: starting…', load: () => import('../editor/editor-panel.ts').then((m) => m.mountEditorPanel) },
] as const;

type Registry = { petlabWorkspaces?: Record<string, Workspace> };

/**
 * Resolves after the browser has painted a frame following the current one (xterm renders in
 * animation frames), or after 200 ms where no frames come (a tab loaded in the background).
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
    setTimeout(resolve, 200);
  });
}

/**
 * Starts fetching all of phase 2's chunks at once (the build lists them in `data-phase-two`,
 * see src/ui/build/lab-preload.mjs), so the shell, the environment and the setup's commands
 * arrive together instead of one import after another.
 */
function preloadPhaseTwo(root: HTMLElement): void {
  for (const href of root.dataset.phaseTwo?.split(' ') ?? []) {
    if (!href || document.head.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/**
 * Mounts the lab of `root` (`data-lab-id`), its definition loaded by `loadBundle` (the loader's
 * `loadLabBundle`); a Reset mounts a fresh one in its place. Resolves once phase 2 is over
 * (also when the lab's setup failed: the workspace then shows why). Rejects when the lab's
 * definition, the terminal or the workspace's code cannot be loaded.
 */
export async function mountLab(root: HTMLElement, loadBundle: (labId: string) => Promise<PageLab | undefined>): Promise<Workspace> {
  const labId = root.dataset.labId ?? 'sandbox';
  const onReset = () => {
    root.dataset.state = 'loading';
    delete (window as Registry).petlabWorkspaces?.[labId];
    void mountLab(root, loadBundle);
  };
  performance.mark('petlab:workspace-module');
  const bundle = labId === 'sandbox' ? undefined : await loadBundle(labId);
  performance.mark('petlab:lab-loaded');
  const seed = bundle?.lab.seed ?? 1;

  // Phase 1: the terminal, the learner's host, the first prompt.
  const frame = new WorkspaceFrame(root, labId, seed, bundle?.lab.title ?? labId);
  performance.mark('petlab:terminal-open');
  const booted = bootLearner({ seed });
  const { record } = frame.store;
  const restoring = record.journal.length > 0;
  let first: Promise<string | null> | undefined;
  if (restoring) {
    // A saved lab: its scrollback now, its prompt once the journal has been replayed.
    frame.terminal.restore(record.scrollback);
    frame.terminal.setMuted(true);
  } else {
    if (record.scrollback) frame.terminal.restore(record.scrollback);
    first = frame.terminal.readLine(firstPrompt(booted.learner.shell));
  }
  // A line submitted before the shell exists is journaled once the workspace does; a Tab
  // pressed meanwhile completes once the lab's world is ready (against that world).
  const early: (string | null)[] = [];
  frame.hooks.onLine = (line) => early.push(line);
  let completerReady!: (completer: Completer | undefined) => void;
  const completer = new Promise<Completer | undefined>((resolve) => (completerReady = resolve));
  frame.hooks.completer = { complete: (request) => completer.then((c) => c?.complete(request) ?? { from: request.cursor, to: request.cursor, candidates: [] }) };
  root.dataset.state = 'prompt';
  const hosts = frame.addPanelHosts(PANELS);
  // Phase 2's first steps (compiling the shell's and the environment's code, building a
  // cluster) hold the main thread for a while: let the prompt reach the screen first.
  await afterNextPaint();
  performance.mark('petlab:prompt-painted');
  preloadPhaseTwo(root);

  // Phase 2.
  let start: typeof startWorkspace;
  try {
    ({ startWorkspace: start } = await import('./workspace.ts'));
  } catch (error) {
    completerReady(undefined);
    frame.notify(`The lab's code could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`);
    root.dataset.state = 'failed';
    throw error;
  }
  const panels = PANELS.map((p) => ({ label: p.label, load: p.load, host: hosts.get(p.name) as HTMLElement }));
  const workspace = await start(frame, booted, { labId, bundle, panels, first, early, onReset });
  completerReady(frame.hooks.completer);
  await workspace.ready;
  root.dataset.state = workspace.setupError === undefined ? 'ready' : 'setup-failed';
  ((window as Registry).petlabWorkspaces ??= {})[labId] = workspace;
  return workspace;
}
