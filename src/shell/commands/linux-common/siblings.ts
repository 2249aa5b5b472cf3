/**
 * Pipeline siblings in the process table. bash forks every stage of a pipeline before any of
 * them runs far, so `ps aux | grep bash` lists the grep too (`grep -c bash` is 2 on Debian 12).
 * The interpreter starts the stages concurrently, each spawning its process once its words are
 * expanded — a few promise turns after ps itself starts. Waiting those turns before reading the
 * table — and for any command module still loading (a first `grep` loads its code before the
 * stage forks) — lets the later stages appear, in fork order (their pids follow ps's).
 */
import { loadsInFlight, whenLoadsSettle } from '../registry.ts';

/** Promise turns a pipeline stage needs to reach its fork (measured ~10; 4x margin). */
const TURNS = 48;

/**
 * Resolves after the other stages of the caller's pipeline have had their turn to fork (module
 * loads included). A stage whose expansion waits on the virtual clock (`$(sleep 1)`) is not
 * waited for and is then missing from the listing, as behind a slow real fork.
 */
export async function letSiblingsStart(): Promise<void> {
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < TURNS; i++) await Promise.resolve();
    if (loadsInFlight() === 0) return;
    await new Promise<void>((resolve) => whenLoadsSettle(resolve));
  }
}
