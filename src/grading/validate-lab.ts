/**
 * `validateLab`: checks a lab definition against `labSchema` (zod), so a broken lab fails with a
 * message naming the file, the field, what was received and how to fix it. Run by the CLI and
 * the tests on every lab (`petlab labs verify`); the page skips it (see define-lab.ts).
 */
import { writtenDefinition } from './define-lab.ts';
import { formatIssues, type FixHint } from './error-map.ts';
import { GradingError } from './errors.ts';
import { labSchema, type Lab, type LabInput } from './lab-schema.ts';

const labFields = ['id', 'title', 'summary', 'environment', 'setup', 'home', 'seed', 'tasks'];
const taskFields = ['id', 'title', 'description', 'check', 'hints', 'needs', 'points'];

const fixLab: FixHint = (path, issue) => {
  if (issue.code === 'unrecognized_keys') {
    const fields = /^tasks\[\d+\]$/.test(path) ? taskFields : labFields;
    return `remove it or correct the spelling; the allowed fields are ${fields.join(', ')}.`;
  }
  if (path === 'id') return "use the folder name under labs/, in kebab-case, e.g. id: 'pid-namespaces'.";
  if (path === 'environment') return "choose the world the lab starts with: 'linux', 'docker' or 'kubernetes'.";
  if (path === 'tasks') return 'give a list with at least one task: tasks: [{ id, title, description, check, hints }].';
  if (/^tasks\[\d+\]\.id$/.test(path)) return "give each task a unique kebab-case id, e.g. id: 'start-pid-namespace'.";
  if (/^tasks\[\d+\]\.hints/.test(path)) return "give hints as a list of strings, gentlest first, e.g. hints: ['Look at unshare --help', 'Try unshare --pid --fork'].";
  if (/^tasks\[\d+\]\.check$/.test(path)) return 'write check: (ctx) => ({ pass, message }), or use a helper from src/grading/checks/.';
  if (/^tasks\[\d+\]\.needs/.test(path)) return "list ids of tasks defined above this one, e.g. needs: ['start-pid-namespace'].";
  if (/^tasks\[\d+\]\.points$/.test(path)) return 'use a whole number of at least 1 (leave it out for 1).';
  if (path === 'setup') return "write setup as a shell script string or as a function (ctx) => { … }.";
  return undefined;
};

/**
 * Validates a lab definition — as written, or as returned by `defineLab` (then the definition
 * it was made from is checked) — and returns it with defaults filled in.
 * @param source where the definition lives, for the message; defaults to `labs/<id>/lab.ts`.
 * @throws GradingError with code INVALID_LAB, whose message lists every problem.
 */
export function validateLab(definition: LabInput | Lab, source?: string): Lab {
  const input = writtenDefinition(definition);
  const result = labSchema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const id = (input as { id?: unknown } | null)?.id;
  const file = source ?? (typeof id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? `labs/${id}/lab.ts` : 'a lab definition');
  throw new GradingError('INVALID_LAB', formatIssues(`Invalid lab in ${file}:`, result.error.issues, fixLab));
}
