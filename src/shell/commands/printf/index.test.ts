import { describeCases } from '../../testing/cases.ts';

describeCases('printf', [
  ['printf "%s=%d\\n" a 1 b 2', 'a=1\nb=2\n', '', 0],
  ['printf "%5s|%-5s|%05d|%x|%o|%.2f\\n" ab cd 42 255 8 3.14159', '   ab|cd   |00042|ff|10|3.14\n', '', 0],
  ['printf "%s\\n"', '\n', '', 0],
  ['printf "100%%\\n"', '100%\n', '', 0],
  ['printf "%d\\n" abc', '0\n', 'bash: printf: abc: invalid number\n', 1],
  // from here: recorded from real bash 5.2.15 on Debian 12 (LC_ALL=C, `bash -c` minus its `line 1: ` prefix)
  ['printf', '', 'printf: usage: printf [-v var] format [arguments]\n', 2],
  ['printf -v v "%s-%d\\n" a 3 b 4; echo "[$v]"', '[a-3\nb-4\n]\n', '', 0],
  ['printf -v v "%d" x; echo "$? [$v]"', '1 [0]\n', 'bash: printf: x: invalid number\n', 0],
  ['printf -vw %s x; echo $w', 'x\n', '', 0],
  ['printf -v w -- %s y; echo $w', 'y\n', '', 0],
  ['printf -- %s z', 'z', '', 0],
  ['printf -v a[2] "%s" hi; echo "${a[2]}"', 'hi\n', '', 0],
  ['printf -v 1a x', '', "bash: printf: `1a': not a valid identifier\n", 2],
  ['printf -v "" x', '', "bash: printf: `': not a valid identifier\n", 2],
  ['printf -v', '', 'bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]\n', 2],
  ['printf -v v', '', 'printf: usage: printf [-v var] format [arguments]\n', 2],
  ['printf -x', '', 'bash: printf: -x: invalid option\nprintf: usage: printf [-v var] format [arguments]\n', 2],
  ['printf -v v %s x > /dev/full; echo "$? $v"', '0 x\n', '', 0],
]);
