import { z } from 'astro/zod';
import { MODULE_IDS, MODULES, isModuleId } from './modules.ts';

/** A kebab-case id: lowercase letters and digits, words joined by single hyphens. */
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A lesson reference `module/lesson`, e.g. `pets-and-cattle/pets-vs-cattle`. */
const LESSON_REF = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The frontmatter of one lesson (an `.md`/`.mdx` file under `content/<module>/`). The single
 * source of truth for lesson metadata: the content collection, the build-time check and the
 * README's field list all follow it. Starlight's own fields (`sidebar`, `template`, `hero`, ...)
 * are allowed next to these.
 */
export const lessonSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1)
    .describe('The lesson title: the page heading, the sidebar entry and the search result title.'),
  description: z
    .string()
    .trim()
    .min(1)
    .describe(
      'One or two sentences on what the lesson teaches; shown on the landing page and used as the meta description.',
    ),
  module: z
    .enum(MODULE_IDS)
    .describe(
      'The module the lesson belongs to. Must equal the folder under `content/` that holds the file.',
    ),
  order: z
    .number()
    .int()
    .min(1)
    .describe('Position of the lesson within its module, starting at 1; orders the sidebar and the landing page.'),
  objectives: z
    .array(z.string().trim().min(1))
    .min(1)
    .describe('What the learner can do after the lesson, one short sentence each; shown at the top of the lesson.'),
  duration: z
    .number()
    .int()
    .min(1)
    .max(120)
    .describe('Estimated time for reading and the lab together, in whole minutes (1–120).'),
  lab: z
    .string()
    .regex(KEBAB)
    .optional()
    .describe('Id of the lab that ends the lesson (a folder under `labs/`), e.g. `pid-namespaces`. Omit for lessons without a lab.'),
  prerequisites: z
    .array(z.string().regex(LESSON_REF))
    .optional()
    .describe('Lessons to read first, as `module/lesson` slugs, e.g. `pets-and-cattle/pets-vs-cattle`. Omit when there are none.'),
});

/** Validated lesson frontmatter. */
export type LessonFrontmatter = z.infer<typeof lessonSchema>;

/**
 * The lesson fields as an extension of Starlight's `docsSchema()`: optional there, because the
 * landing page and other non-lesson pages share the `docs` collection. Lesson files are checked
 * strictly by `checkLessonFrontmatter` before Astro parses them.
 */
export const lessonDocsExtension = lessonSchema.omit({ title: true, description: true }).partial();

type Field = keyof LessonFrontmatter;

/** What each field expects and how to fix it, in words for the person editing the file. */
const FIELD_HELP: Record<Field, { expected: string; fix: (folder: string) => string }> = {
  title: {
    expected: 'a non-empty string',
    fix: () => 'add a short heading, e.g. `title: Pets vs cattle`.',
  },
  description: {
    expected: 'a non-empty string',
    fix: () => 'add one sentence on what the lesson teaches, e.g. `description: Why Pods are mortal.`',
  },
  module: {
    expected: `one of ${MODULE_IDS.map((id) => `\`${id}\``).join(', ')}`,
    fix: (folder) => `set \`module: ${folder}\` — the folder the lesson lives in.`,
  },
  order: {
    expected: 'a whole number ≥ 1',
    fix: () => 'write the lesson’s position in its module as a bare number, e.g. `order: 1`.',
  },
  objectives: {
    expected: 'a list of at least one non-empty sentence',
    fix: () => 'write a YAML list, one objective per line:\n    objectives:\n      - Explain why Pods are mortal.',
  },
  duration: {
    expected: 'a whole number of minutes from 1 to 120',
    fix: () => 'write the minutes as a bare number without a unit, e.g. `duration: 10`.',
  },
  lab: {
    expected: 'a kebab-case lab id (lowercase letters, digits and hyphens)',
    fix: () => 'use the name of the lab’s folder under `labs/`, e.g. `lab: pid-namespaces`, or remove the line.',
  },
  prerequisites: {
    expected: 'a list of lesson slugs of the form `module/lesson`',
    fix: () => 'write a YAML list, e.g.\n    prerequisites:\n      - pets-and-cattle/pets-vs-cattle',
  },
};

/** Help for frontmatter that is not a mapping at all. */
const ROOT_HELP = {
  expected: 'a mapping of `field: value` lines between two `---` lines',
  fix: () => 'start the file with `---`, one `field: value` per line (title, description, module, ...), then `---`.',
};

/** The result of checking one file's frontmatter. */
export type LessonCheck = { ok: true; data: LessonFrontmatter } | { ok: false; message: string };

/**
 * The module a content file belongs to, judged by its path relative to the project root
 * (`content/<module>/<lesson>.mdx` → `<module>`), or `undefined` when the file is not a lesson
 * (the landing page, a glossary).
 */
export function lessonFolder(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.indexOf('content');
  const folder = at >= 0 && parts.length > at + 2 ? parts[at + 1] : undefined;
  return isModuleId(folder) ? folder : undefined;
}

/**
 * Checks the frontmatter `data` of the lesson at `file` (a path relative to the project root)
 * against `lessonSchema`, against its folder, and for unknown fields (anything neither a lesson
 * field nor one of `otherFields`, Starlight's own, so that a typo such as `labs:` is not silently
 * ignored). Never throws: on failure the message names the file, every bad field, what was
 * received and how to fix it, ready to show as a build error.
 */
export function checkLessonFrontmatter(file: string, data: unknown, otherFields: readonly string[] = []): LessonCheck {
  const folder = lessonFolder(file) ?? MODULES[0].id;
  const parsed = lessonSchema.safeParse(data);
  const problems: string[] = [];
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const where = formatPath(issue.path);
      if (seen.has(where)) continue;
      seen.add(where);
      const help = issue.path.length === 0 ? ROOT_HELP : FIELD_HELP[issue.path[0] as Field];
      const received = valueAt(data, issue.path);
      problems.push(
        `- \`${where}\`: expected ${help ? help.expected : 'a valid value'}, ${describeReceived(received)}.\n` +
          `  Fix: ${help ? help.fix(folder) : issue.message}`,
      );
    }
  } else if (parsed.data.module !== folder && lessonFolder(file)) {
    problems.push(
      `- \`module\`: expected \`${folder}\` because the file lives in \`content/${folder}/\`, received \`${parsed.data.module}\`.\n` +
        `  Fix: set \`module: ${folder}\`, or move the file to \`content/${parsed.data.module}/\`.`,
    );
  }
  problems.push(...unknownFields(data, otherFields));
  if (problems.length === 0 && parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, message: `Invalid lesson frontmatter in ${file}:\n${problems.join('\n')}` };
}

/** A problem line for every key of `data` that no schema knows, with the closest known name. */
function unknownFields(data: unknown, otherFields: readonly string[]): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const known = [...Object.keys(lessonSchema.shape), ...otherFields];
  return Object.keys(data)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const guess = known.find((k) => editDistance(k, key) <= 2);
      return (
        `- \`${key}\`: not a lesson field, ${describeReceived((data as Record<string, unknown>)[key])}.\n` +
        `  Fix: ${guess ? `did you mean \`${guess}\`? Otherwise remove` : 'remove'} the line; the fields are ${known.slice(0, 8).join(', ')} and Starlight’s own.`
      );
    });
}

/** Levenshtein distance, for "did you mean" hints on short field names. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** `objectives.1` → `objectives[1]`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'frontmatter';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function describeReceived(value: unknown): string {
  if (value === undefined) return 'but the field is missing';
  const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
  return `received \`${JSON.stringify(value)}\` (${kind})`;
}
