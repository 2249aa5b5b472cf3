/**
 * A tiny element builder for the lab UI (no framework): `h('button', { type: 'button',
 * 'aria-pressed': 'false' }, 'Pause')`. Attributes whose value is false or undefined are left out;
 * `true` sets an empty attribute. Functions under `on*` keys are not supported on purpose: every
 * listener goes through `listen` so it has an owner that removes it.
 */
export type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** Adds a listener and returns the function that removes it. */
export function listen<T extends Event>(target: EventTarget, type: string, handler: (event: T) => void, options?: AddEventListenerOptions): () => void {
  const fn = handler as EventListener;
  target.addEventListener(type, fn, options);
  return () => target.removeEventListener(type, fn, options);
}

/** Collects disposers and runs them once, newest first (xterm's Disposable, in small). */
export class Disposer {
  private items: (() => void)[] = [];
  private done = false;

  add(dispose: () => void): void {
    if (this.done) dispose();
    else this.items.push(dispose);
  }

  dispose(): void {
    this.done = true;
    for (const fn of this.items.splice(0).reverse()) {
      try {
        fn();
      } catch {
        // One failing disposer must not keep the others from running.
      }
    }
  }
}
