/**
 * `createLabRuntime`: a lab running against a live world, for any view (the lab panel, a test,
 * a terminal UI). Framework-free: it re-runs the checks whenever the world reports a change,
 * keeps which hints were revealed (one at a time, gentlest first), and tells subscribers when
 * anything they would render changed. The page and `petlab grade` share `evaluateTasks`, so a
 * task shows "done" in the page exactly when CI would pass it.
 */
import type { World } from '../emulator/world.ts';
import { evaluateTasks } from './evaluate.ts';
import type { Lab } from './lab-schema.ts';
import type { TaskResult, TaskStatus } from './results.ts';

/** One task as a view renders it. */
export interface TaskView {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  /** The check's message (what is missing, or what was found). */
  message: string;
  score: number;
  max: number;
  /** Hints revealed so far, in order. */
  hints: readonly string[];
  /** How many more hints can be revealed. */
  hintsLeft: number;
}

/** Everything a view renders, as one immutable snapshot. */
export interface LabRuntimeState {
  tasks: readonly TaskView[];
  score: number;
  max: number;
  /** True when every task passes. */
  complete: boolean;
}

export interface LabRuntimeOptions {
  /** The learner's home for checks. @default lab.home */
  home?: string;
  /** Hints already revealed per task id (restored progress). @default none */
  revealedHints?: Readonly<Record<string, number>>;
}

export interface LabRuntime {
  readonly lab: Lab;
  /** The current snapshot (re-evaluated after every world change). */
  state(): LabRuntimeState;
  /** Reveals the next hint of `taskId`; returns it, or undefined when none is left. */
  revealHint(taskId: string): string | undefined;
  /** Hints revealed per task, for storing progress. */
  revealedHints(): Record<string, number>;
  /** Re-runs the checks now (the runtime also does so on every `world.onChange`). */
  refresh(): void;
  /** Calls `listener` after each change of the snapshot; returns an unsubscribe function. */
  subscribe(listener: (state: LabRuntimeState) => void): () => void;
  /** Stops listening to the world. Idempotent. */
  dispose(): void;
}

/** Starts a runtime for `lab` over `world`. Checks never throw out of it (see `runCheck`). */
export function createLabRuntime(lab: Lab, world: World, options: LabRuntimeOptions = {}): LabRuntime {
  const ctx = { world, home: options.home ?? lab.home };
  const revealed = new Map<string, number>();
  for (const task of lab.tasks) revealed.set(task.id, Math.min(Math.max(0, options.revealedHints?.[task.id] ?? 0), task.hints.length));
  const listeners = new Set<(state: LabRuntimeState) => void>();
  let results: TaskResult[] = evaluateTasks(lab, ctx);
  let snapshot = build();
  let key = JSON.stringify(snapshot);

  function build(): LabRuntimeState {
    const tasks = lab.tasks.map((task, i): TaskView => {
      const r = results[i];
      const shown = revealed.get(task.id) ?? 0;
      return { id: task.id, title: task.title, description: task.description, status: r.status, message: r.message, score: r.score, max: r.max, hints: task.hints.slice(0, shown), hintsLeft: task.hints.length - shown };
    });
    const score = tasks.reduce((s, t) => s + t.score, 0);
    const max = tasks.reduce((s, t) => s + t.max, 0);
    return { tasks, score, max, complete: tasks.every((t) => t.status === 'pass') };
  }

  function publish(): void {
    const next = build();
    const nextKey = JSON.stringify(next);
    if (nextKey === key) return;
    snapshot = next;
    key = nextKey;
    for (const listener of [...listeners]) listener(snapshot);
  }

  function refresh(): void {
    results = evaluateTasks(lab, ctx);
    publish();
  }

  let stop: (() => void) | undefined = world.onChange(refresh);

  return {
    lab,
    state: () => snapshot,
    revealHint(taskId) {
      const task = lab.tasks.find((t) => t.id === taskId);
      if (!task) return undefined;
      const shown = revealed.get(taskId) ?? 0;
      if (shown >= task.hints.length) return undefined;
      revealed.set(taskId, shown + 1);
      publish();
      return task.hints[shown];
    },
    revealedHints: () => Object.fromEntries(revealed),
    refresh,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stop?.();
      stop = undefined;
      listeners.clear();
    },
  };
}
