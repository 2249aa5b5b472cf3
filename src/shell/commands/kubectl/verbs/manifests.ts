/**
 * Reading `-f` arguments as kubectl does: files, directories (`.json`, `.yaml`, `.yml`; `-R`
 * recursive), `-` for stdin, k8s.io example URLs; multi-document YAML and `List` objects. Errors
 * carry kubectl's texts: missing path, YAML syntax with its line, missing kind/apiVersion,
 * kinds the server does not serve (the legacy PetSet).
 */
import { parseAllDocuments } from 'yaml';
import { resourceFor, type KubeObject, type ResourceInfo } from '../../../../emulator/kube/api/index.ts';
import type { Vfs } from '../../../../emulator/linux/fs/vfs.ts';
import type { KubectlEnv } from '../env.ts';
import { fail, KubectlExit } from '../errors.ts';
import type { Json } from '../util/json.ts';
import { exampleFor } from './examples.ts';

export interface Manifest {
  /** The path or URL as the user gave it (`web.yaml`, `-` is `STDIN`), for messages. */
  readonly source: string;
  readonly obj: KubeObject;
  readonly info: ResourceInfo;
}

function fsOf(env: KubectlEnv): Vfs | undefined {
  return (env.ctx.process as unknown as { fs?: Vfs } | undefined)?.fs;
}

function absolute(env: KubectlEnv, path: string): string {
  if (path.startsWith('/')) return path;
  return `${env.ctx.cwd.replace(/\/$/, '')}/${path}`;
}

interface YamlErrorLike {
  code: string;
  message: string;
  pos: [number, number];
  linePos?: { line: number; col: number }[];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * go-yaml's (sigs.k8s.io/yaml) wording and line for the JS parser's first error, as kubectl
 * prints it after `error converting YAML to JSON: `. Best effort; the common mistakes (bad
 * indentation, tabs, unclosed quotes and brackets, duplicate keys) match go-yaml.
 */
export function goYamlError(text: string, errors: readonly YamlErrorLike[]): string {
  const e = errors[0];
  const lastLine = Math.max(...errors.map((x) => x.linePos?.[1]?.line ?? x.linePos?.[0]?.line ?? 1));
  const line = e.linePos?.[0]?.line ?? 1;
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: line ${lastLine}: mapping values are not allowed in this context`;
    case 'DUPLICATE_KEY': {
      const rest = text.slice(e.pos[0]);
      const key = rest.slice(0, rest.search(/\s*:|\n|$/));
      return `yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(key)} already set in map`;
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(e.message)) {
        const start = Math.max(text.lastIndexOf('"', e.pos[0] - 1), text.lastIndexOf("'", e.pos[0] - 1));
        return `yaml: line ${lineAt(text, start)}: found unexpected end of stream`;
      }
      return `yaml: line ${line}: could not find expected ':'`;
    case 'BAD_INDENT':
      if (/Flow sequence/.test(e.message)) return `yaml: line ${line}: did not find expected ',' or ']'`;
      if (/Flow mapping/.test(e.message)) return `yaml: line ${line}: did not find expected ',' or '}'`;
      return `yaml: line ${line}: did not find expected key`;
  }
  if (/tab/i.test(e.message)) return `yaml: line ${line}: found character that cannot start any token`;
  return `yaml: line ${line}: did not find expected node content`;
}

/** Parses one file's text into objects. Throws KubectlExit with kubectl's message. */
export function parseManifestText(text: string, source: string): Manifest[] {
  const out: Manifest[] = [];
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      throw fail(`error parsing ${source}: error converting YAML to JSON: ${goYamlError(text, doc.errors as unknown as YamlErrorLike[])}`);
    }
    const data = doc.toJS() as Json;
    if (data === null || data === undefined) continue;
    if (typeof data !== 'object' || Array.isArray(data)) {
      throw fail(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const objects: Json[] = data.kind === 'List' && Array.isArray(data.items) ? data.items : [data];
    for (const obj of objects) {
      if (!obj.kind) {
        throw fail(`error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
      }
      if (!obj.apiVersion) {
        throw fail(`error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
      }
      const info = resourceFor(obj.apiVersion, obj.kind);
      if (!info) {
        const name = obj.metadata?.name ?? '';
        const ns = obj.metadata?.namespace ?? '';
        throw new KubectlExit(
          `error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first\n`,
        );
      }
      obj.metadata ??= {};
      out.push({ source, obj: obj as KubeObject, info });
    }
  }
  return out;
}

/** Reads every `-f` argument in order. Throws KubectlExit on the first failure. */
export async function readManifests(env: KubectlEnv, files: readonly string[], recursive: boolean, verb = 'apply'): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const file of files) {
    if (file === '-') {
      out.push(...parseManifestText(await env.ctx.stdin.readAll(), 'STDIN'));
      continue;
    }
    if (/^https?:\/\//.test(file)) {
      const body = exampleFor(file);
      if (body === undefined) {
        const host = file.replace(/^https?:\/\//, '').split('/')[0];
        throw fail(`unable to read URL "${file}", server reported Get "${file}": dial tcp: lookup ${host}: no such host`);
      }
      out.push(...parseManifestText(body, file));
      continue;
    }
    const fs = fsOf(env);
    const path = absolute(env, file);
    if (!fs || !fs.exists(path)) throw fail(`the path "${file}" does not exist`);
    if (fs.stat(path).type === 'dir') {
      const walk = (dir: string, shown: string): void => {
        for (const name of fs.readdir(dir)) {
          const full = `${dir.replace(/\/$/, '')}/${name}`;
          const display = `${shown.replace(/\/$/, '')}/${name}`;
          if (fs.stat(full).type === 'dir') {
            if (recursive) walk(full, display);
          } else if (/\.(json|ya?ml)$/.test(name)) out.push(...parseManifestText(fs.readFile(full), display));
        }
      };
      walk(path, file);
      continue;
    }
    out.push(...parseManifestText(fs.readFile(path), file));
  }
  if (out.length === 0) throw fail(`no objects passed to ${verb}`);
  return out;
}
