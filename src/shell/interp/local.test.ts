/**
 * `local` (bash 5.2 builtins/declare.def): dynamic scoping — a function's locals shadow the
 * caller's variables until it returns, callees see them; `local v` without a value leaves v
 * unset in the function; outside a function: "bash: local: can only be used in a function" (1).
 */
import { describe } from 'vitest';
import { describeCases } from '../testing/cases.ts';

describe('local', () => {
  describeCases('local', [
    ['v=out; f() { local v=in; echo "f:$v"; g; }; g() { echo "g:$v"; }; f; echo "top:$v"', 'f:in\ng:in\ntop:out\n', '', 0],
    ['h() { local u; echo "[${u-unset}]"; u=set; }; u=x; h; echo $u', '[unset]\nx\n', '', 0],
    ['k() { local n=1; local n=2; echo $n; }; unset n; k; echo "[${n-gone}]"', '2\n[gone]\n', '', 0],
    ['export E=1; m() { local E=2; env | grep ^E=; }; m; env | grep ^E=', 'E=2\nE=1\n', '', 0],
    ['p() { local 1x=2; }; p', '', "bash: local: `1x=2': not a valid identifier\n", 1],
    ['local z=1', '', 'bash: local: can only be used in a function\n', 1],
    ['q() { local w=in; echo $w | cat; (echo "sub:$w"); }; q; echo "[$w]"', 'in\nsub:in\n[]\n', '', 0],
  ]);
});
