import { describeCases } from '../../testing/cases.ts';

describeCases('printf', [
  ['printf "%s=%d\\n" a 1 b 2', 'a=1\nb=2\n', '', 0],
  ['printf "%5s|%-5s|%05d|%x|%o|%.2f\\n" ab cd 42 255 8 3.14159', '   ab|cd   |00042|ff|10|3.14\n', '', 0],
  ['printf "%s\\n"', '\n', '', 0],
  ['printf "100%%\\n"', '100%\n', '', 0],
  ['printf "%d\\n" abc', '0\n', 'bash: printf: abc: invalid number\n', 1],
  ['printf', '', 'bash: printf: usage: printf [-v var] format [arguments]\n', 2],
]);
