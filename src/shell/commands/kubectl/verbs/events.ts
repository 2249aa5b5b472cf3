/**
 * `kubectl events [--for TYPE/NAME] [-A] [--types=Warning,…]` (kubectl `pkg/cmd/events`): the
 * cluster's timeline, oldest first, with `9s (x2 over 25s)` intervals and `Kind/name` objects.
 */
import { eventsFor } from '../describe/writer.ts';
import type { KubectlEnv } from '../env.ts';
import { fail, KubectlExit } from '../errors.ts';
import { alignColumns } from '../printers/tabwriter.ts';
import { since } from '../util/duration.ts';
import type { FlagSpecs } from '../util/flags.ts';
import type { Json } from '../util/json.ts';
import { parseResourceArgs } from '../util/resource-args.ts';

export const EVENTS_FLAGS: FlagSpecs = {
  for: { type: 'string' },
  'all-namespaces': { type: 'bool', short: 'A' },
  types: { type: 'strings' },
  watch: { type: 'bool', short: 'w' },
  'no-headers': { type: 'bool' },
  output: { type: 'string', short: 'o' },
  'chunk-size': { type: 'int' },
};

/** getInterval of kubectl events. */
export function eventInterval(e: Json, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** Runs `kubectl events`. */
export async function events(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  if (f.bool('watch') || f.str('output')) throw new KubectlExit(`petlab: 'kubectl events ${f.bool('watch') ? '--watch' : '-o'}' is not available in this lab\n`);
  const allNs = f.bool('all-namespaces');
  let items = env.store.list('events', { namespace: allNs ? undefined : env.namespace }).items as Json[];
  const forArg = f.str('for');
  if (forArg) {
    const [req] = parseResourceArgs([forArg.includes('/') ? forArg : `${forArg}/`]);
    const name = req.names?.[0] ?? '';
    const obj = env.store.tryGet(req.info, req.info.namespaced ? env.namespace : undefined, name);
    items = obj ? eventsFor(items, obj) : items.filter((e) => e.involvedObject?.kind === req.info.kind && e.involvedObject?.name === name);
  }
  const types = f.list('types', true);
  for (const t of types) if (t !== 'Normal' && t !== 'Warning') throw fail(`valid --types are Normal or Warning`);
  if (types.length) items = items.filter((e) => types.includes(e.type));
  if (items.length === 0) {
    env.err(allNs ? 'No events found.\n' : `No events found in ${env.namespace} namespace.\n`);
    return 0;
  }
  const time = (e: Json) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
  const sorted = items.map((e, i) => ({ e, i })).sort((a, b) => time(a.e) - time(b.e) || a.i - b.i).map((x) => x.e);
  const now = env.now();
  const lines: string[][] = f.bool('no-headers') ? [] : [[...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
  for (const e of sorted) {
    lines.push([
      ...(allNs ? [e.metadata?.namespace ?? ''] : []),
      eventInterval(e, now),
      e.type ?? '',
      e.reason ?? '',
      `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`,
      String(e.message ?? '').trim(),
    ]);
  }
  env.out(alignColumns(lines));
  return 0;
}
