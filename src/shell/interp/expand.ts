/**
 * Word expansion in bash's order: braces, tilde, parameters, command substitution, arithmetic, then
 * field splitting on IFS (unquoted results only), pathname expansion (globbing against the
 * process's file system) and quote removal.
 *
 * Failures (`${x:?msg}`, bad substitution, arithmetic errors) throw `ExpansionError` carrying
 * bash's message; the interpreter prints it and fails the command (status 1).
 */
import type { Word, WordPart } from '../parser/ast.ts';
import { ArithError, evaluateArithmetic } from './arith.ts';
import type { ArithVars } from './arith.ts';
import { substringRange } from './substring.ts';
import type { SubstringKind } from './substring.ts';
import { braceExpand } from './brace.ts';
import { compilePattern, hasGlobChars } from './pattern.ts';
import type { PatternChar } from './pattern.ts';

/**
 * The longest word an expansion may produce (16 MiB of text). Past it bash would keep growing
 * its buffer until `malloc` fails and print xmalloc.c's fatal `xrealloc: cannot allocate N
 * bytes`; a browser tab would freeze or crash long before, so we print that message at this
 * size and end the command line (status 2, fatal_error's status) instead. Expansion bombs
 * (`a=$a$a` forty times) stop here after a few doublings past 8 MiB.
 */
export const MAX_WORD_LENGTH = 16 * 1024 * 1024;

/** The error for an expansion longer than MAX_WORD_LENGTH. */
export function tooLong(length: number): ExpansionError {
  return new ExpansionError(`bash: xrealloc: cannot allocate ${String(length + 1)} bytes`, 2, true);
}

export class ExpansionError extends Error {
  readonly code = 'EXPANSION';
  /** Exit status bash gives (1 for most, 127… never here). */
  readonly status: number;
  /** `${x:?}` and `set -u` errors end the whole command line (a script: the shell). */
  readonly abort: boolean;
  constructor(message: string, status = 1, abort = false) {
    super(message);
    this.status = status;
    this.abort = abort;
  }
}

/** What expansion needs from the shell. */
export interface ExpansionHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Special parameters: ?, $, #, @ (joined), *, 0, 1…, !, - */
  special(name: string): string | undefined;
  positional(): readonly string[];
  /** The elements of array `name` (a plain variable is one element), or undefined. */
  getArray?(name: string): readonly string[] | undefined;
  /** Runs `$(…)` and returns its stdout. */
  commandSubstitution(source: string): Promise<string>;
  home(user: string): string | undefined;
  /** Directory listing for globbing; undefined when `dir` cannot be read. */
  readdir(dir: string): string[] | undefined;
  cwd(): string;
  /** `set -u`: expanding an unset variable is an error. */
  nounset?(): boolean;
}

interface Seg {
  text: string;
  quoted: boolean;
}

/** A field under construction: segments remember quoting for globbing. */
type Field = Seg[];

const DEFAULT_IFS = ' \t\n';

class Expander {
  private readonly host: ExpansionHost;
  constructor(host: ExpansionHost) {
    this.host = host;
  }

  /** Expands to fields (splitting and globbing on). */
  async fields(word: Word): Promise<string[]> {
    const fields: Field[] = [[]];
    const appendText = (text: string, quoted: boolean) => {
      fields[fields.length - 1].push({ text, quoted });
    };
    const appendSplit = (value: string) => {
      const ifs = this.host.getVar('IFS') ?? DEFAULT_IFS;
      let cur = '';
      for (const ch of value) {
        if (!ifs.includes(ch)) {
          cur += ch;
          continue;
        }
        if (cur) appendText(cur, false);
        cur = '';
        const field = fields[fields.length - 1];
        if (field.length > 0 || !' \t\n'.includes(ch)) fields.push([]);
      }
      if (cur) appendText(cur, false);
    };
    for (const part of word.parts) {
      await this.part(part, false, appendText, appendSplit, (multi) => {
        // "$@" inside double quotes: each positional parameter becomes its own field.
        multi.forEach((v, i) => {
          if (i > 0) fields.push([]);
          appendText(v, true);
        });
      });
    }
    const out: string[] = [];
    let total = 0;
    for (const f of fields) for (const s of f) total += s.text.length;
    if (total > MAX_WORD_LENGTH) throw tooLong(total);
    for (const f of fields) {
      const text = f.map((s) => s.text).join('');
      if (text === '' && !f.some((s) => s.quoted)) continue;
      // one object per character only when an unquoted glob character may need them
      if (!f.some((s) => !s.quoted && /[*?[]/.test(s.text))) {
        out.push(text);
        continue;
      }
      const chars: PatternChar[] = [];
      for (const s of f) for (const ch of s.text) chars.push({ ch, quoted: s.quoted });
      if (hasGlobChars(chars)) {
        const matches = this.glob(chars);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(text);
    }
    return out;
  }

  /** Expands to one string (no splitting, no globbing): assignments, redirection targets, case. */
  async single(word: Word): Promise<string> {
    let out = '';
    const add = (t: string) => {
      out += t;
    };
    for (const part of word.parts) await this.part(part, true, add, add, (multi) => add(multi.join(' ')));
    if (out.length > MAX_WORD_LENGTH) throw tooLong(out.length);
    return out;
  }

  /** As `single`, but keeps which characters were quoted (for `case` patterns). */
  async pattern(word: Word): Promise<PatternChar[]> {
    const chars: PatternChar[] = [];
    const add = (quoted: boolean) => (t: string) => {
      for (const ch of t) chars.push({ ch, quoted });
    };
    for (const part of word.parts) {
      if (part.type === 'lit') add(part.quoted)(part.text);
      else await this.part(part, false, (t, q) => add(q)(t), add(false), (multi) => add(true)(multi.join(' ')));
    }
    return chars;
  }

  private async part(
    part: WordPart,
    inQuotes: boolean,
    appendText: (text: string, quoted: boolean) => void,
    appendSplit: (value: string) => void,
    appendMulti: (values: string[]) => void,
  ): Promise<void> {
    switch (part.type) {
      case 'lit':
        appendText(part.text, part.quoted || inQuotes);
        return;
      case 'tilde': {
        const home = this.host.home(part.user);
        appendText(home ?? `~${part.user}`, true);
        return;
      }
      case 'dq': {
        let any = false;
        for (const p of part.parts) {
          any = true;
          await this.part(p, true, (t) => appendText(t, true), (t) => appendText(t, true), appendMulti);
        }
        if (!any) appendText('', true);
        return;
      }
      case 'array':
        // Only meaningful as an assignment's value (runSimple handles it); elsewhere, nothing.
        return;
      case 'param': {
        const all = part.index === '@' || part.index === '*';
        if (all && part.length && !part.op) {
          const n = String(this.host.getArray?.(part.name)?.length ?? 0);
          if (inQuotes) appendText(n, true);
          else appendSplit(n);
          return;
        }
        if (((part.name === '@' || part.name === '*') && part.index === undefined) || all) {
          const slice = part.op === ':' && !part.length;
          if ((part.op && !slice) || part.length) throw new ExpansionError(`bash: \${${part.name}${all ? `[${part.index}]` : ''}}: bad substitution`);
          let values = all ? [...(this.host.getArray?.(part.name) ?? [])] : [...this.host.positional()];
          if (slice) values = await this.slice(part, all ? values : [this.host.special('0') ?? '', ...values], all ? 'array' : 'positional');
          const star = all ? part.index === '*' : part.name === '*';
          if (inQuotes && !star) {
            if (values.length > 0) appendMulti(values);
            return;
          }
          const ifs = this.host.getVar('IFS') ?? DEFAULT_IFS;
          const joined = values.join(star ? ifs.slice(0, 1) : ' ');
          if (inQuotes) appendText(joined, true);
          else appendSplit(joined);
          return;
        }
        const value = await this.param(part);
        if (inQuotes) appendText(value, true);
        else appendSplit(value);
        return;
      }
      case 'cmd': {
        const output = (await this.host.commandSubstitution(part.source)).replace(/\n+$/, '');
        if (inQuotes) appendText(output, true);
        else appendSplit(output);
        return;
      }
      case 'arith': {
        const inner = await this.single(parseArithWord(part.expr));
        let value: number;
        try {
          value = evaluateArithmetic(inner, { get: (n) => this.lookup(n), set: (n, v) => this.host.setVar(n, v) });
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(`bash: ${e.message}`);
          throw e;
        }
        if (inQuotes) appendText(String(value), true);
        else appendSplit(String(value));
        return;
      }
    }
  }

  /** `${@:OFF:LEN}`, `${a[@]:OFF:LEN}`: the items of `items` the substring spec selects. */
  private async slice(part: Extract<WordPart, { type: 'param' }>, items: string[], kind: SubstringKind): Promise<string[]> {
    const spec = part.arg ? await this.single(part.arg) : '';
    const range = substringRange(spec, items.length, kind, this.arithVars());
    return range ? items.slice(range[0], range[1]) : [];
  }

  private arithVars(): ArithVars {
    return { get: (n) => this.lookup(n), set: (n, v) => this.host.setVar(n, v) };
  }

  /** `${a[N]}`: element N (an arithmetic expression; negative counts from the end). */
  private async element(name: string, index: string): Promise<string | undefined> {
    let i: number;
    try {
      i = evaluateArithmetic(await this.single(parseArithWord(index)), { get: (n) => this.lookup(n), set: (n, v) => this.host.setVar(n, v) });
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(`bash: ${e.message}`);
      throw e;
    }
    const values = this.host.getArray?.(name) ?? [];
    if (i < 0) {
      if (values.length + i < 0) throw new ExpansionError(`bash: ${name}: bad array subscript`);
      i += values.length;
    }
    return values[i];
  }

  private lookup(name: string): string | undefined {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return this.host.getVar(name);
    return this.host.special(name);
  }

  private async param(part: Extract<WordPart, { type: 'param' }>): Promise<string> {
    if (part.op === 'bad') {
      const text = part.arg?.parts.map((p) => (p.type === 'lit' ? p.text : '')).join('') ?? '';
      throw new ExpansionError(`bash: \${${text}}: bad substitution`);
    }
    const value = part.index === undefined ? this.lookup(part.name) : await this.element(part.name, part.index);
    if (value === undefined && this.host.nounset?.() && (!part.op || part.op === '#' || part.op === '##' || part.op === '%' || part.op === '%%' || part.op === '/' || part.op === '//' || part.op === ':')) {
      if (part.name !== '@' && part.name !== '*') throw new ExpansionError(`bash: ${part.name}: unbound variable`, 1, true);
    }
    if (part.length) return String([...(value ?? '')].length);
    if (!part.op) return value ?? '';
    const op = part.op;
    const arg = async () => (part.arg ? this.single(part.arg) : '');
    const unsetOrNull = value === undefined || (op.startsWith(':') && value === '');
    switch (op) {
      case ':-':
      case '-':
        return unsetOrNull ? arg() : (value as string);
      case ':=':
      case '=': {
        if (!unsetOrNull) return value as string;
        const v = await arg();
        this.host.setVar(part.name, v);
        return v;
      }
      case ':+':
      case '+':
        return unsetOrNull ? '' : arg();
      case ':?':
      case '?': {
        if (!unsetOrNull) return value as string;
        const msg = await arg();
        throw new ExpansionError(`bash: ${part.name}: ${msg || 'parameter null or not set'}`, 1, true);
      }
      case '#':
      case '##':
      case '%':
      case '%%': {
        const chars = part.arg ? await this.pattern(part.arg) : [];
        return trimPattern(value ?? '', chars, op);
      }
      case '/':
      case '//': {
        const raw = part.arg ? await this.single(part.arg) : '';
        const slash = raw.indexOf('/');
        const pat = slash >= 0 ? raw.slice(0, slash) : raw;
        const rep = slash >= 0 ? raw.slice(slash + 1) : '';
        const v = value ?? '';
        const compile = (text: string) => compilePattern([...text].map((ch) => ({ ch, quoted: false })));
        if (op === '/' && pat.startsWith('#')) {
          // ${v/#pat/rep}: the longest match anchored at the start
          const l = compile(pat.slice(1)).prefixLengths(v).at(-1);
          return l === undefined ? v : rep + v.slice(l);
        }
        if (op === '/' && pat.startsWith('%')) {
          const l = compile(pat.slice(1)).suffixLengths(v).at(-1);
          return l === undefined ? v : v.slice(0, v.length - l) + rep;
        }
        if (!pat) return v;
        return await compile(pat).replace(v, rep, op === '//');
      }
      case ':': {
        const s = [...(value ?? '')];
        const range = substringRange(await arg(), s.length, 'string', this.arithVars());
        return range ? s.slice(range[0], range[1]).join('') : '';
      }
    }
    return value ?? '';
  }

  /** Pathname expansion of one field. Returns sorted matches, or [] when nothing matches. */
  private glob(chars: PatternChar[]): string[] {
    const absolute = chars[0]?.ch === '/';
    const comps: PatternChar[][] = [[]];
    for (const c of chars) {
      if (c.ch === '/') comps.push([]);
      else comps[comps.length - 1].push(c);
    }
    let paths: string[] = [absolute ? '/' : ''];
    const start = absolute ? 1 : 0;
    for (let i = start; i < comps.length; i++) {
      const comp = comps[i];
      const last = i === comps.length - 1;
      if (comp.length === 0) {
        if (last) paths = paths.map((p) => (p.endsWith('/') ? p : `${p}/`));
        continue;
      }
      const next: string[] = [];
      for (const base of paths) {
        if (!hasGlobChars(comp)) {
          next.push(joinPath(base, comp.map((c) => c.ch).join('')));
          continue;
        }
        const dir = base === '' ? this.host.cwd() : base.startsWith('/') ? base : `${this.host.cwd()}/${base}`;
        const names = this.host.readdir(dir);
        if (!names) continue;
        const re = compilePattern(comp);
        const dotOk = comp[0]?.ch === '.';
        for (const name of names.sort(compareGlob)) {
          if (name.startsWith('.') && !dotOk) continue;
          if (re.test(name)) next.push(joinPath(base, name));
        }
      }
      paths = next;
      if (paths.length === 0) return [];
    }
    return paths;
  }
}

function joinPath(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

/** Glob results sort like bash in the C.UTF-8 locale: by code point. */
function compareGlob(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function trimPattern(value: string, chars: PatternChar[], op: string): string {
  const pattern = compilePattern(chars);
  if (op === '#' || op === '##') {
    const lens = pattern.prefixLengths(value);
    const l = op === '#' ? lens[0] : lens.at(-1);
    return l === undefined ? value : value.slice(l);
  }
  const lens = pattern.suffixLengths(value);
  const l = op === '%' ? lens[0] : lens.at(-1);
  return l === undefined ? value : value.slice(0, value.length - l);
}


/** The inside of `$(( ))` may itself contain `$x` and `$(…)`: parse it as a here-doc-like word. */
function parseArithWord(expr: string): Word {
  return heredocWord(expr);
}

let heredocWord: (body: string) => Word = (body) => ({ parts: [{ type: 'lit', text: body, quoted: true }] });

/** Wires in the here-document word parser (kept separate to avoid an import cycle). */
export function setArithWordParser(fn: (body: string) => Word): void {
  heredocWord = fn;
}

/** Expands words into argv (splitting and globbing). */
export async function expandWords(words: readonly Word[], host: ExpansionHost): Promise<string[]> {
  const ex = new Expander(host);
  const out: string[] = [];
  for (const w of words) for (const b of braceExpand(w)) out.push(...(await ex.fields(b)));
  return out;
}

/** Expands one word to a single string (no splitting or globbing). */
export function expandSingle(word: Word, host: ExpansionHost): Promise<string> {
  return new Expander(host).single(word);
}

/** Expands a `case` pattern, keeping quoted characters literal. */
export function expandPattern(word: Word, host: ExpansionHost): Promise<PatternChar[]> {
  return new Expander(host).pattern(word);
}
