/**
 * chown's OWNER[:[GROUP]] (gnulib userspec.c as in coreutils 9.1): names from the process's
 * /etc/passwd and /etc/group, or numbers; `OWNER:` means OWNER's login group; `OWNER.GROUP` is
 * still accepted with a warning.
 */
import type { Vfs } from '../../../emulator/linux/fs/vfs.ts';

/** A parsed spec: ids to set (-1: keep) and the names chown prints for them. */
export interface OwnerSpec {
  uid: number;
  gid: number;
  user?: string;
  group?: string;
  /** `chown: warning: '.' should be ':': 'root.daemon'` when the old separator was used. */
  warning?: string;
}

function entries(fs: Vfs, path: string): string[][] {
  try {
    return fs.readFile(path).split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** A uid/gid written as a number, as xstrtoul accepts it (below 2^32 - 1); undefined otherwise. */
function numericId(text: string): number | undefined {
  if (!/^\+?[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return n < 0xffffffff ? n : undefined;
}

function parseWith(fs: Vfs, spec: string, sep: number): OwnerSpec | string {
  const u = sep >= 0 ? spec.slice(0, sep) : spec;
  const g = sep >= 0 ? spec.slice(sep + 1) : '';
  const out: OwnerSpec = { uid: -1, gid: -1 };
  if (u) {
    const pw = entries(fs, '/etc/passwd').find((f) => f[0] === u);
    if (pw) {
      out.uid = Number(pw[2]);
      if (sep >= 0 && !g) {
        out.gid = Number(pw[3]);
        out.group = entries(fs, '/etc/group').find((f) => Number(f[2]) === out.gid)?.[0] ?? String(out.gid);
      }
    } else {
      if (sep >= 0 && !g) return 'invalid spec';
      const n = numericId(u);
      if (n === undefined) return 'invalid user';
      out.uid = n;
    }
    out.user = pw ? u : String(out.uid);
  }
  if (g) {
    const gr = entries(fs, '/etc/group').find((f) => f[0] === g);
    const n = gr ? Number(gr[2]) : numericId(g);
    if (n === undefined) return 'invalid group';
    out.gid = n;
    out.group = gr ? g : String(n);
  }
  return out;
}

/** Parses OWNER[:[GROUP]]; a string is chown's error (`invalid user`, `invalid group`, `invalid spec`). */
export function parseOwnerSpec(fs: Vfs, spec: string): OwnerSpec | string {
  const colon = spec.indexOf(':');
  const first = parseWith(fs, spec, colon);
  if (colon >= 0 || typeof first !== 'string') return first;
  const dot = spec.indexOf('.');
  if (dot < 0) return first;
  const second = parseWith(fs, spec, dot);
  if (typeof second === 'string') return first;
  return { ...second, warning: `'.' should be ':': '${spec}'` };
}

/** The name of a uid or gid for messages: from the table, else the number. */
export function idName(fs: Vfs, id: number, which: 'user' | 'group'): string {
  const rows = entries(fs, which === 'user' ? '/etc/passwd' : '/etc/group');
  return rows.find((f) => Number(f[2]) === id)?.[0] ?? String(id);
}
