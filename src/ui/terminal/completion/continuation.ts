/**
 * Where the first word of a continuation (PS2) line stands, as bash decides it. bash's
 * `attempt_shell_completion` (bashline.c) treats the start of a line as a command position at
 * PS1 always, and at PS2 only when `parser_in_command_position()` says the parser's last token
 * accepts a reserved word — a newline that ended a command (`for f in /et⏎`, `if true; then⏎`),
 * or `|`, `&&`, `;` before a backslash-newline. Inside an open quote, a here-document body or a
 * word continued with backslash-newline, the first word is an argument: file names complete.
 * The same function also runs programmable completion (`complete -F`, which is how kubectl,
 * docker and ip completion are installed) only when `current_prompt_string == ps1_prompt`, so at
 * PS2 only command names and file names complete.
 */
import { parse } from '../../../shell/parser/parser.ts';

/** Tokens after which the parser is at a command position (parse.y reserved_word_acceptable). */
const COMMAND_TOKENS = new Set([';', '|', '&', '&&', '||', '|&', '(', ')', '{', '}', '!', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'if', 'then', 'time', 'until', 'while', ';;', ';&', ';;&']);

/**
 * True when a line typed after `continues` (the earlier lines of the pending command, joined by
 * newlines) starts at a command position.
 */
export function continuesAtCommand(continues: string): boolean {
  const result = parse(`${continues}\n`);
  if (result.kind === 'incomplete' && (result.heredocs !== undefined || /matching/.test(result.detail ?? ''))) return false;
  const trailing = /\\+$/.exec(continues)?.[0].length ?? 0;
  if (trailing % 2 === 0) return true; // the newline itself ended the line: a command may start
  // backslash-newline joins the lines: the last token before it decides
  const last = continues.slice(0, -1).trimEnd().split(/\s+/).pop() ?? '';
  return last === '' || COMMAND_TOKENS.has(last) || /[;|&(){]$/.test(last);
}
