/**
 * The login shell's first prompt, worked out without the shell: the page shows it as soon as the
 * learner's host has booted (boot phase 1), while the shell's code and the lab's environment are
 * still loading. It is Debian's bash prompt (`\u@\h:\w\$ `, /etc/bash.bashrc) of the login
 * process as it starts — no PS1 of its own, HOME abbreviated to `~` — and must equal what the
 * shell's REPL prints at its first prompt (`first-prompt.test.ts` holds the two together).
 */

/** What the prompt reads from the login process (`src/emulator/linux`'s `Process` has it). */
export interface PromptProcess {
  readonly user: string;
  readonly uid: number;
  readonly hostname: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/** `root@petlab:~# ` for the login shell of a freshly booted host. */
export function firstPrompt(process: PromptProcess): string {
  const home = process.env.HOME;
  let cwd = process.cwd;
  if (home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))) cwd = `~${cwd.slice(home.length)}`;
  return `${process.user}@${process.hostname.split('.')[0]}:${cwd}${process.uid === 0 ? '#' : '$'} `;
}
