/**
 * The landing page's course-wide progress, framework-free: which labs exist (known at build time
 * from the lab definitions), and how many of each lab's tasks the learner has completed, read
 * from the records the lab workspace keeps in localStorage (`LabStore`, same key and format).
 * Imports no code at all: the build puts every module the workspace imports into the lab's
 * chunk (`src/ui/build/lab-chunks.mjs`), so sharing even `lab-store.ts` would load the lab on
 * the landing page. The test reads records written by the real `LabStore`, so the two agree.
 */
import type { StorageLike } from '../persistence/lab-store.ts';

/** `LabStore`'s key prefix (`STORAGE_PREFIX` in lab-store.ts; the tests check they match). */
export const LAB_KEY_PREFIX = 'petlab:lab:';

/** One lab as the build describes it to the landing page. */
export interface CourseLab {
  readonly id: string;
  readonly title: string;
  /** The lab's world seed: a stored record with another seed is ignored by the lab, so here too. */
  readonly seed: number;
  /** Task ids in the lab's order. */
  readonly tasks: readonly string[];
  /** The lesson that holds the lab (already under the site's base path), if any. */
  readonly href?: string;
  /** Module id and title of that lesson; labs without a lesson have neither. */
  readonly module?: string;
  readonly moduleTitle?: string;
}

/** What the learner did in one lab. */
export interface LabStanding {
  readonly lab: CourseLab;
  /** Tasks seen passing at least once (only ids the lab still has). */
  readonly done: number;
  readonly total: number;
  /** The learner typed something, or completed a task, in this lab. */
  readonly started: boolean;
}

export interface ModuleStanding {
  /** Undefined for labs that no lesson holds. */
  readonly id: string | undefined;
  readonly title: string;
  readonly labs: readonly LabStanding[];
}

export interface CourseStanding {
  readonly modules: readonly ModuleStanding[];
  readonly done: number;
  readonly total: number;
  /** How many labs were started. */
  readonly started: number;
}

/** What a stored record contributes; undefined when there is none (or it is unreadable). */
export interface StoredLab {
  readonly done: readonly string[];
  readonly started: boolean;
}

/**
 * Reads lab `labId`'s record from `storage` as `LabStore` wrote it. Returns undefined when there
 * is no record, storage throws, the JSON is malformed, or the version or seed differ (the lab
 * itself would start afresh then).
 */
export function readStoredLab(storage: StorageLike | undefined, labId: string, seed: number): StoredLab | undefined {
  let text: string | null;
  try {
    text = storage?.getItem(LAB_KEY_PREFIX + labId) ?? null;
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  try {
    const record = JSON.parse(text) as { version?: unknown; seed?: unknown; journal?: unknown; progress?: { done?: unknown } };
    if (record?.version !== 1 || record.seed !== seed) return undefined;
    const done = Array.isArray(record.progress?.done) ? record.progress.done.filter((id): id is string => typeof id === 'string') : [];
    const journal = Array.isArray(record.journal) ? record.journal.length : 0;
    return { done, started: journal > 0 || done.length > 0 };
  } catch {
    return undefined;
  }
}

/**
 * Groups `labs` by module (in the order given, labs without a lesson last under "Other labs") and
 * counts completed tasks with `read`. Task ids the lab no longer has are not counted.
 */
export function courseStanding(labs: readonly CourseLab[], read: (lab: CourseLab) => StoredLab | undefined): CourseStanding {
  const modules: { id: string | undefined; title: string; labs: LabStanding[] }[] = [];
  let done = 0;
  let total = 0;
  let started = 0;
  for (const lab of labs) {
    const stored = read(lab);
    const finished = new Set(stored?.done ?? []);
    const standing: LabStanding = { lab, done: lab.tasks.filter((t) => finished.has(t)).length, total: lab.tasks.length, started: stored?.started ?? false };
    done += standing.done;
    total += standing.total;
    if (standing.started) started++;
    let group = modules.find((m) => m.id === lab.module);
    if (!group) modules.push((group = { id: lab.module, title: lab.moduleTitle ?? 'Other labs', labs: [] }));
    group.labs.push(standing);
  }
  modules.sort((a, b) => Number(a.id === undefined) - Number(b.id === undefined));
  return { modules, done, total, started };
}

/** The browser's localStorage, or undefined when access throws (some privacy modes). */
export function localStorageOrNone(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** "1 of 4 tasks done" — the count as words. */
export function taskCount(done: number, total: number): string {
  return `${done} of ${total} ${total === 1 ? 'task' : 'tasks'} done`;
}
