/**
 * Candidate listing as readline 8.2 lays it out (complete.c rl_display_match_list): columns of
 * the widest item + 2, `cols / width` of them, one fewer when they would fill the line exactly,
 * sorted down the columns.
 */
import { describe, expect, it } from 'vitest';
import { formatColumns } from './render.ts';

describe('formatColumns', () => {
  it('fits cols / (widest + 2) columns, down then across', () => {
    const items = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
    // widest 7 → cells of 9; 30 / 9 = 3 columns, 2 rows
    expect(formatColumns(items, 30)).toEqual(['alpha    charlie  echo', 'bravo    delta']);
  });

  it('takes one column fewer when the columns would fill the line exactly', () => {
    const items = Array.from({ length: 10 }, (_, i) => `item-00${i}`); // 8 wide → cells of 10
    // 80 / 10 = 8 columns fill 80 exactly: readline uses 7 → 2 rows
    expect(formatColumns(items, 80)).toEqual([
      'item-000  item-002  item-004  item-006  item-008',
      'item-001  item-003  item-005  item-007  item-009',
    ]);
    expect(formatColumns(['x'.repeat(38), 'y'.repeat(38)], 80)).toEqual(['x'.repeat(38), 'y'.repeat(38)]);
    expect(formatColumns(['x'.repeat(37), 'y'.repeat(37)], 80)).toEqual([`${'x'.repeat(37)}  ${'y'.repeat(37)}`]);
  });

  it('puts one item a row when an item is wider than the screen, and nothing for no items', () => {
    expect(formatColumns(['a'.repeat(50), 'b'], 40)).toEqual(['a'.repeat(50), 'b']);
    expect(formatColumns([], 80)).toEqual([]);
  });
});
