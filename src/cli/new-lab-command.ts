/**
 * `petlab new-lab <id> [--environment linux|docker|kubernetes]`: scaffolds `labs/<id>/` with a
 * lab.ts holding one working example task, files/, solution.sh and README.md, then regenerates
 * labs/index.ts. The scaffold passes `petlab labs verify` as it is, so an author starts green.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LABS_DIR, syncLabIndex } from './lab-sync.ts';

const USAGE = 'Usage: petlab new-lab <lab-id> [--environment linux|docker|kubernetes] [--title TEXT]\n';
const ENVIRONMENTS = ['linux', 'docker', 'kubernetes'];

/** The files of a new lab, by path relative to its folder. */
export function scaffold(id: string, environment: string, title: string): Record<string, string> {
  const lab = `/**
 * Lab: ${title}. Describe in a sentence what the learner builds, then write one task per step.
 * See "Writing a lab" (content/teach/writing-a-lab.mdx) for the format and the check library.
 */
import { defineLab } from '../../src/grading/define-lab.ts';
import { fail, pass } from '../../src/grading/checks/result.ts';
import { readHostFile } from '../../src/grading/checks/linux.ts';

export default defineLab({
  id: '${id}',
  title: ${JSON.stringify(title)},
  summary: 'One or two sentences for the lab list.',
  environment: '${environment}',
  tasks: [
    {
      id: 'say-hello',
      title: 'Write hello.txt',
      description: 'Create \`/root/hello.txt\` containing the word \`hello\`.',
      hints: ['\`echo\` prints its arguments; \`>\` sends output to a file.', 'Run \`echo hello > /root/hello.txt\`.'],
      check: ({ world }) => {
        const text = readHostFile(world.linux, '/root/hello.txt');
        if (text === undefined) return fail('/root/hello.txt does not exist');
        return text.includes('hello') ? pass('/root/hello.txt says hello') : fail('/root/hello.txt does not contain hello');
      },
    },
  ],
});
`;
  return {
    'lab.ts': lab,
    'solution.sh': `# Reference solution of the ${id} lab (run by \`petlab labs verify\`).\necho hello > /root/hello.txt\n`,
    'files/README.txt': `Starting files of the ${id} lab: everything in this folder is copied into the learner's home.\n`,
    'README.md': `# Lab: ${title} (\`${id}\`)\n\nEnvironment: \`${environment}\`.\n\n| Task | Needs | What the check looks at |\n| --- | --- | --- |\n| \`say-hello\` — Write hello.txt | | \`/root/hello.txt\` exists and contains \`hello\`. |\n`,
  };
}

/** Runs `petlab new-lab`; resolves to the exit status. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { environment: { type: 'string', default: 'linux' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`petlab new-lab: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [id] = positionals;
  if (positionals.length !== 1 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    process.stderr.write(`petlab new-lab: ${id === undefined ? 'missing the lab id' : `'${positionals.join(' ')}' is not a lab id: use one kebab-case word group, e.g. network-namespaces`}\n${USAGE}`);
    return 2;
  }
  const environment = values.environment ?? 'linux';
  if (!ENVIRONMENTS.includes(environment)) {
    process.stderr.write(`petlab new-lab: unknown environment '${environment}' (choose ${ENVIRONMENTS.join(', ')})\n`);
    return 2;
  }
  const dir = join(process.env.PETLAB_LABS_DIR ?? LABS_DIR, id);
  if (existsSync(dir)) {
    process.stderr.write(`petlab new-lab: labs/${id} already exists\n`);
    return 2;
  }
  const title = values.title ?? id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  for (const [path, text] of Object.entries(scaffold(id, environment, title))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  syncLabIndex(process.env.PETLAB_LABS_DIR ?? LABS_DIR);
  process.stdout.write(`Created labs/${id}/ (lab.ts, solution.sh, README.md, files/) and updated labs/index.ts.\nNext: edit the tasks, then run \`petlab labs verify ${id}\`.\n`);
  return 0;
}
