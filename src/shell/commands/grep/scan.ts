/**
 * One input through GNU grep 3.8's output logic (src/grep.c prtext/prpending/print_line_head):
 * selected lines with ':' after the file name, line number and byte offset, context lines with
 * '-', a group separator before a group that does not follow the last printed line, trailing
 * context still printed after the -m'th selected line, and GREP_COLORS' default SGR colours.
 */
import type { PosixRegex } from '../../lib/regex.ts';
import { utf8Length } from '../../lib/utf8.ts';

/** What stays the same for every input of one grep run. */
export interface ScanSettings {
  regex: PosixRegex;
  invert: boolean;
  maxCount: number;
  after: number;
  before: number;
  /** Whether line output happens at all (not -c, -l, -L, -q). */
  printLines: boolean;
  onlyMatching: boolean;
  lineNumber: boolean;
  byteOffset: boolean;
  initialTab: boolean;
  nullAfterName: boolean;
  groupSeparator: string | undefined;
  color: boolean;
  /**
   * BusyBox grep: trailing context after the -m'th line stops at the next selected line, the
   * separator compares line numbers across files (last_line_printed is global) and is checked
   * before every printed piece, and -o prints context lines whole.
   */
  busybox: boolean;
  /** The line terminator: '\n', or '\0' with -z. */
  eol: string;
  write(text: string): void;
}

/** State shared across the inputs of one run: GNU prints a separator only after some output. */
export interface ScanRun {
  used: boolean;
  /** The number of the last line printed, in whichever input (BusyBox's last_line_printed). */
  lastLine: number;
}

/** One input: its name for the prefix (undefined: no prefix), and the -T offset width. */
export interface ScanInput {
  name: string | undefined;
  offsetWidth: number;
  /**
   * Binary input (has NUL bytes): the first selected line ends the scan instead of printing.
   * A streamed input turns binary at its first line with a NUL when `detectBinary` is set.
   */
  binary: boolean;
  /** Look for NUL bytes line by line (stdin, whose whole text is not known up front). */
  detectBinary?: boolean;
  next(): Promise<string | null>;
}

const SGR = (code: string, text: string) => `\x1b[${code}m\x1b[K${text}\x1b[m\x1b[K`;

/** Scans one input; returns the number of selected lines (at most maxCount). */
export async function scanInput(s: ScanSettings, run: ScanRun, input: ScanInput): Promise<number> {
  const selects = (line: string) => s.regex.test(line) !== s.invert;
  const sep = (c: string) => (s.color ? SGR('36', c) : c);
  const num = (n: number) => {
    const t = String(n).padStart(s.initialTab ? input.offsetWidth : 0);
    return s.color ? SGR('32', t) : t;
  };
  const head = (lineNo: number, offset: number, c: string, nonEmpty: boolean) => {
    let h = '';
    if (input.name !== undefined) h += (s.color ? SGR('35', input.name) : input.name) + (s.nullAfterName ? '\0' : sep(c));
    if (s.lineNumber) h += num(lineNo) + sep(c);
    if (s.byteOffset) h += num(offset) + sep(c);
    if (s.initialTab && h !== '' && nonEmpty) h += '\t';
    return h;
  };
  const body = (line: string, highlight: boolean) => {
    if (!s.color || !highlight) return line;
    let out = '';
    let pos = 0;
    for (const m of s.regex.matchAll(line)) {
      if (m[0] === '') continue;
      out += line.slice(pos, m.index) + SGR('01;31', m[0]);
      pos = m.end;
    }
    return out + line.slice(pos);
  };
  /** Line number after the last printed line (0: nothing printed from this input yet). */
  let lastOut = 0;
  const context = s.after >= 0 || s.before >= 0;
  /** BusyBox's print_line: its separator check runs for every piece printed, -o matches too. */
  const bbPiece = (lineNo: number) => {
    if (context && run.used && lineNo !== run.lastLine + 1) s.write('--\n');
    run.used = true;
    run.lastLine = lineNo;
  };
  const print = (line: string, lineNo: number, offset: number, c: ':' | '-') => {
    if (s.onlyMatching && (c === ':' || !s.busybox)) {
      // GNU prints nothing of context lines with -o; BusyBox prints them whole
      if (c === '-' || s.invert) return;
      for (const m of s.regex.matchAll(line)) {
        if (m[0] === '') continue;
        if (s.busybox) bbPiece(lineNo);
        const at = offset + utf8Length(line.slice(0, m.index));
        s.write(`${head(lineNo, at, c, true)}${s.color ? SGR('01;31', m[0]) : m[0]}${s.eol}`);
      }
      return;
    }
    if (s.busybox) bbPiece(lineNo);
    s.write(`${head(lineNo, offset, c, line !== '')}${body(line, (c === ':') !== s.invert)}${s.eol}`);
  };
  const before: { line: string; no: number; offset: number }[] = [];
  let pending = 0;
  let count = 0;
  let lineNo = 0;
  let offset = 0;
  for (;;) {
    if (count >= s.maxCount && pending === 0) break;
    const line = await input.next();
    if (line === null) break;
    lineNo++;
    if (input.detectBinary && !input.binary && line.includes('\0')) input.binary = true;
    const at = offset;
    offset += utf8Length(line) + 1;
    const selected = selects(line);
    if (selected && count >= s.maxCount && s.busybox) break;
    if (count < s.maxCount && selected) {
      count++;
      if (!s.printLines) continue;
      if (input.binary) break;
      const first = before.length > 0 ? before[0].no : lineNo;
      const adjacent = lastOut !== 0 && first === lastOut + 1;
      if (!s.busybox && context && run.used && !adjacent && s.groupSeparator !== undefined) s.write(`${sep(s.groupSeparator)}\n`);
      for (const b of before) print(b.line, b.no, b.offset, '-');
      before.length = 0;
      print(line, lineNo, at, ':');
      run.used = true;
      lastOut = lineNo;
      pending = Math.max(s.after, 0);
      continue;
    }
    if (!s.printLines) continue;
    if (pending > 0) {
      pending--;
      print(line, lineNo, at, '-');
      lastOut = lineNo;
      continue;
    }
    if (s.before > 0) {
      before.push({ line, no: lineNo, offset: at });
      if (before.length > s.before) before.shift();
    }
  }
  return count;
}
