import { describe, expect, it } from 'vitest';
import { describeTabs, goTabwrite } from './go-tabwriter.ts';

describe('goTabwrite (Go text/tabwriter)', () => {
  it('aligns a column block and breaks it at a line without tabs', () => {
    expect(describeTabs('Name:\tweb-0\nNamespace:\tdefault\nIPs:\n  IP:\t10.244.1.2\nControlled By:\tStatefulSet/web\n')).toBe(
      'Name:       web-0\nNamespace:  default\nIPs:\n  IP:           10.244.1.2\nControlled By:  StatefulSet/web\n',
    );
  });

  it('gives a second column only to the lines that have it', () => {
    expect(describeTabs('Type:\tClusterIP\nPort:\tweb\t80/TCP\nTargetPort:\t80/TCP\n')).toBe(
      'Type:        ClusterIP\nPort:        web  80/TCP\nTargetPort:  80/TCP\n',
    );
  });

  it('keeps continuation lines (empty first cell) in the block', () => {
    expect(describeTabs('Labels:\ta=1\n\tb=2\nAnnotations:\t<none>\n')).toBe('Labels:       a=1\n              b=2\nAnnotations:  <none>\n');
  });

  it('honours minwidth and never pads the last cell', () => {
    expect(goTabwrite('A\tB\nCC\tD\n', { minwidth: 6, padding: 3 })).toBe('A     B\nCC    D\n');
  });
});
