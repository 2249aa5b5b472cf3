/** The verbs kubectl emulates: their flags and implementations. */
import type { KubectlEnv } from '../env.ts';
import type { FlagSpecs } from '../util/flags.ts';
import { apply, APPLY_FLAGS } from './apply.ts';
import { describe, DESCRIBE_FLAGS } from './describe.ts';
import { create, CREATE_FLAGS } from './create.ts';
import { del, DELETE_FLAGS } from './delete.ts';
import { get, GET_FLAGS } from './get.ts';
import { LABEL_FLAGS, labelOrAnnotate, patch, PATCH_FLAGS, scale, SCALE_FLAGS } from './modify.ts';

export interface VerbEntry {
  readonly flags: FlagSpecs;
  run(env: KubectlEnv): Promise<number>;
  /** Runs without a cluster (`version --client`, `config`). */
  readonly offline?: boolean;
}

export const VERBS: Readonly<Record<string, VerbEntry>> = {
  annotate: { flags: LABEL_FLAGS, run: (env) => labelOrAnnotate(env, 'annotations') },
  apply: { flags: APPLY_FLAGS, run: apply },
  create: { flags: CREATE_FLAGS, run: create },
  delete: { flags: DELETE_FLAGS, run: del },
  describe: { flags: DESCRIBE_FLAGS, run: describe },
  get: { flags: GET_FLAGS, run: get },
  label: { flags: LABEL_FLAGS, run: (env) => labelOrAnnotate(env, 'labels') },
  patch: { flags: PATCH_FLAGS, run: patch },
  scale: { flags: SCALE_FLAGS, run: scale },
};
