/**
 * The lines an interactive shell has read for one command so far, and whether it needs more
 * (a PS2 continuation line). Deciding that by re-parsing all the pending text after every line
 * costs time in the square of its length: a 10,000-line here-document pasted at the prompt
 * took about a minute. So after each line only what can change the answer is looked at:
 *
 * - inside here-document bodies, a line is body text unless it is the awaited delimiter (after
 *   `<<-`, once leading tabs are stripped); the text is parsed again only when the last awaited
 *   delimiter has arrived;
 * - otherwise the whole text is parsed again, as before.
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
    }
    this.result = this.reparse();
    return this.state;
  }

  private reparse(): ParseResult {
    const result = parse(`${this.text}\n`);
    this.awaited = result.kind === 'incomplete' && result.heredocs ? [...result.heredocs] : [];
    return result;
  }
}
