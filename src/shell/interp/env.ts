/** Shell variables with export marks: the `Environment` a shell and its commands share. */
import type { Environment } from '../types.ts';

export class ShellEnvironment implements Environment {
  private vars = new Map<string, string>();
  private exportedNames = new Set<string>();
  /** Indexed arrays (`a=(x y)`); element 0 is also the plain value `$a`. */
  private arrays = new Map<string, string[]>();

  /** Starts with `initial` variables, all exported (they came from the parent's environment). */
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) {
      this.vars.set(k, v);
      this.exportedNames.add(k);
    }
  }

  get(name: string): string | undefined {
    return this.vars.get(name);
  }
  set(name: string, value: string): void {
    this.vars.set(name, value);
    const array = this.arrays.get(name);
    if (array) array[0] = value;
  }
  unset(name: string): void {
    this.vars.delete(name);
    this.exportedNames.delete(name);
    this.arrays.delete(name);
  }
  /** `name=(values…)`: makes `name` an indexed array. */
  setArray(name: string, values: readonly string[]): void {
    this.arrays.set(name, [...values]);
    if (values.length > 0) this.vars.set(name, values[0]);
    else this.vars.delete(name);
  }
  /** The elements of `name`: its array, a plain variable as one element, or undefined. */
  getArray(name: string): readonly string[] | undefined {
    const array = this.arrays.get(name);
    if (array) return array;
    const v = this.vars.get(name);
    return v === undefined ? undefined : [v];
  }
  export(name: string): void {
    this.exportedNames.add(name);
  }
  isExported(name: string): boolean {
    return this.exportedNames.has(name);
  }
  exported(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of this.exportedNames) {
      const v = this.vars.get(name);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }
  all(): Record<string, string> {
    return Object.fromEntries([...this.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  /** A copy for a subshell: same variables and export marks. */
  clone(): ShellEnvironment {
    const c = new ShellEnvironment();
    c.vars = new Map(this.vars);
    c.exportedNames = new Set(this.exportedNames);
    c.arrays = new Map([...this.arrays].map(([k, v]) => [k, [...v]]));
    return c;
  }
}
