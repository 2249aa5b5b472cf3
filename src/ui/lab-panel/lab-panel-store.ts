/**
 * The lab panel's state, framework-free: the tasks' live results (re-evaluated when the world
 * changes), how many hints of each task are revealed, whether the solution was shown, and which
 * tasks were ever completed. The DOM panel only renders it; tests drive it with a fake evaluator.
 */
import type { Lab } from '../../grading/lab-schema.ts';
import type { TaskResult } from '../../grading/results.ts';
import type { JournalEntry, LabProgress } from '../persistence/lab-store.ts';

export interface LabPanelState {
  readonly results: readonly TaskResult[];
  readonly hints: Readonly<Record<string, number>>;
  readonly solutionShown: boolean;
  /** Every task passes now. */
  readonly complete: boolean;
  readonly score: number;
  readonly max: number;
}

export class LabPanelStore {
  readonly lab: Lab;
  private readonly evaluate: () => TaskResult[];
  private readonly progress: LabProgress;
  private readonly onProgress: (progress: LabProgress) => void;
  private results: TaskResult[] = [];
  private listeners = new Set<(state: LabPanelState) => void>();

  /**
   * @param evaluate runs the lab's checks against the live world (`evaluateTasks`)
   * @param progress restored progress; updated in place and reported through `onProgress`
   */
  constructor(lab: Lab, evaluate: () => TaskResult[], progress: LabProgress, onProgress: (p: LabProgress) => void = () => undefined) {
    this.lab = lab;
    this.evaluate = evaluate;
    this.progress = progress;
    this.onProgress = onProgress;
    this.refresh();
  }

  get state(): LabPanelState {
    const score = this.results.reduce((sum, r) => sum + r.score, 0);
    const max = this.results.reduce((sum, r) => sum + r.max, 0);
    return {
      results: this.results,
      hints: this.progress.hints,
      solutionShown: this.progress.solutions.includes('*'),
      complete: this.results.length > 0 && this.results.every((r) => r.status === 'pass'),
      score,
      max,
    };
  }

  /** Re-runs the checks; notifies only when a status or message changed. */
  refresh(): void {
    const next = this.evaluate();
    const same =
      next.length === this.results.length &&
      next.every((r, i) => r.status === this.results[i].status && r.message === this.results[i].message);
    if (same) return;
    this.results = next;
    const newlyDone = next.filter((r) => r.status === 'pass' && !this.progress.done.includes(r.id)).map((r) => r.id);
    if (newlyDone.length > 0) {
      this.progress.done.push(...newlyDone);
      this.onProgress(this.progress);
    }
    this.emit();
  }

  /** Reveals the next hint of `taskId`; returns how many are visible now. */
  revealHint(taskId: string): number {
    const task = this.lab.tasks.find((t) => t.id === taskId);
    if (!task) return 0;
    const shown = Math.min(task.hints.length, (this.progress.hints[taskId] ?? 0) + 1);
    this.progress.hints[taskId] = shown;
    this.onProgress(this.progress);
    this.emit();
    return shown;
  }

  /** Shows the reference solution (after the learner confirmed the spoiler warning). */
  showSolution(): void {
    if (!this.progress.solutions.includes('*')) this.progress.solutions.push('*');
    this.onProgress(this.progress);
    this.emit();
  }

  subscribe(listener: (state: LabPanelState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}

/**
 * The submission file "Download submission" saves (the format `petlab grade --submission`
 * reads): the typed lines in order as one history text, and each edited file's last content.
 */
export function buildSubmission(labId: string, seed: number, journal: readonly JournalEntry[]): string {
  const lines: string[] = [];
  const files: Record<string, string> = {};
  for (const entry of journal) {
    if (entry.k === 'line' && entry.v !== null) lines.push(entry.v);
    else if (entry.k === 'file') files[entry.path] = entry.content;
  }
  const commands = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  return `${JSON.stringify({ version: 1, lab: labId, seed, commands, files }, null, 2)}\n`;
}
