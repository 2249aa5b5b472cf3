/** Pure path helpers (POSIX semantics, no file-system access). */

/** Joins `path` onto `cwd` when relative and removes `.`, `..` and duplicate slashes lexically. */
export function normalize(path: string, cwd = '/'): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** The directory part: `dirname('/a/b')` → `/a`. */
export function dirname(path: string): string {
  const n = normalize(path);
  const i = n.lastIndexOf('/');
  return i <= 0 ? '/' : n.slice(0, i);
}

/** The last component: `basename('/a/b/')` → `b`. */
export function basename(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length === 0 ? '/' : parts[parts.length - 1];
}

/** `join('/a', 'b')` → `/a/b`. */
export function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
