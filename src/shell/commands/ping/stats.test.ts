// Expected texts: iputils 20221126 ping/ping_common.c finish() — integer microseconds,
// tmavg = tsum / total and tmvar = (tsum2 - tsum * tsum / total) / total with integer division,
// mdev the truncated square root, "%ld.%03ld"; "pipe N" joined with ", " after the rtt line.
import { describe, expect, it } from 'vitest';
import { formatRtt, statistics } from './stats.ts';

describe('ping statistics', () => {
  it('truncates the average and mdev like the C integer arithmetic', () => {
    expect(statistics('h', 2, 2, 0, 1001, [0.041, 0.042])).toBe(
      '\n--- h ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1001ms\nrtt min/avg/max/mdev = 0.041/0.041/0.042/0.000 ms\n',
    );
    expect(statistics('h', 3, 3, 0, 2002, [1.5, 2.25, 12.125])).toBe(
      '\n--- h ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2002ms\nrtt min/avg/max/mdev = 1.500/5.291/12.125/4.841 ms\n',
    );
  });

  it('adds the pipe size and the error count', () => {
    expect(statistics('10.0.0.9', 5, 0, 4, 4005, [], 4)).toBe(
      '\n--- 10.0.0.9 ping statistics ---\n5 packets transmitted, 0 received, +4 errors, 100% packet loss, time 4005ms\npipe 4\n',
    );
    expect(statistics('h', 3, 2, 0, 2002, [0.05, 0.06], 2)).toBe(
      '\n--- h ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 2002ms\nrtt min/avg/max/mdev = 0.050/0.055/0.060/0.005 ms, pipe 2\n',
    );
  });

  it('prints time= with 3, 2, 1 or 0 decimals', () => {
    expect([0.045, 1.234, 1.235, 9.996, 12.345, 99.95, 123.456].map(formatRtt)).toEqual(['0.045', '1.23', '1.24', '10.0', '12.3', '100', '123']);
  });
});
