/**
 * The lab's controls: pause/resume and fast-forward the virtual clock, the virtual time, full
 * screen (split view beside the lesson), the terminal's screen-reader mode, Reset (after a
 * confirmation) and the keyboard help. Listeners are owned by the workspace's disposer.
 */
import { h, listen } from '../dom/h.ts';
import type { WorkspaceContext } from './workspace.ts';

export interface ToolbarActions {
  onReset(): void;
}

/** Formats virtual time as the clock of the lab (UTC, like the world's hosts). */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function buildToolbar(ctx: WorkspaceContext, actions: ToolbarActions): HTMLElement {
  const { driver, world, terminal, disposer, root } = ctx;
  const button = (label: string, attrs: Record<string, string> = {}) => h('button', { type: 'button', class: 'pl-button', ...attrs }, label);
  const pause = button('Pause', { 'aria-pressed': 'false', title: 'Pause or resume the lab’s clock' });
  const fast = button('Fast-forward ×10', { 'aria-pressed': 'false', title: 'Run the lab’s clock ten times faster' });
  const clock = h('span', { class: 'pl-clock', title: 'Time in the lab' }, formatClock(world.now()));
  const full = button('Full screen', { 'aria-pressed': 'false' });
  const reader = button('Screen reader mode', { 'aria-pressed': 'false', title: 'Make the terminal readable by screen readers' });
  const reset = button('Reset lab', { class: 'pl-button pl-danger' });
  const help = h(
    'details',
    { class: 'pl-help' },
    h('summary', {}, 'Keyboard help'),
    h(
      'ul',
      {},
      h('li', {}, h('kbd', {}, 'Tab'), ' completes commands, files and names; press it twice to list the choices.'),
      h('li', {}, 'To leave the terminal with the keyboard, press ', h('kbd', {}, 'Esc'), ' then ', h('kbd', {}, 'Tab'), ' (or ', h('kbd', {}, 'Shift+Tab'), ').'),
      h('li', {}, h('kbd', {}, 'Ctrl+C'), ' stops the running command (copies instead when text is selected); ', h('kbd', {}, 'Ctrl+Shift+C'), ' / ', h('kbd', {}, 'Ctrl+Shift+V'), ' copy and paste.'),
      h('li', {}, h('kbd', {}, '↑'), ' ', h('kbd', {}, '↓'), ' walk the history; ', h('kbd', {}, 'Ctrl+R'), ' searches it; ', h('kbd', {}, 'Ctrl+A'), ' ', h('kbd', {}, 'Ctrl+E'), ' ', h('kbd', {}, 'Ctrl+U'), ' ', h('kbd', {}, 'Ctrl+K'), ' ', h('kbd', {}, 'Ctrl+W'), ' ', h('kbd', {}, 'Alt+B'), ' ', h('kbd', {}, 'Alt+F'), ' edit the line as in bash; ', h('kbd', {}, 'Ctrl+L'), ' clears the screen.'),
      h('li', {}, 'The lab’s clock runs in real time: pause it to read, fast-forward to wait less. Your work is saved in this browser.'),
    ),
  );

  const sync = () => {
    const { running, speed } = driver.state;
    pause.textContent = running ? 'Pause' : 'Resume';
    pause.setAttribute('aria-pressed', String(!running));
    fast.setAttribute('aria-pressed', String(speed === 10));
  };
  disposer.add(driver.subscribe(sync));
  disposer.add(listen(pause, 'click', () => (driver.state.running ? driver.pause() : driver.start())));
  disposer.add(listen(fast, 'click', () => driver.setSpeed(driver.state.speed === 10 ? 1 : 10)));
  disposer.add(
    listen(reader, 'click', () => {
      const on = reader.getAttribute('aria-pressed') !== 'true';
      reader.setAttribute('aria-pressed', String(on));
      terminal.setScreenReaderMode(on);
    }),
  );
  disposer.add(
    listen(full, 'click', () => {
      const on = !root.classList.contains('pl-split');
      root.classList.toggle('pl-split', on);
      document.documentElement.classList.toggle('pl-split-page', on);
      full.setAttribute('aria-pressed', String(on));
      full.textContent = on ? 'Exit full screen' : 'Full screen';
      requestAnimationFrame(() => terminal.refit());
    }),
  );
  disposer.add(() => document.documentElement.classList.remove('pl-split-page'));
  disposer.add(
    listen(reset, 'click', () => {
      if (window.confirm('Reset this lab? Your commands, files and progress in it will be lost.')) actions.onReset();
    }),
  );

  // The clock display follows virtual time at most once per animation frame.
  let frame = 0;
  disposer.add(
    world.onChange(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        clock.textContent = formatClock(world.now());
      });
    }),
  );
  disposer.add(() => cancelAnimationFrame(frame));
  sync();
  return h('div', { class: 'pl-toolbar', role: 'toolbar', 'aria-label': 'Lab controls' }, pause, fast, clock, full, reader, reset, help);
}
