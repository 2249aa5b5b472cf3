/**
 * The lines an interactive shell has read for one command so far, and whether it needs more
 * (a PS2 continuation line). Deciding that by re-parsing all the pending text after every line
 * costs time in the square of its length: a 10,000-line here-document pasted at the prompt
 * took about a minute. So after each line only what can change the answer is looked at:
 *
 * - inside here-document bodies, a line is body text unless it is the awaited delimiter (after
 *   `<<-`, once leading tabs are stripped); the text is parsed again only when the last awaited
 *   delimiter has arrived;
 * - inside an open quote, a line without the characters that could end it (or start something
 *   else in there) is more of the quoted text;
 * - between the commands of an unfinished compound command (`if …; then`, a loop, a function
 *   body, a case arm), a line that parses as complete on its own is one more command there;
 * - otherwise the whole text is parsed again.
 *
 * The outcome after every line is the one a full parse of the text would give.
 */
import { parse, type ParseResult } from './parser.ts';

/** What the pending text is, once `add` has looked at the latest line. */
export type PendingState = 'complete' | 'incomplete';

/** See the module comment. */
export class PendingInput {
  private readonly lines: string[];
  /** Here-document delimiters still awaited, the current one first (empty: none). */
  private awaited: { delimiter: string; strip: boolean }[] = [];
  private result: ParseResult;

  /** Starts with the first line (typed at PS1). */
  constructor(first: string) {
    this.lines = [first];
    this.result = this.reparse();
  }

  /** 'incomplete' while the shell should read another line with PS2. */
  get state(): PendingState {
    return this.result.kind === 'incomplete' ? 'incomplete' : 'complete';
  }

  /** The pending text, lines joined by newlines (no final newline). */
  get text(): string {
    return this.lines.join('\n');
  }

  /** How many lines have been read. */
  get lineCount(): number {
    return this.lines.length;
  }

  /** Adds a continuation line and says whether more are needed. */
  add(line: string): PendingState {
    this.lines.push(line);
    if (this.awaited.length > 0) {
      const { delimiter, strip } = this.awaited[0];
      if ((strip ? line.replace(/^\t+/, '') : line) === delimiter) this.awaited.shift();
      // a body line, or a delimiter with more here-documents after it: still incomplete
      if (this.awaited.length > 0) return 'incomplete';
    } else if (this.result.kind === 'incomplete' && staysIncomplete(this.result, line)) return 'incomplete';
    this.result = this.reparse();
    return this.state;
  }

  private reparse(): ParseResult {
    const result = parse(`${this.text}\n`);
    this.awaited = result.kind === 'incomplete' && result.heredocs ? [...result.heredocs] : [];
    return result;
  }
}

/**
 * The characters that can end (or matter inside) the quote each `Incomplete` detail names: in
 * '…' only `'`; in "…" `"`, `$`, backquote and backslash; in `…` backquote and backslash.
 */
const QUOTE_ENDS: Record<string, RegExp> = {
  "unexpected EOF while looking for matching `''": /'/,
  'unexpected EOF while looking for matching `"\'': /["$`\\]/,
  "unexpected EOF while looking for matching ``'": /[`\\]/,
};

/**
 * Lines longer than this are parsed with the rest of the text: alone, a line cannot reach the
 * parser's nesting bound (MAX_PARSE_DEPTH) that it might reach inside open constructs.
 */
const MAX_NEUTRAL_LINE = 200;

/** True when appending `line` to a text that parsed as `result` cannot change the outcome. */
function staysIncomplete(result: Extract<ParseResult, { kind: 'incomplete' }>, line: string): boolean {
  const ends = result.detail === undefined ? undefined : QUOTE_ENDS[result.detail];
  if (ends) return !ends.test(line);
  if (!result.boundary || line.length > MAX_NEUTRAL_LINE) return false;
  // complete on its own: no terminator (fi, done, }, ), ;;, esac… are errors alone), no open
  // quote or here-document, no trailing `|`, `&&` or backslash
  return parse(`${line}\n`).kind === 'ok';
}
