/** The verbs kubectl emulates: their flags and implementations. */
import type { KubectlEnv } from '../env.ts';
import type { FlagSpecs } from '../util/flags.ts';
import { apply, APPLY_FLAGS } from './apply.ts';
import { describe, DESCRIBE_FLAGS } from './describe.ts';
import { create, CREATE_FLAGS } from './create.ts';
import { del, DELETE_FLAGS } from './delete.ts';
import { events, EVENTS_FLAGS } from './events.ts';
import { get, GET_FLAGS } from './get.ts';
import { API_RESOURCES_FLAGS, apiResources, clusterInfo, config, CONFIG_FLAGS, explain, EXPLAIN_FLAGS, version, VERSION_FLAGS } from './info.ts';
import { cordon, drain, NODE_FLAGS } from './nodes.ts';
import { edit, exec, EXEC_FLAGS, logs, LOGS_FLAGS, run, RUN_FLAGS } from './pods.ts';
import { rollout, ROLLOUT_FLAGS } from './rollout.ts';
import { set, SET_FLAGS } from './set-image.ts';
import { wait, WAIT_FLAGS } from './wait.ts';
import { LABEL_FLAGS, labelOrAnnotate, patch, PATCH_FLAGS, scale, SCALE_FLAGS } from './modify.ts';

export interface VerbEntry {
  readonly flags: FlagSpecs;
  run(env: KubectlEnv): Promise<number>;
  /** Runs without a cluster (`version --client`, `config`). */
  readonly offline?: boolean;
}

export const VERBS: Readonly<Record<string, VerbEntry>> = {
  annotate: { flags: LABEL_FLAGS, run: (env) => labelOrAnnotate(env, 'annotations') },
  'api-resources': { flags: API_RESOURCES_FLAGS, run: apiResources },
  apply: { flags: APPLY_FLAGS, run: apply },
  'cluster-info': { flags: {}, run: clusterInfo },
  config: { flags: CONFIG_FLAGS, run: config, offline: true },
  cordon: { flags: NODE_FLAGS, run: (env) => cordon(env, true) },
  create: { flags: CREATE_FLAGS, run: create },
  delete: { flags: DELETE_FLAGS, run: del },
  describe: { flags: DESCRIBE_FLAGS, run: describe },
  drain: { flags: NODE_FLAGS, run: drain },
  edit: { flags: { filename: { type: 'strings', short: 'f' }, output: { type: 'string', short: 'o' } }, run: edit, offline: true },
  events: { flags: EVENTS_FLAGS, run: events },
  exec: { flags: EXEC_FLAGS, run: exec },
  explain: { flags: EXPLAIN_FLAGS, run: explain, offline: true },
  get: { flags: GET_FLAGS, run: get },
  label: { flags: LABEL_FLAGS, run: (env) => labelOrAnnotate(env, 'labels') },
  logs: { flags: LOGS_FLAGS, run: logs },
  patch: { flags: PATCH_FLAGS, run: patch },
  rollout: { flags: ROLLOUT_FLAGS, run: rollout },
  run: { flags: RUN_FLAGS, run },
  scale: { flags: SCALE_FLAGS, run: scale },
  set: { flags: SET_FLAGS, run: set },
  uncordon: { flags: NODE_FLAGS, run: (env) => cordon(env, false) },
  version: { flags: VERSION_FLAGS, run: version, offline: true },
  wait: { flags: WAIT_FLAGS, run: wait },
};
