/**
 * `[[ STRING =~ REGEX ]]` as bash 5.2 runs it. Sources: bash 5.2 lib/sh/shmatch.c `sh_regmatch`
 * (regcomp failure returns 2 before touching BASH_REMATCH, and nothing is printed: execute_cmd.c
 * `execute_cond_node` only passes the status on; otherwise BASH_REMATCH is unbound and made a new
 * array, filled with the whole match and every group only on success; a group that took no part is
 * copied as 0 bytes, so ""), and `execute_cond_node` for `!` (anything not 0 becomes 0), `&&` and `||`.
 */
import { describe } from 'vitest';
import { describeCases } from '../testing/cases.ts';

describe('[[ =~ ]]', () => {
  describeCases('=~', [
    ['[[ abc =~ (a)(b)(c) ]]; echo "${BASH_REMATCH[@]}"', 'abc a b c\n', '', 0],
    ['[[ xabcx =~ a(b)?(z)?c ]]; echo "${#BASH_REMATCH[@]}:${BASH_REMATCH[0]}:${BASH_REMATCH[1]}:${BASH_REMATCH[2]}:"', '3:abc:b::\n', '', 0],
    ['[[ web-12 =~ ^web-([0-9]+)$ ]] && echo "n=${BASH_REMATCH[1]} $BASH_REMATCH"', 'n=12 web-12\n', '', 0],
    ['[[ abc =~ (a) ]]; [[ abc =~ z ]]; echo "$?:${#BASH_REMATCH[@]}:${BASH_REMATCH[0]-unset}"', '1:0:unset\n', '', 0],
    ["re='a('; [[ abc =~ $re ]]; echo $?", '2\n', '', 0],
    ["[[ abc =~ (b) ]]; re='a('; [[ abc =~ $re ]]; echo \"$? ${BASH_REMATCH[@]}\"", '2 b b\n', '', 0],
    ["re='a('; [[ ! abc =~ $re ]]; echo $?", '0\n', '', 0],
    ["re='a('; [[ abc =~ $re || x == x ]]; echo $?", '0\n', '', 0],
    ["re='a('; [[ x == x && abc =~ $re ]]; echo $?", '2\n', '', 0],
    ["re='*['; [[ abc =~ $re ]]", '', '', 2],
    ['[[ ab =~ (a) || ab =~ (b) ]]; echo "${BASH_REMATCH[@]}"', 'a a\n', '', 0],
  ]);
});

// The right side is a word: expansions work, quoted characters are literal, and parentheses, `|`
// and blanks inside parentheses belong to the regex (bash 5.2 parse.y PST_REGEXP; subst.c
// cond_expand_word quotes the quoted characters for the regex). Unquoted expansions of a
// pattern word are patterns (bash manual, "Pattern Matching": only quoted characters are literal).
describe('[[ =~ ]] and pattern words', () => {
  describeCases('words', [
    ["re='^(web|db)-([0-9]+)$'; [[ db-7 =~ $re ]] && echo \"${BASH_REMATCH[1]} ${BASH_REMATCH[2]}\"", 'db 7\n', '', 0],
    ['[[ a.c =~ "a.c" ]] && echo q1; [[ abc =~ "a.c" ]] || echo q2; [[ abc =~ a.c ]] && echo q3', 'q1\nq2\nq3\n', '', 0],
    ['[[ "a b" =~ ^(a b)$ ]] && echo "[${BASH_REMATCH[1]}]"', '[a b]\n', '', 0],
    ['[[ "a(b" =~ a\\(b ]] && echo esc', 'esc\n', '', 0],
    ["p='a*'; case abc in $p) echo glob;; esac; case abc in \"$p\") echo lit;; *) echo nolit;; esac; [[ abc == $p ]] && echo dbl", 'glob\nnolit\ndbl\n', '', 0],
  ]);
});
