/** The verbs kubectl emulates: their flags and implementations. */
import type { KubectlEnv } from '../env.ts';
import type { FlagSpecs } from '../util/flags.ts';
import { apply, APPLY_FLAGS } from './apply.ts';
import { describe, DESCRIBE_FLAGS } from './describe.ts';
import { get, GET_FLAGS } from './get.ts';

export interface VerbEntry {
  readonly flags: FlagSpecs;
  run(env: KubectlEnv): Promise<number>;
  /** Runs without a cluster (`version --client`, `config`). */
  readonly offline?: boolean;
}

export const VERBS: Readonly<Record<string, VerbEntry>> = {
  apply: { flags: APPLY_FLAGS, run: apply },
  describe: { flags: DESCRIBE_FLAGS, run: describe },
  get: { flags: GET_FLAGS, run: get },
};
