/**
 * The live view in the page: the SVG diagram of the world, its text alternative, and the event
 * timeline. Redrawn (at most a few times a second) when the world changes and the model differs;
 * keyboard focus stays on the same chip across redraws. The Kubernetes and Docker readers load
 * only when the world has a cluster or an engine (`world-readers.ts`).
 */
import { h } from '../dom/h.ts';
import type { WorkspaceContext } from '../workspace/workspace.ts';
import { describeModel } from './describe.ts';
import { readWorld } from './read-world.ts';
import { worldReaders } from './world-readers.ts';
import { NARROW_WIDTH, renderSvg, WIDTH } from './render-svg.ts';
import { rovingFocus } from './roving.ts';
import { timeline } from './timeline.ts';
// Its stylesheet comes with the workspace's (mount.ts): a lazy chunk's small CSS would be inlined
// into every page by Astro, lessons without a lab included.

let counter = 0;

export function mountLiveView(ctx: WorkspaceContext, host: HTMLElement): void {
  const { world, disposer } = ctx;
  const id = `pl-lv-${++counter}`;
  const title = h('h3', { id }, 'Live view');
  const figure = h('div', { class: 'lv-figure' });
  const keys = h('p', { id: `${id}-keys`, class: 'lv-keys' }, 'Tab moves into the diagram; the arrow keys, Home and End move between its items.');
  const text = h('ul', { class: 'lv-text' });
  const events = h('ol', { class: 'lv-events', 'aria-label': 'Event timeline, newest last', tabindex: '0' });
  host.append(
    title,
    keys,
    figure,
    h('details', { class: 'lv-details' }, h('summary', {}, 'Text description'), text),
    h('details', { class: 'lv-details', open: true }, h('summary', {}, 'Event timeline'), events),
  );

  let lastSvg = '';
  // the diagram's one tab stop, kept across redraws
  let stop: string | undefined;
  disposer.add(rovingFocus(figure, (key) => (stop = key)));
  let lastEvent = 0;
  let disposed = false;
  disposer.add(() => (disposed = true));
  const readers = worldReaders(world, ctx.bundle?.lab.environment ?? 'linux', () => {
    if (!disposed) draw();
  });
  // Below what the wide layout needs (its CSS min-width, 34rem), draw two chips a row at
  // 1:1 scale instead of scrolling sideways (a 360 px phone).
  const narrow = () => figure.clientWidth > 0 && figure.clientWidth < 34 * 16;
  const draw = () => {
    const model = readWorld(world, readers.current());
    const svg = renderSvg(model, id, narrow() ? NARROW_WIDTH : WIDTH, stop);
    if (svg !== lastSvg) {
      const focused = (document.activeElement as Element | null)?.closest?.('[data-key]')?.getAttribute('data-key');
      figure.innerHTML = svg;
      lastSvg = svg;
      keys.hidden = !svg.includes('tabindex="0"'); // nothing to move between yet
      text.replaceChildren(...describeModel(model).map((s) => h('li', {}, s)));
      if (focused && figure.contains(document.activeElement) === false) {
        (figure.querySelector(`[data-key="${CSS.escape(focused)}"]`) as SVGGElement | null)?.focus();
      }
    }
    const all = world.events.list();
    const newest = all.length > 0 ? all[all.length - 1].seq : 0;
    if (newest !== lastEvent) {
      lastEvent = newest;
      const atBottom = events.scrollTop + events.clientHeight >= events.scrollHeight - 4;
      events.replaceChildren(...timeline(all).map((e) => h('li', {}, h('time', {}, e.time), ' ', e.message)));
      if (atBottom) events.scrollTop = events.scrollHeight;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  disposer.add(
    world.onChange(() => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        draw();
      }, 200);
    }),
  );
  disposer.add(() => clearTimeout(timer));
  let wasNarrow = narrow();
  const resize = new ResizeObserver(() => {
    if (narrow() === wasNarrow) return;
    wasNarrow = narrow();
    draw();
  });
  resize.observe(figure);
  disposer.add(() => resize.disconnect());
  draw();
}
