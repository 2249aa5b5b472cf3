import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu, parseQuantity, withPercent } from './quantity.ts';

describe('quantities (describe node)', () => {
  it('parses and prints like Quantity.String()', () => {
    expect(formatCpu(parseQuantity('100m') + parseQuantity('750m'))).toBe('850m');
    expect(formatCpu(parseQuantity('1') + parseQuantity('1000m'))).toBe('2');
    expect(formatBytes(parseQuantity('70Mi') + parseQuantity('100Mi'))).toBe('170Mi');
    expect(formatBytes(parseQuantity('1Gi'))).toBe('1Gi');
    expect(formatBytes(0)).toBe('0');
    // kind's coredns on a 4010004Ki node: `memory 70Mi (1%)`.
    expect(withPercent('70Mi', parseQuantity('70Mi'), parseQuantity('4010004Ki'))).toBe('70Mi (1%)');
    expect(withPercent('100m', 0.1, 2)).toBe('100m (5%)');
  });
});
