/**
 * The syntax tree of a shell program, as the parser builds it and the interpreter walks it.
 * Words keep their quoting structure so expansion can decide what is split and globbed.
 */

/** A piece of a word. `quoted` literals are neither split nor globbed. */
export type WordPart =
  | { type: 'lit'; text: string; quoted: boolean }
  | { type: 'dq'; parts: WordPart[] }
  | { type: 'param'; name: string; op?: string; arg?: Word; length?: boolean; index?: string }
  /** `NAME=(w1 w2 …)`: the words of an array assignment (only as an assignment's value). */
  | { type: 'array'; words: Word[] }
  | { type: 'cmd'; source: string }
  | { type: 'arith'; expr: string }
  | { type: 'tilde'; user: string };

export interface Word {
  parts: WordPart[];
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '<>' | '>|';

export interface Redirect {
  /** The file descriptor redirected; undefined means the operator's default (0 or 1). */
  fd?: number;
  op: RedirOp;
  target: Word;
  /** For here-documents: the body (filled in when the parser reaches the next line). */
  heredoc?: { body: string; quoted: boolean; delimiter: string };
}

export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
  /** The source text, for `history`, `set -x` and error messages. */
  line: number;
}

export interface IfClause {
  type: 'if';
  branches: { cond: List; body: List }[];
  elseBody?: List;
  redirs: Redirect[];
}

export interface ForClause {
  type: 'for';
  name: string;
  /** undefined: iterate over "$@". */
  items?: Word[];
  body: List;
  redirs: Redirect[];
}

export interface LoopClause {
  type: 'while' | 'until';
  cond: List;
  body: List;
  redirs: Redirect[];
}

export interface CaseClause {
  type: 'case';
  subject: Word;
  arms: { patterns: Word[]; body: List; fallthrough: boolean }[];
  redirs: Redirect[];
}

export interface Group {
  type: 'group' | 'subshell';
  body: List;
  redirs: Redirect[];
}

export interface FunctionDef {
  type: 'function';
  name: string;
  body: ShellCommand;
  /** bash's error when the name may not be defined (it holds `$` or quoting): status 1. */
  invalid?: string;
}

export type ShellCommand = SimpleCommand | IfClause | ForClause | LoopClause | CaseClause | Group | FunctionDef;

export interface Pipeline {
  negate: boolean;
  commands: ShellCommand[];
  /** `time [-p] pipeline`: report real/user/sys on stderr when it ends (`-p`: POSIX format). */
  time?: 'bash' | 'posix';
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  node: AndOr;
  background: boolean;
  /** Source text of this item (for job messages such as `[1]+  Done  sleep 5`). */
  text: string;
  /**
   * Warnings bash's reader prints just before this item runs (a here-document cut off by the
   * end of the input): after what earlier items printed, as bash reads and runs one at a time.
   */
  warnings?: string[];
}

export interface List {
  items: ListItem[];
}
