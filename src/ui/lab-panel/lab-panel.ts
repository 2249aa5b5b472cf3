/**
 * The lab panel in the page: the lab's tasks with live status (re-checked as the world changes),
 * hints revealed one at a time, "Show solution" behind a spoiler warning, completion, and
 * "Download submission". Renders `LabPanelStore`; its timer and listeners belong to the
 * workspace's disposer.
 */
import { evaluateTasks } from '../../grading/evaluate.ts';
import { h, listen } from '../dom/h.ts';
import type { WorkspaceContext } from '../workspace/workspace.ts';
import { buildSubmission, LabPanelStore, type LabPanelState } from './lab-panel-store.ts';
// Its stylesheet comes with the workspace's (mount.ts): a lazy chunk's small CSS would be inlined
// into every page by Astro, lessons without a lab included.

const STATUS_TEXT = { pass: 'Done', fail: 'Not done yet', skipped: 'Waiting for an earlier task' } as const;
const STATUS_ICON = { pass: '✓', fail: '○', skipped: '·' } as const;

export function mountLabPanel(ctx: WorkspaceContext, host: HTMLElement): void {
  const { bundle, world, store, disposer } = ctx;
  if (!bundle) {
    host.append(h('p', {}, 'A sandbox: a Linux host to try things on. Nothing is checked here.'));
    return;
  }
  const { lab } = bundle;
  const panel = new LabPanelStore(
    lab,
    () => evaluateTasks(lab, { world, home: lab.home }),
    store.record.progress,
    (progress) => store.update({ progress }),
  );

  const score = h('p', { class: 'pl-score', role: 'status' });
  const list = h('ol', { class: 'pl-tasks' });
  const complete = h('p', { class: 'pl-complete', hidden: true }, '🎉 Lab complete: every task passes.');
  const solutionBox = h('div', { class: 'pl-solution' });
  const download = h('button', { type: 'button', class: 'pl-button' }, 'Download submission');
  host.append(h('h3', {}, lab.title), h('p', {}, lab.summary), score, complete, list, solutionBox, download);

  const rows = new Map<string, { item: HTMLLIElement; status: HTMLElement; message: HTMLElement; hints: HTMLOListElement; more: HTMLButtonElement }>();
  for (const task of lab.tasks) {
    const status = h('span', { class: 'pl-status' });
    const message = h('p', { class: 'pl-check' });
    const hints = h('ol', { class: 'pl-hints', 'aria-label': `Hints for ${task.title}` });
    const more = h('button', { type: 'button', class: 'pl-button pl-hint-button' });
    const item = h('li', { class: 'pl-task', 'data-task-id': task.id }, h('p', { class: 'pl-task-title' }, status, ' ', h('strong', {}, task.title)), h('p', {}, task.description), message, hints, more);
    list.append(item);
    rows.set(task.id, { item, status, message, hints, more });
    disposer.add(
      listen(more, 'click', () => {
        panel.revealHint(task.id);
        (hints.lastElementChild as HTMLElement | null)?.focus();
      }),
    );
  }

  const showSolution = h('button', { type: 'button', class: 'pl-button' }, 'Show solution');
  solutionBox.append(showSolution);
  disposer.add(
    listen(showSolution, 'click', () => {
      const yes = h('button', { type: 'button', class: 'pl-button pl-danger' }, 'Yes, show the solution');
      const no = h('button', { type: 'button', class: 'pl-button' }, 'Cancel');
      const warning = h('div', { class: 'pl-spoiler', role: 'alertdialog', 'aria-label': 'Spoiler warning' }, h('p', {}, 'Spoiler: this shows every command of the reference solution. Try the hints first?'), yes, no);
      solutionBox.replaceChildren(warning);
      yes.focus();
      const offYes = listen(yes, 'click', () => panel.showSolution());
      const offNo = listen(no, 'click', () => {
        solutionBox.replaceChildren(showSolution);
        showSolution.focus();
      });
      disposer.add(offYes);
      disposer.add(offNo);
    }),
  );

  disposer.add(
    listen(download, 'click', () => {
      const blob = new Blob([buildSubmission(lab.id, store.record.seed, store.record.journal)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `${lab.id}-submission.json` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }),
  );

  const render = (state: LabPanelState) => {
    const done = state.results.filter((r) => r.status === 'pass').length;
    score.textContent = `${done} of ${state.results.length} tasks done · ${state.score}/${state.max} points`;
    complete.hidden = !state.complete;
    for (const result of state.results) {
      const row = rows.get(result.id);
      const task = lab.tasks.find((t) => t.id === result.id);
      if (!row || !task) continue;
      row.item.dataset.status = result.status;
      row.status.textContent = STATUS_ICON[result.status];
      row.status.setAttribute('aria-label', STATUS_TEXT[result.status]);
      row.status.setAttribute('role', 'img');
      row.message.textContent = result.status === 'pass' ? `Done: ${result.message}` : result.message;
      const shown = state.hints[task.id] ?? 0;
      while (row.hints.children.length < shown) row.hints.append(h('li', { tabindex: -1 }, task.hints[row.hints.children.length]));
      row.more.hidden = shown >= task.hints.length;
      row.more.textContent = `Show a hint (${shown + 1} of ${task.hints.length})`;
    }
    if (state.solutionShown && !solutionBox.querySelector('pre')) {
      const text = h('pre', { class: 'pl-solution-text', tabindex: 0 }, 'Loading…');
      solutionBox.replaceChildren(h('p', {}, 'Reference solution:'), text);
      bundle.solution().then(
        (solution) => (text.textContent = solution),
        (error: unknown) => (text.textContent = `The solution could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  };
  disposer.add(panel.subscribe(render));
  render(panel.state);

  // Re-check a moment after the world changes (checks are cheap, but not every frame).
  let timer: ReturnType<typeof setTimeout> | undefined;
  disposer.add(
    world.onChange(() => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        panel.refresh();
      }, 250);
    }),
  );
  disposer.add(() => clearTimeout(timer));
}
