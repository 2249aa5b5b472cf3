import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonDocsExtension } from './content/lesson-schema.ts';
import { lessonLoader } from './content/lesson-loader.ts';

// Lessons live in the top-level content/ folder, one folder per module; see lesson-schema.ts.
// PETLAB_CONTENT_DIR points the build at another folder (the tests' broken-lesson fixture).
export const collections = {
  docs: defineCollection({
    loader: lessonLoader(process.env.PETLAB_CONTENT_DIR ?? './content'),
    schema: docsSchema({ extend: lessonDocsExtension }),
  }),
};
