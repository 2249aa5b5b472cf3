/**
 * Which files the editor offers: the learner's editable text files under the home directory
 * (and a few levels below), YAML first, hidden files and /proc-like trees left out. Pure over a
 * small directory-reading interface.
 */

export interface DirReader {
  readdir(path: string): string[];
  isDir(path: string): boolean;
}

const EDITABLE = /\.(ya?ml|json|txt|sh|conf|md|ini|env)$/i;

/** Absolute paths of editable files under `home`, YAML first then by path. */
export function listEditableFiles(fs: DirReader, home: string, maxDepth = 3, limit = 200): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= limit || name.startsWith('.')) continue;
      const path = `${dir.replace(/\/$/, '')}/${name}`;
      if (fs.isDir(path)) {
        if (depth < maxDepth) walk(path, depth + 1);
      } else if (EDITABLE.test(name)) found.push(path);
    }
  };
  walk(home, 1);
  const yaml = (p: string) => (/\.ya?ml$/i.test(p) ? 0 : 1);
  return found.sort((a, b) => yaml(a) - yaml(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `path` relative to `cwd` when inside it (for the Apply command line), else absolute. */
export function relativeTo(cwd: string, path: string): string {
  const base = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return path.startsWith(base) ? path.slice(base.length) : path;
}
