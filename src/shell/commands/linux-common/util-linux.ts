/** Output conventions shared by the util-linux tools (unshare, nsenter, lsns, mount). */
import type { Output } from '../../types.ts';

/** util-linux's version line, as Debian 12 ships it (util-linux 2.38.1). */
export function versionLine(name: string): string {
  return `${name} from util-linux 2.38.1\n`;
}

/** A getopt error followed by errtryhelp()'s hint; returns 1 (EXIT_FAILURE). */
export function tryHelp(stderr: Output, name: string, error: string): number {
  stderr.write(`${name}: ${error}\nTry '${name} --help' for more information.\n`);
  return 1;
}

/** errx(): `name: message`. */
export function errx(stderr: Output, name: string, message: string, status = 1): number {
  stderr.write(`${name}: ${message}\n`);
  return status;
}
