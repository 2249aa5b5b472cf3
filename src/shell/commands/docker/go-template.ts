/**
 * A Go text/template subset for `--format`/`-f`, with the functions docker/cli adds
 * (`json`, `join`, `split`, `lower`, `upper`, `title`, `pad`, `truncate`, `println`): fields
 * (`{{.State.Pid}}`), variables, `range` (with `$k, $v :=`), `if`/`else if`/`else`, `with`,
 * pipelines (`{{.Name | upper}}`), `index`, `len`, `printf "%s"`, comparisons, `{{-`/`-}}` trims.
 * Values print as Go prints them (`[a b]`, `map[k:v]`, `<no value>`).
 *
 * `parseTemplate` throws TemplateError with Go's wording (`template: :1: unexpected EOF`).
 */
export class TemplateError extends Error {}

type Node =
  | { t: 'text'; s: string }
  | { t: 'action'; p: Pipe }
  | { t: 'if'; p: Pipe; yes: Node[]; no: Node[] }
  | { t: 'range'; p: Pipe; k?: string; v?: string; body: Node[]; no: Node[] }
  | { t: 'with'; p: Pipe; body: Node[]; no: Node[] };

type Operand =
  | { o: 'field'; base: 'dot' | string; path: string[] }
  | { o: 'lit'; v: unknown }
  | { o: 'fn'; name: string }
  | { o: 'sub'; p: Pipe };

interface Cmd { args: Operand[] }
interface Pipe { decl?: string[]; cmds: Cmd[] }

/** Splits a template into text and action tokens, applying trim markers. */
function lex(src: string): { text?: string; action?: string }[] {
  const out: { text?: string; action?: string }[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push({ text: src.slice(i) });
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src[start] === '-' && /\s/.test(src[start + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) out.push({ text });
    const close = src.indexOf('}}', start);
    if (close < 0) throw new TemplateError('template: :1: unclosed action');
    let body = src.slice(start, close);
    let next = close + 2;
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1);
      const m = /^\s*/.exec(src.slice(next));
      next += m ? m[0].length : 0;
    }
    out.push({ action: body.trim() });
    i = next;
  }
  return out;
}

/** Tokenizes an action's contents. */
function words(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out.push(s.slice(i, j + 1));
      i = j + 1;
    } else if (ch === '`') {
      const j = s.indexOf('`', i + 1);
      out.push(s.slice(i, j + 1));
      i = j + 1;
    } else if ('()|,'.includes(ch)) {
      out.push(ch);
      i++;
    } else if (ch === ':' && s[i + 1] === '=') {
      out.push(':=');
      i += 2;
    } else {
      let j = i;
      while (j < s.length && !/[\s()|,]/.test(s[j]) && !(s[j] === ':' && s[j + 1] === '=')) j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}

function parsePipe(ws: string[]): Pipe {
  let pos = 0;
  let decl: string[] | undefined;
  const assign = ws.indexOf(':=');
  if (assign > 0) {
    decl = ws.slice(0, assign).filter((w) => w !== ',');
    pos = assign + 1;
  }
  const cmds: Cmd[] = [];
  let cur: Operand[] = [];
  while (pos < ws.length) {
    const w = ws[pos];
    if (w === '|') {
      cmds.push({ args: cur });
      cur = [];
      pos++;
      continue;
    }
    if (w === '(') {
      let depth = 1;
      let j = pos + 1;
      while (j < ws.length && depth > 0) {
        if (ws[j] === '(') depth++;
        if (ws[j] === ')') depth--;
        j++;
      }
      cur.push({ o: 'sub', p: parsePipe(ws.slice(pos + 1, j - 1)) });
      pos = j;
      continue;
    }
    cur.push(operand(w));
    pos++;
  }
  if (cur.length) cmds.push({ args: cur });
  if (cmds.length === 0) throw new TemplateError('template: :1: missing value for command');
  return { decl, cmds };
}

function operand(w: string): Operand {
  if (w.startsWith('"')) return { o: 'lit', v: JSON.parse(w) };
  if (w.startsWith('`')) return { o: 'lit', v: w.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(w)) return { o: 'lit', v: Number(w) };
  if (w === 'true' || w === 'false') return { o: 'lit', v: w === 'true' };
  if (w === 'nil') return { o: 'lit', v: null };
  if (w === '.') return { o: 'field', base: 'dot', path: [] };
  if (w.startsWith('.')) return { o: 'field', base: 'dot', path: w.slice(1).split('.') };
  if (w.startsWith('$')) {
    const [v, ...path] = w.split('.');
    return { o: 'field', base: v, path };
  }
  return { o: 'fn', name: w };
}

/** Parses a template. */
export function parseTemplate(src: string): Node[] {
  const toks = lex(src);
  let i = 0;
  function block(stop: string[]): { nodes: Node[]; end: string } {
    const nodes: Node[] = [];
    while (i < toks.length) {
      const tok = toks[i++];
      if (tok.text !== undefined) {
        nodes.push({ t: 'text', s: tok.text });
        continue;
      }
      const a = tok.action ?? '';
      if (a.startsWith('/*')) continue;
      const ws = words(a);
      const kw = ws[0];
      if (stop.includes(kw) || (kw === 'else' && stop.includes('else'))) return { nodes, end: a };
      if (kw === 'if' || kw === 'with') {
        const p = parsePipe(ws.slice(1));
        const yes = block(['end', 'else']);
        let no: Node[] = [];
        if (yes.end === 'else') no = block(['end']).nodes;
        const node: Node = kw === 'if' ? { t: 'if', p, yes: yes.nodes, no } : { t: 'with', p, body: yes.nodes, no };
        nodes.push(node);
        continue;
      }
      if (kw === 'range') {
        const rest = ws.slice(1);
        let k: string | undefined;
        let v: string | undefined;
        const as = rest.indexOf(':=');
        let pipeWords = rest;
        if (as > 0) {
          const vars = rest.slice(0, as).filter((x) => x !== ',');
          if (vars.length === 2) [k, v] = vars;
          else v = vars[0];
          pipeWords = rest.slice(as + 1);
        }
        const p = parsePipe(pipeWords);
        const body = block(['end', 'else']);
        const no = body.end === 'else' ? block(['end']).nodes : [];
        nodes.push({ t: 'range', p, k, v, body: body.nodes, no });
        continue;
      }
      if (kw === 'end' || kw === 'else') throw new TemplateError(`template: :1: unexpected {{${kw}}}`);
      nodes.push({ t: 'action', p: parsePipe(ws) });
    }
    if (stop.length) throw new TemplateError('template: :1: unexpected EOF');
    return { nodes, end: '' };
  }
  // Re-implement `else if` by a pre-pass: rewrite `{{else if X}}` into `{{else}}{{if X}}` + extra `{{end}}`.
  const rewritten: typeof toks = [];
  const pendingEnds: number[] = [0];
  for (const t of toks) {
    if (t.action !== undefined) {
      const ws = words(t.action);
      if (ws[0] === 'if' || ws[0] === 'range' || ws[0] === 'with') pendingEnds.push(0);
      if (ws[0] === 'else' && ws[1] === 'if') {
        rewritten.push({ action: 'else' }, { action: ws.slice(1).join(' ') });
        pendingEnds[pendingEnds.length - 1]++;
        continue;
      }
      if (ws[0] === 'end') {
        const extra = pendingEnds.pop() ?? 0;
        for (let n = 0; n < extra; n++) rewritten.push({ action: 'end' });
      }
    }
    rewritten.push(t);
  }
  toks.length = 0;
  toks.push(...rewritten);
  return block([]).nodes;
}

type Scope = { dot: unknown; vars: Map<string, unknown> };

/** Go's default formatting of a value (fmt %v). */
export function goString(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `map[${keys.map((k) => `${k}:${goString((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(v);
}

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** Go's json.Marshal (HTML-escaped, compact). */
export function goJson(v: unknown): string {
  return (JSON.stringify(v ?? null) ?? 'null').replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function sprintf(fmt: string, args: unknown[]): string {
  let i = 0;
  return fmt.replace(/%([-0-9.]*)([svdqt%])/g, (_m, w: string, verb: string) => {
    if (verb === '%') return '%';
    const a = args[i++];
    let s = verb === 'q' ? JSON.stringify(String(a)) : verb === 'v' || verb === 's' ? goString(a) : String(a);
    const width = parseInt(w.replace('-', ''), 10);
    if (!Number.isNaN(width)) s = w.startsWith('-') ? s.padEnd(width) : s.padStart(width);
    return s;
  });
}

const FUNCS: Record<string, (...a: unknown[]) => unknown> = {
  json: (v) => goJson(v),
  join: (a, sep) => (Array.isArray(a) ? a.map(goString).join(String(sep)) : goString(a)),
  split: (s, sep) => String(s).split(String(sep)),
  lower: (s) => String(s).toLowerCase(),
  upper: (s) => String(s).toUpperCase(),
  title: (s) => String(s).replace(/\b\w/g, (c) => c.toUpperCase()),
  pad: (s, l, r) => ' '.repeat(Number(l)) + goString(s) + ' '.repeat(Number(r)),
  truncate: (s, n) => String(s).slice(0, Number(n)),
  println: (...a) => `${a.map(goString).join(' ')}\n`,
  print: (...a) => a.map(goString).join(''),
  printf: (f, ...a) => sprintf(String(f), a),
  len: (v) => (Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  index: (v, ...keys) => keys.reduce<unknown>((acc, k) => (acc == null ? undefined : (acc as Record<string, unknown>)[String(k)]), v),
  eq: (a, ...b) => b.some((x) => x === a),
  ne: (a, b) => a !== b,
  lt: (a, b) => (a as number) < (b as number),
  le: (a, b) => (a as number) <= (b as number),
  gt: (a, b) => (a as number) > (b as number),
  ge: (a, b) => (a as number) >= (b as number),
  not: (a) => !truthy(a),
  and: (...a) => a.find((x) => !truthy(x)) ?? a[a.length - 1],
  or: (...a) => a.find((x) => truthy(x)) ?? a[a.length - 1],
  table: () => '',
};

function field(base: unknown, path: string[]): unknown {
  let v = base;
  for (const p of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    const obj = v as Record<string, unknown>;
    v = Object.hasOwn(obj, p) ? obj[p] : undefined;
    if (typeof v === 'function') v = (v as () => unknown).call(obj);
  }
  return v;
}

function evalOperand(op: Operand, s: Scope, piped: unknown[]): unknown {
  switch (op.o) {
    case 'lit': return op.v;
    case 'sub': return evalPipe(op.p, s);
    case 'field': return field(op.base === 'dot' ? s.dot : s.vars.get(op.base), op.path);
    case 'fn': {
      const f = FUNCS[op.name];
      if (!f) throw new TemplateError(`template: :1: function "${op.name}" not defined`);
      return f(...piped);
    }
  }
}

function evalPipe(p: Pipe, s: Scope): unknown {
  let last: unknown = undefined;
  let first = true;
  for (const c of p.cmds) {
    const [head, ...rest] = c.args;
    const args = rest.map((a) => evalOperand(a, s, []));
    if (!first) args.push(last);
    if (head.o === 'fn') last = evalOperand(head, s, args);
    else last = evalOperand(head, s, []);
    first = false;
  }
  if (p.decl) for (const d of p.decl) s.vars.set(d, last);
  return p.decl ? '' : last;
}

function exec(nodes: Node[], s: Scope, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.s);
    else if (n.t === 'action') {
      const v = evalPipe(n.p, s);
      if (n.p.decl === undefined) out.push(goString(v));
    } else if (n.t === 'if') exec(truthy(evalPipe(n.p, s)) ? n.yes : n.no, s, out);
    else if (n.t === 'with') {
      const v = evalPipe(n.p, s);
      if (truthy(v)) exec(n.body, { dot: v, vars: s.vars }, out);
      else exec(n.no, s, out);
    } else {
      const v = evalPipe(n.p, s);
      const entries: [unknown, unknown][] = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]) : [];
      if (entries.length === 0) exec(n.no, s, out);
      for (const [k, x] of entries) {
        if (n.k) s.vars.set(n.k, k);
        if (n.v) s.vars.set(n.v, x);
        exec(n.body, { dot: x, vars: s.vars }, out);
      }
    }
  }
}

/** Executes a parsed template against `data`. */
export function executeTemplate(nodes: Node[], data: unknown): string {
  const out: string[] = [];
  exec(nodes, { dot: data, vars: new Map([['$', data]]) }, out);
  return out.join('');
}

/** Parses and runs in one go. */
export function renderTemplate(src: string, data: unknown): string {
  return executeTemplate(parseTemplate(src), data);
}
