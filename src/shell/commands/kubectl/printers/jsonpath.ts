/**
 * kubectl's JSONPath dialect (client-go `util/jsonpath`): templates of literal text and `{…}`
 * actions — field paths `.a.b`, `..name`, `[0]`, `[-1]`, `[1:3]`, `[*]`, `['k.x']`, filters
 * `[?(@.type=="Ready")]`, `{range …}{end}`, string literals `{"\n"}`, unions `{.a,.b}`.
 * Missing keys print nothing, as `kubectl -o jsonpath` (allow-missing-template-keys) does.
 */
import type { Json } from '../util/json.ts';

/** A template that does not parse; `message` is what kubectl prints after `error: `. */
export class JsonPathError extends Error {
  readonly code = 'JSONPATH';
}

type Step =
  | { t: 'field'; name: string }
  | { t: 'recursive'; name: string }
  | { t: 'wild' }
  | { t: 'index'; indices: number[] }
  | { t: 'slice'; start?: number; end?: number; step?: number }
  | { t: 'filter'; left: Path; op?: string; right?: Operand };

type Operand = { t: 'lit'; value: unknown } | { t: 'path'; path: Path };

interface Path {
  steps: Step[];
}

type Node =
  | { t: 'text'; value: string }
  | { t: 'paths'; paths: Path[] }
  | { t: 'literal'; value: string }
  | { t: 'range'; paths: Path[]; body: Node[] };

/** A parsed template, ready to run against any number of objects. */
export class JsonPath {
  private readonly nodes: Node[];
  readonly source: string;

  /** Parses `template`; throws JsonPathError on a syntax error. */
  constructor(template: string) {
    this.source = template;
    this.nodes = parseTemplate(template);
  }

  /** The template's output for `data`. */
  execute(data: Json): string {
    return run(this.nodes, data);
  }

  /** The raw values the first action selects (for custom-columns and --sort-by). */
  values(data: Json): unknown[] {
    for (const n of this.nodes) if (n.t === 'paths') return n.paths.flatMap((p) => evalPath(p, [data], data));
    return [];
  }
}

/**
 * kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b` and `{.a.b}` all mean `{.a.b}`.
 * Throws JsonPathError like kubectl for unbalanced braces.
 */
export function relaxed(expression: string): string {
  if (expression === '') return expression;
  const m = /^\{?(\.?)([^{}]*)\}?$/.exec(expression);
  if (!m) throw new JsonPathError(`unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  return `{.${m[2]}}`;
}

function run(nodes: Node[], data: Json): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text' || n.t === 'literal') out += n.value;
    else if (n.t === 'paths') out += printResults(n.paths.flatMap((p) => evalPath(p, [data], data)));
    else {
      const items = n.paths.flatMap((p) => evalPath(p, [data], data));
      for (const item of items) {
        // `range` over an array value iterates its elements.
        if (Array.isArray(item)) for (const el of item) out += run(n.body, el);
        else out += run(n.body, item);
      }
    }
  }
  return out;
}

/** Go json.Marshal of unstructured data: object keys sorted, compact. */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${goJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** Plain text of one value as jsonpath prints it. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return goJson(value);
  return String(value);
}

function printResults(values: unknown[]): string {
  return values.map(textOf).join(' ');
}

function evalPath(path: Path, start: unknown[], root: Json): unknown[] {
  let cur = start;
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const v of cur) applyStep(step, v, root, next);
    cur = next;
  }
  return cur;
}

function applyStep(step: Step, v: unknown, root: Json, out: unknown[]): void {
  switch (step.t) {
    case 'field':
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, step.name)) {
        out.push((v as Record<string, unknown>)[step.name]);
      }
      return;
    case 'recursive':
      collect(v, step.name, out);
      return;
    case 'wild':
      if (Array.isArray(v)) out.push(...v);
      else if (v !== null && typeof v === 'object') {
        for (const k of Object.keys(v).sort()) out.push((v as Record<string, unknown>)[k]);
      }
      return;
    case 'index':
      if (!Array.isArray(v)) return;
      for (const i of step.indices) {
        const j = i < 0 ? v.length + i : i;
        if (j >= 0 && j < v.length) out.push(v[j]);
      }
      return;
    case 'slice': {
      if (!Array.isArray(v)) return;
      const len = v.length;
      const norm = (x: number) => (x < 0 ? Math.max(0, len + x) : Math.min(len, x));
      const s = norm(step.start ?? 0);
      const e = norm(step.end ?? len);
      const st = step.step ?? 1;
      for (let i = s; i < e; i += st > 0 ? st : 1) out.push(v[i]);
      return;
    }
    case 'filter': {
      if (!Array.isArray(v)) return;
      for (const el of v) if (matches(step, el, root)) out.push(el);
      return;
    }
  }
}

function collect(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) collect(x, name, out);
  else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (name === '' || Object.hasOwn(o, name)) {
      if (name !== '') out.push(o[name]);
    }
    for (const k of Object.keys(o)) collect(o[k], name, out);
  }
}

function matches(f: Extract<Step, { t: 'filter' }>, el: unknown, root: Json): boolean {
  const left = evalPath(f.left, [el], root);
  if (!f.op) return left.length > 0;
  const right = f.right!.t === 'lit' ? [f.right!.value] : evalPath(f.right!.path, [el], root);
  if (left.length === 0 || right.length === 0) return false;
  const a = left[0];
  const b = right[0];
  switch (f.op) {
    case '==':
      return textOf(a) === textOf(b);
    case '!=':
      return textOf(a) !== textOf(b);
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
  }
  return false;
}

// ---- parsing ----

function parseTemplate(src: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[] }[] = [{ nodes: root }];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].nodes.push({ t: 'text', value: src.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].nodes.push({ t: 'text', value: src.slice(i, open) });
    const close = findClose(src, open + 1);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = src.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
      continue;
    }
    if (action.startsWith('range ') || action.startsWith('range\t')) {
      const node: Node = { t: 'range', paths: parseUnion(action.slice(6).trim()), body: [] };
      stack[stack.length - 1].nodes.push(node);
      stack.push({ nodes: node.body });
      continue;
    }
    if (action.startsWith('"') || action.startsWith("'")) {
      stack[stack.length - 1].nodes.push({ t: 'literal', value: unquote(action) });
      continue;
    }
    stack[stack.length - 1].nodes.push({ t: 'paths', paths: parseUnion(action) });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

function findClose(src: string, from: number): number {
  let quote = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function unquote(text: string): string {
  const q = text[0];
  if (text.length < 2 || text[text.length - 1] !== q) throw new JsonPathError(`unterminated quoted string`);
  const body = text.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" })[c] ?? c);
}

function parseUnion(text: string): Path[] {
  return splitTop(text, ',').map((p) => parsePath(p.trim()));
}

function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parsePath(text: string): Path {
  const steps: Step[] = [];
  let i = 0;
  if (text[0] === '$' || text[0] === '@') i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (text[i + 1] === '.') {
        const [name, next] = readName(text, i + 2);
        steps.push({ t: 'recursive', name });
        i = next;
      } else {
        if (text[i + 1] === '*') {
          steps.push({ t: 'wild' });
          i += 2;
          continue;
        }
        const [name, next] = readName(text, i + 1);
        if (name !== '') steps.push({ t: 'field', name });
        i = next;
      }
    } else if (c === '[') {
      const close = matchBracket(text, i);
      steps.push(parseBracket(text.slice(i + 1, close)));
      i = close + 1;
    } else if (/[A-Za-z_]/.test(c) && i === 0) {
      const [name, next] = readName(text, i);
      steps.push({ t: 'field', name });
      i = next;
    } else {
      throw new JsonPathError(`unrecognized character in action: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
    }
  }
  return { steps };
}

function readName(text: string, from: number): [string, number] {
  let name = '';
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      name += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '.' || c === '[') break;
    name += c;
    i++;
  }
  return [name, i];
}

function matchBracket(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError('unterminated array');
}

function parseBracket(body: string): Step {
  const b = body.trim();
  if (b === '*') return { t: 'wild' };
  if (b.startsWith('?(') && b.endsWith(')')) return parseFilter(b.slice(2, -1).trim());
  if (b.startsWith("'") || b.startsWith('"')) return { t: 'field', name: unquote(b) };
  if (b.includes(':')) {
    const [s, e, st] = b.split(':').map((x) => (x.trim() === '' ? undefined : Number(x)));
    if ([s, e, st].some((x) => x !== undefined && Number.isNaN(x))) throw new JsonPathError(`invalid array index ${b}`);
    return { t: 'slice', start: s, end: e, step: st };
  }
  const indices = b.split(',').map((x) => Number(x.trim()));
  if (indices.some((x) => !Number.isInteger(x))) throw new JsonPathError(`invalid array index ${b}`);
  return { t: 'index', indices };
}

function parseFilter(expr: string): Step {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(expr);
  if (!m) return { t: 'filter', left: parsePath(expr) };
  const rightText = m[3].trim();
  let right: Operand;
  if (rightText.startsWith('"') || rightText.startsWith("'")) right = { t: 'lit', value: unquote(rightText) };
  else if (rightText.startsWith('@') || rightText.startsWith('$')) right = { t: 'path', path: parsePath(rightText) };
  else if (rightText === 'true' || rightText === 'false') right = { t: 'lit', value: rightText === 'true' };
  else right = { t: 'lit', value: Number(rightText) };
  return { t: 'filter', left: parsePath(m[1].trim()), op: m[2], right };
}
