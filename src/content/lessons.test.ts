import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
      const labs = [...text.matchAll(/<Lab\s[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
      return { file: `content/${module}/${f}`, slug: `${module}/${f.replace(/\.mdx?$/, '')}`, data: parse(frontmatter), labs };
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

  it('a lesson’s lab exists under labs/, and a <Lab> in its body is that lab', () => {
    for (const l of lessons) {
      if (l.data.lab) expect(existsSync(join(root, '../labs', l.data.lab, 'lab.ts')), `${l.file}: lab ${l.data.lab}`).toBe(true);
      for (const id of l.labs) expect(id, `${l.file}: <Lab id="${id}">`).toBe(l.data.lab);
    }
  });
});
