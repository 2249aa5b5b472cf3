/**
 * The `time` keyword (bash 5.2 execute_cmd.c time_command, default TIMEFORMAT
 * `$'\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS'`; `-p` gives POSIX's `real %2R`): it times the whole
 * pipeline and reports on the shell's stderr, unaffected by the command's own redirections.
 * Real time is virtual; the lab uses no CPU, so user and sys are 0.
 */
import { describe } from 'vitest';
import { describeCases } from '../testing/cases.ts';

describe('time', () => {
  describeCases('time', [
    ['time sleep 2.5', '', '\nreal\t0m2.500s\nuser\t0m0.000s\nsys\t0m0.000s\n', 0],
    ['time sleep 75 2>/dev/null | cat; echo $?', '0\n', '\nreal\t1m15.000s\nuser\t0m0.000s\nsys\t0m0.000s\n', 0],
    ['time -p false', '', 'real 0.00\nuser 0.00\nsys 0.00\n', 1],
    ['time ! false && echo negated', 'negated\n', '\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n', 0],
    ['time', '', '\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n', 0],
    ['type time', 'time is a shell keyword\n', '', 0],
  ], { maxCommandMs: 120_000 });
});
