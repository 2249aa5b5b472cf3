import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { starlightFields } from './lesson-loader.ts';
import { checkLessonFrontmatter } from './lesson-schema.ts';
import { MODULE_IDS } from './modules.ts';

// The lessons as written: every file in a module folder is a valid lesson, orders are unique
// per module, and prerequisites name lessons that exist.
const root = join(import.meta.dirname, '../../content');
const lessons = MODULE_IDS.flatMap((module) =>
  readdirSync(join(root, module))
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .map((f) => {
      const text = readFileSync(join(root, module, f), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      return { file: `content/${module}/${f}`, slug: `${module}/${f.replace(/\.mdx?$/, '')}`, data: parse(frontmatter) };
    }),
);

describe('the lessons in content/', () => {
  it('every module has a first lesson', () => {
    for (const module of MODULE_IDS) {
      expect(lessons.some((l) => l.slug.startsWith(`${module}/`) && l.data.order === 1), module).toBe(true);
    }
  });

  it.each(lessons.map((l) => [l.file, l] as const))('%s has valid frontmatter', (_file, lesson) => {
    expect(checkLessonFrontmatter(lesson.file, lesson.data, starlightFields())).toMatchObject({ ok: true });
  });

  it('orders are unique within a module and prerequisites exist', () => {
    const slugs = new Set(lessons.map((l) => l.slug));
    const keys = lessons.map((l) => `${l.data.module}#${l.data.order}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const l of lessons) for (const p of l.data.prerequisites ?? []) expect(slugs, `${l.file} → ${p}`).toContain(p);
  });
});
