/**
 * `-o yaml` and `-o json` as kubectl prints unstructured objects: sigs.k8s.io/yaml (go-yaml v2)
 * and encoding/json, both of which sort map keys; YAML sequences are not indented under their
 * key; strings that YAML 1.1 would read as another type ("80", "true", timestamps) are
 * double-quoted; JSON uses 4-space indents and escapes <, > and & like Go.
 * Known difference: go-yaml folds plain scalars longer than 80 columns; we do not.
 */

/** Go's encoding/json MarshalIndent(obj, "", "    ") of unstructured data. */
export function toGoJson(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + toGoJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    if (keys.length === 0) return '{}';
    const body = keys.map((k) => `${inner}${goString(k)}: ${toGoJson((value as Record<string, unknown>)[k], inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return goString(value);
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

const YAML11_SPECIAL = new Set([
  '', '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'y', 'Y', 'yes', 'Yes', 'YES',
  'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '.inf', '.Inf', '.INF', '-.inf', '-.Inf',
  '-.INF', '+.inf', '.nan', '.NaN', '.NAN', '<<', '=',
]);

/** Whether go-yaml v2 would resolve the plain scalar `s` to something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (YAML11_SPECIAL.has(s)) return true;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?0b[01_]+$/.test(s) || /^[-+]?0x[0-9a-fA-F_]+$/.test(s) || /^[-+]?0[0-7_]+$/.test(s)) return true;
  if (/^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$/.test(s) && /[0-9]/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true;
  if (/^\d{4}-\d\d?-\d\d?([Tt ]|\s+)?(\d\d?:\d\d:\d\d(\.\d*)?)?(\s*(Z|[-+]\d\d?(:\d\d)?))?$/.test(s)) return true;
  return false;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Whether the YAML emitter may write `s` as a plain scalar. */
function plainAllowed(s: string): boolean {
  if (s !== s.trim() || s.length === 0) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^[-?:][^\s]/.test(s)) return false;
  if (/^[-?:]$/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (hasControl(s)) return false;
  return true;
}

function scalar(s: string): string {
  if (resolvesToNonString(s)) return JSON.stringify(s);
  if (plainAllowed(s)) return s;
  if (hasControl(s)) return JSON.stringify(s);
  return `'${s.replace(/'/g, "''")}'`;
}

function blockScalar(s: string, indent: string): string {
  const trailing = /\n+$/.exec(s)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? s : s.slice(0, s.length - trailing);
  const lead = /^\s/.test(s) ? '2' : '';
  const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
  const extra = trailing > 1 ? '\n'.repeat(trailing - 1) : '';
  return `|${lead}${chomp}\n${lines.join('\n')}${extra}`;
}

function yamlValue(value: unknown, indent: string): { inline: string } | { block: string } {
  if (value === null || value === undefined) return { inline: 'null' };
  if (typeof value === 'string') {
    if (value.includes('\n')) return { inline: blockScalar(value, `${indent}  `) };
    return { inline: scalar(value) };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { inline: String(value) };
  if (Array.isArray(value)) {
    if (value.length === 0) return { inline: '[]' };
    return { block: yamlSeq(value, indent) };
  }
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) return { inline: '{}' };
  return { block: yamlMap(value as Record<string, unknown>, `${indent}  `) };
}

function yamlMap(obj: Record<string, unknown>, indent: string): string {
  let out = '';
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    if (v === undefined) continue;
    const key = scalar(k);
    if (Array.isArray(v) && v.length > 0) {
      // go-yaml v2 does not indent a sequence under its key.
      out += `${indent}${key}:\n${yamlSeq(v, indent)}`;
      continue;
    }
    const r = yamlValue(v, indent);
    out += 'inline' in r ? `${indent}${key}: ${r.inline}\n` : `${indent}${key}:\n${r.block}`;
  }
  return out;
}

function yamlSeq(items: unknown[], indent: string): string {
  let out = '';
  for (const item of items) {
    if (Array.isArray(item) && item.length > 0) {
      const inner = yamlSeq(item, `${indent}  `);
      out += `${indent}- ${inner.slice(indent.length + 2)}`;
    } else if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
      const inner = yamlMap(item as Record<string, unknown>, `${indent}  `);
      out += `${indent}- ${inner.slice(indent.length + 2)}`;
    } else {
      const r = yamlValue(item, indent);
      out += `${indent}- ${'inline' in r ? r.inline : ''}\n`;
    }
  }
  return out;
}

/** sigs.k8s.io/yaml Marshal of unstructured data (always ends with a newline). */
export function toYaml(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.keys(value).length === 0 ? '{}\n' : yamlMap(value as Record<string, unknown>, '');
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : yamlSeq(value, '');
  const r = yamlValue(value, '');
  return 'inline' in r ? `${r.inline}\n` : r.block;
}

/** kubectl's List wrapper for several objects (`kubectl get pods -o yaml`). */
export function asList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}
