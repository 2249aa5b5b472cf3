/**
 * `yes [STRING]…`: prints its arguments joined by spaces (or `y`) on a line, for ever, until
 * Ctrl-C or until the pipe's reader exits (`yes | head -3`). Writes go out in 8 KiB chunks and
 * wait for a full pipe to drain (ctx.sleep), so memory stays bounded. Texts are coreutils 9.1's.
 */
import type { Command } from '../../types.ts';

const USAGE = `Usage: yes [STRING]...
  or:  yes OPTION
Repeatedly output a line with all specified STRING(s), or 'y'.

      --help        display this help and exit
      --version     output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Full documentation <https://www.gnu.org/software/coreutils/yes>
or available locally via: info '(coreutils) yes invocation'
`;

const VERSION = `yes (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by David MacKenzie.
`;

/** GNU yes fills a buffer of this size with whole lines and writes it again and again. */
const CHUNK = 8192;

export const command: Command = {
  name: 'yes',
  summary: "Output a string repeatedly until killed.",
  async run(ctx) {
    const words: string[] = [];
    let options = true;
    for (const a of ctx.args) {
      if (options && a === '--') options = false;
      else if (options && a === '--help') {
        ctx.stdout.write(USAGE);
        return 0;
      } else if (options && a === '--version') {
        ctx.stdout.write(VERSION);
        return 0;
      } else if (options && a.startsWith('--')) {
        ctx.stderr.write(`yes: unrecognized option '${a}'\nTry 'yes --help' for more information.\n`);
        return 1;
      } else if (options && a.startsWith('-') && a !== '-') {
        ctx.stderr.write(`yes: invalid option -- '${a[1]}'\nTry 'yes --help' for more information.\n`);
        return 1;
      } else words.push(a);
    }
    const line = `${words.length > 0 ? words.join(' ') : 'y'}\n`;
    const chunk = line.length >= CHUNK ? line : line.repeat(Math.floor(CHUNK / line.length));
    for (;;) {
      ctx.stdout.write(chunk);
      // a turn for the reader (and Ctrl-C); waits while the pipe is full
      if (!(await ctx.sleep(0))) return 130;
    }
  },
};
