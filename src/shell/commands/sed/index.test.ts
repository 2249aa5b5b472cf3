import { describeCases } from '../../testing/cases.ts';

describeCases('sed', [
  ["printf 'one\\ntwo\\nthree\\n' > f", '', '', 0],
  ['sed s/o/0/ f', '0ne\ntw0\nthree\n', '', 0],
  ['sed "s/e/E/g" f', 'onE\ntwo\nthrEE\n', '', 0],
  ['sed -n 2p f', 'two\n', '', 0],
  ['sed 2d f', 'one\nthree\n', '', 0],
  ['sed "/^t/d" f', 'one\n', '', 0],
  ['sed -n "/two/,\\$p" f', 'two\nthree\n', '', 0],
  ['sed -E "s/(t)(w)/\\2\\1/" f', 'one\nwto\nthree\n', '', 0],
  ['sed "s/.*/[&]/" f', '[one]\n[two]\n[three]\n', '', 0],
  ['sed -e 1d -e "s/three/3/" f', 'two\n3\n', '', 0],
  ['sed 2q f', 'one\ntwo\n', '', 0],
  ['sed -i s/one/ONE/ f && cat f', 'ONE\ntwo\nthree\n', '', 0],
  ['echo a.b | sed "s|\\.|/|"', 'a/b\n', '', 0],
  ['sed s/x/y/ f nope', 'ONE\ntwo\nthree\n', "sed: can't read nope: No such file or directory\n", 2],
  ['sed "s/a/b" f', '', "sed: -e expression #1, char 5: unterminated `s' command\n", 1],
  ['sed k f', '', "sed: -e expression #1, char 1: unknown command: `k'\n", 1],
]);

// Recorded from GNU sed 4.9 on Debian 12 (LC_ALL=C): in an ERE, a repetition operator with nothing
// before it (start of the pattern, after `(`, `|` or `^`) is glibc's REG_BADRPT.
const BADRPT = (char: number) => `sed: -e expression #1, char ${char}: Invalid preceding regular expression\n`;
describeCases('sed -E: a repetition operator with nothing to repeat', [
  ["printf 'a\\n*a\\nxa\\n' > sa.txt", '', '', 0],
  ["sed -E 's/*a/x/' sa.txt", '', BADRPT(7), 1],
  ["sed -E 's/+a/x/' sa.txt", '', BADRPT(7), 1],
  ["sed -E 's/{1}a/x/' sa.txt", '', BADRPT(9), 1],
  ["sed -E 's/(*a)/x/' sa.txt", '', BADRPT(9), 1],
  ["sed -E 's/b|*a/x/' sa.txt", '', BADRPT(9), 1],
  ["sed -E 's/^*a/x/' sa.txt", '', BADRPT(8), 1],
  ["sed -E 's/{a/x/' sa.txt", '', BADRPT(7), 1],
  ["sed -E 's/(?a)/x/' sa.txt", '', BADRPT(9), 1],
  ["sed -E 's/a*/x/' sa.txt", 'x\nx*a\nxxa\n', '', 0],
  ["sed 's/*a/x/' sa.txt", 'a\nx\nxa\n', '', 0],
]);

// Intervals and brackets as glibc 2.36's regcomp (posix/regcomp.c parse_dup_op + fetch_number,
// no RE_INVALID_INTERVAL_ORD in sed's syntaxes) reports them through GNU sed 4.9's bad_prog. The
// char number is how far compile.c has read the script: the whole s command with its flags plus
// the `;` or newline that ends it (mark_subst_opts consumes them; end of script adds nothing), or
// for an address the closing delimiter and the blanks in_nonblank skipped. `s/x{a/y/` is 8
// characters, so char 8 (a brief that said char 9 miscounted). Messages: glibc's __re_error_msgid.
const AT = (char: number, msg: string) => `sed: -e expression #1, char ${char}: ${msg}\n`;
const EBRACE = 'Unmatched \\{';
const BADBR = 'Invalid content of \\{\\}';
describeCases('sed: malformed intervals, brackets and groups', [
  ['echo xx > iv.txt', '', '', 0],
  ["sed -E 's/x{a/y/' iv.txt", '', AT(8, EBRACE), 1],
  ["sed -E 's/x{1/y/' iv.txt", '', AT(8, EBRACE), 1],
  ["sed -E 's/x{1,/y/' iv.txt", '', AT(9, EBRACE), 1],
  ["sed -E 's/x{a}/y/' iv.txt", '', AT(9, BADBR), 1],
  ["sed -E 's/x{}/y/' iv.txt", '', AT(8, BADBR), 1],
  ["sed -E 's/x{1,a}/y/' iv.txt", '', AT(11, BADBR), 1],
  ["sed -E 's/x{2,1}/y/;p' iv.txt", '', AT(12, BADBR), 1],
  ["sed -E 's/x{1,2,3}/y/' iv.txt", '', AT(13, BADBR), 1],
  ["sed -E 's/x{32768}/y/' iv.txt", '', AT(13, 'Regular expression too big'), 1],
  ["sed 's/x\\{a\\}/y/' iv.txt", '', AT(11, BADBR), 1],
  ["sed 's/x\\{1/y/' iv.txt", '', AT(9, EBRACE), 1],
  ["sed -E '/x{a/ p' iv.txt", '', AT(6, EBRACE), 1],
  ["sed -E 's/[z-a]/y/' iv.txt", '', AT(10, 'Invalid range end'), 1],
  ["sed -E 's/(a/y/' iv.txt", '', AT(7, 'Unmatched ( or \\('), 1],
  ["sed 's/\\(a/y/' iv.txt", '', AT(8, 'Unmatched ( or \\('), 1],
  // match_slash reads a bracket expression whole (snarf_char_class): `[a/y/;p` never closes, so
  // the s command is unterminated (and a `/` inside brackets is part of the regex)
  ["sed -E 's/[a/y/;p' iv.txt", '', AT(9, "unterminated `s' command"), 1],
  ["echo a/b | sed 's/[/]/-/'", 'a-b\n', '', 0],
  ["sed -E 's/x{,1}/y/' iv.txt", 'yx\n', '', 0],
  ["sed -E 's/x{2}/y/' iv.txt", 'y\n', '', 0],
]);

// mark_subst_opts (GNU sed 4.9 compile.c): blanks between flags are skipped, the `;` or newline
// ends the command, each flag's own error at the character that made it; compile_rx's check that
// the replacement's \N exist (regexp.c, INVALID_REF). Messages as compile.c defines them.
describeCases('sed: s command flags', [
  ['echo banana > fl.txt', '', '', 0],
  ["sed 's/a/o/ 2' fl.txt", 'banona\n', '', 0],
  ["sed -n 's/a/o/g p' fl.txt", 'bonono\n', '', 0],
  ["sed 's/a/o/;;s/b/B/' fl.txt", 'Bonana\n', '', 0],
  ["sed 's/a/o/x' fl.txt", '', AT(7, "unknown option to `s'"), 1],
  ["sed 's/a/o/gg' fl.txt", '', AT(8, "multiple `g' options to `s' command"), 1],
  ["sed 's/a/o/pp' fl.txt", '', AT(8, "multiple `p' options to `s' command"), 1],
  ["sed 's/a/o/0' fl.txt", '', AT(7, "number option to `s' command may not be zero"), 1],
  ["sed 's/a/o/2g3' fl.txt", '', AT(9, "multiple number options to `s' command"), 1],
  ["sed 's/\\(a\\)/\\2/' fl.txt", '', AT(11, "invalid reference \\2 on `s' command's RHS"), 1],
  ["sed -E 's/(a)n/\\1\\1/g' fl.txt", 'baaaaa\n', '', 0],
]);
