/**
 * expr as GNU coreutils 9.1 src/expr.c (Debian 12): the grammar of eval..eval7, docolon (BRE
 * anchored at the start; \1 or the matched length), null() (empty, 0, -0, 00 are "false"),
 * toarith (only optional '-' and digits are integers), exit statuses EXPR_INVALID 2 /
 * EXPR_FAILURE 3, and the messages "syntax error: unexpected argument %s", "syntax error: missing
 * argument after %s", "syntax error: expecting ')' after %s", "non-integer argument",
 * "division by zero", "missing operand" (quote() in the C locale: 'x'). Examples from the
 * coreutils manual, "expr invocation".
 */
import { describe } from 'vitest';
import { describeCases } from '../../testing/cases.ts';

describe('expr', () => {
  describeCases('expr', [
    ['expr 1 + 2 \\* 3', '7\n', '', 0],
    ['expr \\( 1 + 2 \\) \\* 3 / 2 % 4', '0\n', '', 1],
    ['expr 5 - 5', '0\n', '', 1],
    ['expr 99999999999999999999 + 1', '100000000000000000000\n', '', 0],
    ['expr -7 / 2; expr -7 % 2', '-3\n-1\n', '', 0],
    ['expr 10 \\< 9; expr a \\< b; expr 10 = 10; expr abc != abc', '0\n1\n1\n0\n', '', 1],
    ['expr "" \\| 0; expr x \\| y; expr 0 \\| y; expr 3 \\& 0; expr 3 \\& 4', '0\nx\ny\n0\n3\n', '', 0],
    ['expr abcdef : "a\\(.*\\)e"; expr abcdef : "b"; expr abcdef : ".*d"; expr abcdef : "x\\(.\\)"', 'bcd\n0\n4\n\n', '', 1],
    ['expr match aab "a*"; expr length hello; expr substr hello 2 3; expr index hello lo; expr substr hello 9 1', '2\n5\nell\n3\n\n', '', 1],
    ['expr + length; expr length + length', 'length\n6\n', '', 0],
    ['expr 1 + a', '', 'expr: non-integer argument\n', 2],
    ['expr 4 / 0', '', 'expr: division by zero\n', 2],
    ['expr 1 \\| 4 / 0', '1\n', '', 0],
    ['expr 1 2', '', "expr: syntax error: unexpected argument '2'\n", 2],
    ['expr 1 +', '', "expr: syntax error: missing argument after '+'\n", 2],
    ['expr \\( 1', '', "expr: syntax error: expecting ')' after '1'\n", 2],
    ['expr \\( 1 2', '', "expr: syntax error: expecting ')' instead of '2'\n", 2],
    ['expr', '', "expr: missing operand\nTry 'expr --help' for more information.\n", 2],
    ['expr a : "\\("', '', 'expr: Unmatched ( or \\(\n', 2],
    ['n=0; while [ $n -lt 3 ]; do n=$(expr $n + 1); done; echo $n', '3\n', '', 0],
  ]);
});
