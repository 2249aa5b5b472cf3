import { describeCases } from '../../testing/cases.ts';

describeCases('grep', [
  ["printf 'apple\\nBanana\\ncherry\\napple pie\\n' > f", '', '', 0],
  ['grep apple f', 'apple\napple pie\n', '', 0],
  ['grep -i banana f', 'Banana\n', '', 0],
  ['grep -v apple f', 'Banana\ncherry\n', '', 0],
  ['grep -n apple f', '1:apple\n4:apple pie\n', '', 0],
  ['grep -c apple f', '2\n', '', 0],
  ['grep -E "^(apple|cherry)$" f', 'apple\ncherry\n', '', 0],
  ['grep "ch\\(er\\)\\+ry" f', 'cherry\n', '', 0],
  ['grep -w pie f', 'apple pie\n', '', 0],
  ['grep -o "a[a-z]*e" f', 'apple\napple\n', '', 0],
  ['grep -q cherry f && echo found', 'found\n', '', 0],
  ['grep nothing f', '', '', 1],
  ['mkdir d && echo apple > d/g && grep -r apple d', 'd/g:apple\n', '', 0],
  ['grep apple f nope', 'f:apple\nf:apple pie\n', 'grep: nope: No such file or directory\n', 2],
  ['grep "[a" f', '', 'grep: Unmatched [, [^, [:, [., or [=\n', 2],
  ['echo streamed | grep str', 'streamed\n', '', 0],
  ['grep', '', "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
  ['grep -Z x f', '', "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
]);
