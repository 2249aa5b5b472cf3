import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { checkLessonFrontmatter, lessonFolder } from './lesson-schema.ts';

/**
 * Loads every `.md`/`.mdx` file under the top-level `content/` folder (files starting with `_`
 * are drafts and skipped) for Starlight's `docs` collection. Files in a module folder
 * (`content/<module>/`) are lessons: their frontmatter is checked strictly first, and a bad
 * lesson fails the build with an `AstroError` whose message names the file, the field, what was
 * received and how to fix it. A lesson's `order` also becomes its sidebar order.
 */
export function lessonLoader(base = './content'): Loader {
  const otherFields = starlightFields();
  const inner = glob({ pattern: '**/[^_]*.{md,mdx}', base });
  return {
    name: 'petlab-lessons',
    load: (context) => {
      const root = fileURLToPath(context.config.root);
      return inner.load({
        ...context,
        parseData: (props) => {
          const file = props.filePath ? relative(root, props.filePath) : props.id;
          if (!lessonFolder(file)) return context.parseData(props);
          const checked = checkLessonFrontmatter(file, props.data, otherFields);
          if (!checked.ok) {
            throw new AstroError(checked.message, 'See "How to add a lesson" in README.md for every field.');
          }
          return context.parseData({ ...props, data: withSidebarOrder(props.data) });
        },
      });
    },
  };
}

/** The frontmatter fields Starlight itself defines (`sidebar`, `template`, `draft`, ...). */
export function starlightFields(): string[] {
  return Object.keys(docsSchema()({ image: () => z.string() } as never).shape);
}

/**
 * Copies a lesson's `order` into Starlight's `sidebar.order` (unless the file sets one), so
 * the sidebar lists a module's lessons in course order rather than by file name.
 */
export function withSidebarOrder<T extends Record<string, unknown>>(data: T): T {
  const sidebar = (data.sidebar ?? {}) as Record<string, unknown>;
  if (typeof data.order !== 'number' || sidebar.order !== undefined) return data;
  return { ...data, sidebar: { ...sidebar, order: data.order } };
}
