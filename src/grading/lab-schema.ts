/**
 * The lab format: one zod schema is the single source of truth for what `labs/<id>/lab.ts`
 * may contain. Every field is documented here; `defineLab` validates against it and turns
 * failures into friendly messages (see `define-lab.ts`).
 */
import { z } from 'zod';
import type { World } from '../emulator/world.ts';

/** What a check says about one task: passed or not, and why, naming the object. */
export interface CheckResult {
  pass: boolean;
  /** E.g. "3 replicas wanted, 2 Ready: web-2 is Pending". Shown to the learner. */
  message: string;
}

/** What a check may look at: the world (state and event log) and where the learner lives. */
export interface CheckContext {
  readonly world: World;
  /** The learner's home directory on the lab host, e.g. "/root". */
  readonly home: string;
}

/** A pure function of the world. Never of the command text; never mutates the world. */
export type Check = (ctx: CheckContext) => CheckResult;

/** Brings a fresh world to the lab's starting state, before the starting files are copied. */
export type SetupFunction = (ctx: CheckContext) => void | Promise<void>;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const fn = <T>(what: string) =>
  z.custom<T>((value) => typeof value === 'function', { message: `expected ${what}` });

/** One task of a lab. */
export const taskSchema = z.strictObject({
  /** Stable id, kebab-case; used in `needs`, results files and stored progress. */
  id: z.string().regex(kebab, 'must be kebab-case (lower-case letters, digits, dashes)'),
  /** Short imperative title, e.g. "Start a shell in a new PID namespace". */
  title: z.string().min(1),
  /** What the learner should achieve (Markdown allowed). */
  description: z.string().min(1),
  /** The check; see `src/grading/checks/`. */
  check: fn<Check>('a check function: (ctx) => ({ pass, message })'),
  /** Hints revealed one at a time, gentlest first. At least one. */
  hints: z.array(z.string().min(1)).min(1),
  /** Ids of earlier tasks that must pass first. @default [] */
  needs: z.array(z.string()).default([]),
  /** Score for this task. @default 1 */
  points: z.number().int().positive().default(1),
});

/** A whole lab, as written in `labs/<id>/lab.ts`. */
export const labSchema = z
  .strictObject({
    /** Kebab-case id, equal to the folder name under `labs/`. */
    id: z.string().regex(kebab, 'must be kebab-case (lower-case letters, digits, dashes)'),
    title: z.string().min(1),
    /** One or two sentences for the lab list and the results report. */
    summary: z.string().min(1),
    /** What the fresh world starts with. */
    environment: z.enum(['linux', 'docker', 'kubernetes']),
    /** A shell script or a function bringing the world to the starting state. @default no setup */
    setup: z.union([z.string(), fn<SetupFunction>('a setup function or a shell script string')]).optional(),
    /** The learner's home directory, where `files/` is copied. @default "/root" */
    home: z.string().regex(/^\/[^\0]*$/, 'must be an absolute path').default('/root'),
    /** The world's seed when the submission gives none. @default 1 */
    seed: z.number().int().nonnegative().default(1),
    tasks: z.array(taskSchema).min(1),
  })
  .superRefine((lab, ctx) => {
    const seen = new Set<string>();
    lab.tasks.forEach((task, i) => {
      if (seen.has(task.id)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `duplicate task id "${task.id}"`, input: task.id });
      }
      task.needs.forEach((need, j) => {
        if (!seen.has(need)) {
          const earlier = [...seen].map((id) => `"${id}"`).join(', ') || 'none';
          ctx.addIssue({
            code: 'custom',
            path: ['tasks', i, 'needs', j],
            message: `"${need}" is not an earlier task (earlier tasks: ${earlier})`,
            input: need,
          });
        }
      });
      seen.add(task.id);
    });
  });

/** What a lab file passes to `defineLab` (defaults may be left out). */
export type LabInput = z.input<typeof labSchema>;
/** A validated lab, defaults filled in. */
export type Lab = z.output<typeof labSchema>;
/** A validated task. */
export type Task = Lab['tasks'][number];
/** 'linux' | 'docker' | 'kubernetes'. */
export type LabEnvironment = Lab['environment'];
