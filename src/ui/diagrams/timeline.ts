/**
 * The event timeline: the world's event log in plain words, newest last, with the virtual time
 * of each event. Controllers record their decisions there ("web-1 waits: web-0 is not Ready yet").
 */
import type { WorldEvent } from '../../emulator/events.ts';

export interface TimelineEntry {
  readonly seq: number;
  /** hh:mm:ss of virtual time (UTC). */
  readonly time: string;
  readonly source: string;
  readonly message: string;
}

/** The last `limit` events worth showing (those with a message), oldest first. */
export function timeline(events: readonly WorldEvent[], limit = 50): TimelineEntry[] {
  const shown = events.filter((e) => e.message.trim() !== '' && !e.source.startsWith('shell'));
  return shown.slice(-limit).map((e) => ({
    seq: e.seq,
    time: new Date(e.at).toISOString().slice(11, 19),
    source: e.source,
    message: e.message,
  }));
}
