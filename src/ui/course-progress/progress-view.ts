/**
 * Renders `CourseStanding` into the landing page's `#course-progress` region: an empty state
 * that points at the first lab, or the course total and, per module, each lab with its tasks
 * done and a link to its lesson. Plain DOM, no framework; re-rendering replaces the content.
 * Like the model, it imports none of the workspace's modules (not even `dom/h.ts`), so the
 * landing page does not load the lab's chunk.
 */
import { taskCount, type CourseStanding, type LabStanding } from './progress-model.ts';

type Child = Node | string;

/** A small element builder: attributes with value undefined are left out. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined>, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}

/** Replaces `root`'s content with `standing`. */
export function renderCourseProgress(root: HTMLElement, standing: CourseStanding): void {
  root.dataset.done = String(standing.done);
  root.dataset.total = String(standing.total);
  root.dataset.started = String(standing.started);
  if (standing.started === 0) {
    root.replaceChildren(emptyState(standing));
    return;
  }
  const labs = standing.modules.reduce((n, m) => n + m.labs.length, 0);
  root.replaceChildren(
    h(
      'p',
      { class: 'cp-total' },
      h('strong', {}, taskCount(standing.done, standing.total)),
      ` across the course’s ${labs} ${labs === 1 ? 'lab' : 'labs'} (${standing.started} started).`,
    ),
    h(
      'ul',
      { class: 'cp-modules' },
      ...standing.modules.map((m) =>
        h('li', { 'data-module': m.id }, h('span', { class: 'cp-module' }, m.title), h('ul', { class: 'cp-labs' }, ...m.labs.map(labItem))),
      ),
    ),
  );
}

function emptyState(standing: CourseStanding): HTMLElement {
  const first = standing.modules.flatMap((m) => m.labs).find((l) => l.lab.href);
  return h(
    'p',
    { class: 'cp-empty' },
    'No labs started yet. ',
    first ? h('span', {}, 'Start with the lab ', h('a', { href: first.lab.href }, first.lab.title), '; ') : '',
    'your progress is kept in this browser and shows here.',
  );
}

function labItem(standing: LabStanding): HTMLElement {
  const { lab, done, total } = standing;
  const complete = total > 0 && done === total;
  const status = complete ? 'complete' : standing.started ? 'started' : 'not started';
  return h(
    'li',
    { 'data-lab-id': lab.id, 'data-done': done, 'data-total': total, 'data-status': status },
    lab.href ? h('a', { href: lab.href }, lab.title) : h('span', {}, lab.title),
    ' ',
    h('progress', { max: Math.max(total, 1), value: done, 'aria-hidden': 'true' }),
    ' ',
    h('span', { class: 'cp-count' }, taskCount(done, total), complete ? ' — complete' : standing.started ? '' : ' — not started'),
  );
}
