import { describe, expect, it } from 'vitest';
import { starlightFields, withSidebarOrder } from './lesson-loader.ts';

describe('withSidebarOrder', () => {
  it('copies the lesson order into the sidebar order', () => {
    expect(withSidebarOrder({ title: 'T', order: 2 })).toEqual({ title: 'T', order: 2, sidebar: { order: 2 } });
  });

  it('keeps other sidebar fields and an explicit sidebar order', () => {
    expect(withSidebarOrder({ order: 2, sidebar: { badge: 'New' } })).toEqual({
      order: 2,
      sidebar: { badge: 'New', order: 2 },
    });
    expect(withSidebarOrder({ order: 2, sidebar: { order: 9 } })).toEqual({ order: 2, sidebar: { order: 9 } });
  });

  it('leaves pages without an order alone', () => {
    const page = { title: 'Petlab', template: 'splash' };
    expect(withSidebarOrder(page)).toBe(page);
  });
});

describe('starlightFields', () => {
  it('lists the fields of Starlight’s docs schema', () => {
    expect(starlightFields()).toEqual(expect.arrayContaining(['title', 'description', 'sidebar', 'template', 'hero', 'draft']));
  });
});
