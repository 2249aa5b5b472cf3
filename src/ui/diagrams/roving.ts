/**
 * Keyboard movement inside the live view: the diagram is one tab stop and the arrow keys move
 * between its items in reading order (WAI-ARIA's roving tabindex), so Tab leaves it in one
 * press however many pods it draws.
 */

/**
 * The index to focus after `key` on item `at` of `count`, or undefined when the key does not
 * move (another key, or already at that end): → and ↓ next, ← and ↑ previous, Home first,
 * End last.
 */
export function moveIndex(key: string, at: number, count: number): number | undefined {
  let next: number;
  if (key === 'ArrowRight' || key === 'ArrowDown') next = at + 1;
  else if (key === 'ArrowLeft' || key === 'ArrowUp') next = at - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = count - 1;
  else return undefined;
  return next >= 0 && next < count && next !== at ? next : undefined;
}

/**
 * Wires the roving tab stop on `root` (whose items carry `data-key`): focusing an item makes it
 * the tab stop, the arrow keys and Home/End move focus. `onStop` hears the key of the new stop,
 * so a redraw can keep it. Returns the function removing the listeners.
 */
export function rovingFocus(root: HTMLElement, onStop: (key: string) => void): () => void {
  const items = () => [...root.querySelectorAll<SVGElement>('[data-key]')];
  const focusin = (event: FocusEvent) => {
    const item = (event.target as Element | null)?.closest?.('[data-key]');
    if (!item) return;
    for (const other of items()) other.setAttribute('tabindex', other === item ? '0' : '-1');
    onStop(item.getAttribute('data-key') ?? '');
  };
  const keydown = (event: KeyboardEvent) => {
    const item = (event.target as Element | null)?.closest?.('[data-key]');
    if (!item) return;
    const all = items();
    const next = moveIndex(event.key, all.indexOf(item as SVGElement), all.length);
    if (next === undefined) return;
    event.preventDefault();
    all[next].focus();
  };
  root.addEventListener('focusin', focusin);
  root.addEventListener('keydown', keydown);
  return () => {
    root.removeEventListener('focusin', focusin);
    root.removeEventListener('keydown', keydown);
  };
}
