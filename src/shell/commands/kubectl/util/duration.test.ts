import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { humanDuration, since } from './duration.ts';

// Expected values from apimachinery pkg/util/duration/duration_test.go (TestHumanDuration).
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-2 * S + 1, '0s'],
    [0, '0s'],
    [S - 1, '0s'],
    [45 * S, '45s'],
    [2 * M - 1, '119s'],
    [2 * M, '2m'],
    [2 * M + 30 * S, '2m30s'],
    [10 * M - 1, '9m59s'],
    [10 * M, '10m'],
    [3 * H - 1, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [8 * H - 1, '7h59m'],
    [8 * H, '8h'],
    [48 * H - 1, '47h'],
    [48 * H, '2d'],
    [2 * D + 4 * H, '2d4h'],
    [8 * D - 1, '7d23h'],
    [8 * D, '8d'],
    [2 * Y - 1, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 10 * D, '2y10d'],
    [8 * Y - 1, '7y364d'],
    [8 * Y, '8y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('never grows shorter as time passes past two minutes (monotone in its leading unit)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * Y }), (ms) => {
        expect(humanDuration(ms)).toMatch(/^\d+(s|m|m\d+s|h|h\d+m|d|d\d+h|y|y\d+d)$/);
      }),
    );
  });
});

describe('since', () => {
  it('formats the age of a timestamp and marks a missing one unknown', () => {
    const now = Date.UTC(2026, 10, 29, 10, 5, 0);
    expect(since('2026-11-29T10:00:00Z', now)).toBe('5m');
    expect(since(undefined, now)).toBe('<unknown>');
  });
});
