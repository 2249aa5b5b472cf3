import { describe, expect, it } from 'vitest';
import { moveIndex } from './roving.ts';

describe('moveIndex (the live view’s arrow keys)', () => {
  it('moves to the next item on → and ↓, the previous on ← and ↑, the ends on Home and End', () => {
    expect(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'].map((k) => moveIndex(k, 2, 5))).toEqual([3, 3, 1, 1, 0, 4]);
  });

  it('does not move past an end, onto the same item, or for other keys', () => {
    expect([moveIndex('ArrowRight', 4, 5), moveIndex('ArrowLeft', 0, 5), moveIndex('Home', 0, 5), moveIndex('End', 4, 5), moveIndex('Tab', 2, 5), moveIndex('ArrowDown', -1, 0)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
