// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { MODULES } from './src/content/modules.ts';

/**
 * Where the site is hosted, set at build time: PETLAB_BASE is the sub-path (`/course/`; default
 * `/`), PETLAB_SITE the public origin (`https://example.org`; optional, used for canonical URLs
 * and the sitemap).
 */
const base = `/${(process.env.PETLAB_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const site = process.env.PETLAB_SITE || undefined;

export default defineConfig({
  output: 'static',
  base,
  site,
  integrations: [
    starlight({
      title: 'Petlab',
      description:
        'An interactive course on stateful containers: pets vs cattle, Linux namespaces, Docker networking and Kubernetes StatefulSets.',
      pagefind: true,
      sidebar: [
        { label: 'Start here', items: [{ label: 'About the course', link: '/' }] },
        ...MODULES.map((m) => ({ label: m.title, items: [{ autogenerate: { directory: m.id } }] })),
      ],
      components: {
        PageTitle: './src/components/LessonTitle.astro',
        Search: './src/components/SiteSearch.astro',
      },
      customCss: ['./src/components/site.css'],
    }),
    mdx(),
  ],
});
