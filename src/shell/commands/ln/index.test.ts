/**
 * Whole-output tests of ln -s. Expected stdout, stderr and status recorded from GNU coreutils
 * 9.1's ln on Debian 12 (LC_ALL=C), the lines run in order in one empty directory.
 */
import { describeCases } from '../../testing/cases.ts';

describeCases("ln -s (GNU coreutils 9.1, Debian 12)", [
  ["mkdir dir && touch f", "", "", 0],
  ["ln -s f l1 && readlink l1", "f\n", "", 0],
  ["ln -s f l1", "", "ln: failed to create symbolic link 'l1': File exists\n", 1],
  ["ln -sf g l1 && readlink l1", "g\n", "", 0],
  ["ln -sv f l2", "'l2' -> 'f'\n", "", 0],
  ["ln -s f", "", "ln: failed to create symbolic link './f': File exists\n", 1],
  ["ln -s f dir && readlink dir/f", "f\n", "", 0],
  ["ln -s a b c", "", "ln: target 'c': No such file or directory\n", 1],
  ["ln -s a b f", "", "ln: target 'f': Not a directory\n", 1],
  ["ln -s a b dir && readlink dir/a dir/b", "a\nb\n", "", 0],
  ["ln", "", "ln: missing file operand\nTry 'ln --help' for more information.\n", 1],
  ["ln -s", "", "ln: missing file operand\nTry 'ln --help' for more information.\n", 1],
  ["ln -s x nodir/y", "", "ln: failed to create symbolic link 'nodir/y': No such file or directory\n", 1],
  ["ln -sfv f dir/f", "'dir/f' -> 'f'\n", "", 0],
  ["ln -sq f", "", "ln: invalid option -- 'q'\nTry 'ln --help' for more information.\n", 1],
  ["ln --bogus", "", "ln: unrecognized option '--bogus'\nTry 'ln --help' for more information.\n", 1],
  ["ln -sn f dir", "", "ln: failed to create symbolic link 'dir/f': File exists\n", 1],
  ["ln -sT f dir", "", "ln: failed to create symbolic link 'dir': File exists\n", 1],
  ["ln -sT f l5 extra", "", "ln: extra operand 'extra'\nTry 'ln --help' for more information.\n", 1],
  ["ln -s -t dir f2 && readlink dir/f2", "f2\n", "", 0],
  ["ln -s -t nodir f", "", "ln: failed to access 'nodir': No such file or directory\n", 1],
  ["ln -s /etc/hostname h && cat h | wc -l", "1\n", "", 0],
  ["ln -s dir dl && ln -sn g dl", "", "ln: failed to create symbolic link 'dl': File exists\n", 1],
  ["ln -s g dl && readlink dl/g", "g\n", "", 0],
]);

describeCases('ln: what is not emulated says so', [
  ['touch f && ln f hard', '', "petlab: 'ln without -s (hard links)' is not available in this lab\n", 1],
  ['ln -sr f rel', '', "petlab: 'ln -r' is not available in this lab\n", 1],
]);
