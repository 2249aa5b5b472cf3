/**
 * `petlab <subcommand>`: dispatches to one module per subcommand, loaded lazily so `petlab shell`
 * does not load the grader. Each module exports `run(args): Promise<number>` (the exit status).
 */
interface Subcommand {
  summary: string;
  load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

const subcommands: Record<string, Subcommand> = {
  grade: { summary: 'grade a submission (or a class with --dir) against a lab; text, JSON or JUnit report', load: () => import('./grade-command.ts') },
  labs: { summary: 'lab authoring: verify (every lab solvable and non-vacuous), sync, list', load: () => import('./labs-command.ts') },
  'new-lab': { summary: 'scaffold labs/<id>/ (lab.ts, files/, solution.sh, README.md)', load: () => import('./new-lab-command.ts') },
  shell: { summary: 'an interactive shell over the emulated world (--script FILE for a transcript)', load: () => import('./shell-command.ts') },
};

function usage(): string {
  const lines = Object.entries(subcommands).map(([name, s]) => `  ${name.padEnd(10)} ${s.summary}`);
  return `Usage: petlab <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

/** Runs the CLI with `args` (argv without node and script); returns the exit status. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const sub = subcommands[name];
  if (!sub) {
    process.stderr.write(`petlab: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const module = await sub.load();
  return module.run(rest);
}
