/**
 * Indexed arrays as tutorials use them (bash 5.2): `a=(x y)`, `a+=(z)`, `${a[@]}` (each element
 * its own word when quoted), `${a[*]}`, `${#a[@]}`, `${a[N]}` with arithmetic and negative
 * subscripts, `$a` is element 0, `unset a`. Out-of-range negative: "bad array subscript".
 */
import { describe } from 'vitest';
import { describeCases } from '../testing/cases.ts';

describe('arrays', () => {
  describeCases('arrays', [
    ['a=(x "y z" w)', '', '', 0],
    ['echo ${#a[@]} ${a[1]} $a ${a[-1]} ${a[1+1]}', '3 y z x w w\n', '', 0],
    ['for i in "${a[@]}"; do echo "[$i]"; done', '[x]\n[y z]\n[w]\n', '', 0],
    ['for i in ${a[@]}; do echo "[$i]"; done | wc -l; echo "${a[*]}"', '4\nx y z w\n', '', 0],
    ['a+=(v); echo ${#a[@]} ${a[3]}; b=(); echo "${#b[@]}[${b[@]}]"', '4 v\n0[]\n', '', 0],
    ['hosts=(web db); for h in "${hosts[@]}"; do echo "ping $h"; done', 'ping web\nping db\n', '', 0],
    ['c=(1 2\n 3); echo ${c[@]}; echo ${#c[0]} "${x[@]}" ${#x[@]}', '1 2 3\n1 0\n', '', 0],
    ['echo ${a[-9]}', '', 'bash: a: bad array subscript\n', 1],
    ['unset a; echo "[${a[@]}]" ${#a[@]}', '[] 0\n', '', 0],
  ]);
});
