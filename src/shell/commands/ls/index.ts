/**
 * `ls [-lahAd1rtSR] [FILE…]` with GNU coreutils' formats: columns on a terminal, one per line
 * otherwise, `-l` long rows with a `total` line. Errors:
 * `ls: cannot access 'x': No such file or directory` (status 2).
 */
import type { Stat } from '../../../emulator/linux/fs/vfs.ts';
import type { Command } from '../../types.ts';
import { errText, fsOf } from '../../lib/files.ts';
import { parseOptions, usageError } from '../../lib/options.ts';
import { groupName, userName } from '../../lib/users.ts';
import { blocksOf, columns, humanSize, lsTime, modeString, shellEscape } from './format.ts';

interface Entry {
  name: string;
  path: string;
  st: Stat;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const command: Command = {
  name: 'ls',
  summary: 'List directory contents.',
  async run(ctx) {
    const parsed = parseOptions(ctx.args, {
      flags: 'lahAd1rtSRFin',
      long: { all: { key: 'a' }, 'almost-all': { key: 'A' }, directory: { key: 'd' }, 'human-readable': { key: 'h' }, reverse: { key: 'r' }, recursive: { key: 'R' }, color: { key: 'color' }, inode: { key: 'i' } },
    });
    if (!parsed.ok) return usageError(ctx.stderr, 'ls', parsed.error, 2);
    const { opts, operands } = parsed.value;
    const fs = fsOf(ctx);
    const long = opts.has('l') || opts.has('n');
    const tty = ctx.stdout.isTTY === true && !opts.has('1');
    const width = ctx.terminal?.columns || 80;
    let status = 0;

    const statEntry = (name: string, path: string, follow: boolean): Entry => {
      const st = follow ? fs.stat(path) : fs.lstat(path);
      return { name, path, st };
    };
    const sortEntries = (entries: Entry[]): Entry[] => {
      const sorted = [...entries].sort((a, b) => {
        if (opts.has('t') && a.st.mtime !== b.st.mtime) return b.st.mtime - a.st.mtime;
        if (opts.has('S') && a.st.size !== b.st.size) return b.st.size - a.st.size;
        return compareNames(a.name, b.name);
      });
      return opts.has('r') ? sorted.reverse() : sorted;
    };
    // On a terminal names are shell-quoted, and when any is, the others get a space so they align.
    const quote = ctx.stdout.isTTY === true ? shellEscape : (n: string) => n;
    const display = (entries: Entry[]): string[] => {
      const quoted = entries.map((e) => quote(e.name));
      const anyQuoted = quoted.some((q, i) => q !== entries[i].name && q.startsWith("'"));
      return quoted.map((q) => (anyQuoted && !q.startsWith("'") ? ` ${q}` : q));
    };
    const render = (entries: Entry[], withTotal: boolean): string => {
      const shown = display(entries);
      if (!long) {
        const names = entries.map((e, i) => (opts.has('i') ? `${e.st.ino} ${shown[i]}` : shown[i]) + (opts.has('F') && e.st.type === 'dir' ? '/' : ''));
        return tty ? columns(names, width) : names.map((n) => `${n}\n`).join('');
      }
      const now = ctx.world.now();
      const owners = new Map<number, string>();
      const groups = new Map<number, string>();
      const owner = (uid: number) => owners.get(uid) ?? owners.set(uid, userName(fs, uid) ?? String(uid)).get(uid) as string;
      const groupOf = (gid: number) => groups.get(gid) ?? groups.set(gid, groupName(fs, gid) ?? String(gid)).get(gid) as string;
      const rows = entries.map((e, i) => {
        const ownerName = opts.has('n') ? String(e.st.uid) : owner(e.st.uid);
        const group = opts.has('n') ? String(e.st.gid) : groupOf(e.st.gid);
        let name = shown[i];
        if (e.st.type === 'symlink') {
          try {
            name += ` -> ${quote(fs.readlink(e.path))}`;
          } catch {
            // unreadable link: name only
          }
        }
        return {
          ino: String(e.st.ino),
          mode: modeString(e.st),
          nlink: String(e.st.nlink),
          owner: ownerName,
          group,
          size: e.st.rdev ? `${e.st.rdev[0]}, ${e.st.rdev[1]}` : opts.has('h') ? humanSize(e.st.size) : String(e.st.size),
          time: lsTime(e.st.mtime, now),
          name,
        };
      });
      const w = (k: keyof (typeof rows)[number]) => Math.max(0, ...rows.map((r) => r[k].length));
      const [wi, wl, wo, wg, ws] = [w('ino'), w('nlink'), w('owner'), w('group'), w('size')];
      let out = '';
      if (withTotal) {
        const total = entries.reduce((a, e) => a + blocksOf(e.st), 0);
        out += `total ${opts.has('h') ? humanSize(total * 1024) : total}\n`;
      }
      for (const r of rows) {
        out += `${opts.has('i') ? `${r.ino.padStart(wi)} ` : ''}${r.mode} ${r.nlink.padStart(wl)} ${r.owner.padEnd(wo)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.time} ${r.name}\n`;
      }
      return out;
    };
    const listDir = (path: string): Entry[] => {
      const names = fs.readdir(path).filter((n) => opts.has('a') || opts.has('A') || !n.startsWith('.'));
      const entries: Entry[] = [];
      const base = path.endsWith('/') ? path : `${path}/`;
      if (opts.has('a')) {
        entries.push(statEntry('.', path, true));
        entries.push(statEntry('..', `${base}..`, true));
      }
      for (const n of names) {
        try {
          entries.push(statEntry(n, base + n, false));
        } catch {
          // vanished between readdir and stat (a /proc entry): skip
        }
      }
      return sortEntries(entries);
    };

    const targets = operands.length > 0 ? operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const t of targets) {
      try {
        const lst = fs.lstat(t);
        const st = lst.type === 'symlink' && !long && !opts.has('d') ? fs.stat(t) : lst.type === 'symlink' && !opts.has('d') && t.endsWith('/') ? fs.stat(t) : lst;
        const e = { name: t, path: t, st };
        if (st.type === 'dir' && !opts.has('d')) dirs.push(e);
        else files.push(e);
      } catch (e) {
        ctx.stderr.write(`ls: cannot access '${t}': ${errText(e)}\n`);
        status = 2;
      }
    }
    const chunks: string[] = [];
    if (files.length > 0) chunks.push(render(sortEntries(files), false));
    const showHeaders = targets.length > 1 || opts.has('R');
    const queue = sortEntries(dirs);
    while (queue.length > 0) {
      const d = queue.shift() as Entry;
      let entries: Entry[];
      try {
        entries = listDir(d.path);
      } catch (e) {
        ctx.stderr.write(`ls: cannot open directory '${d.path}': ${errText(e)}\n`);
        status = 2;
        continue;
      }
      chunks.push((showHeaders ? `${d.path}:\n` : '') + render(entries, long));
      if (opts.has('R')) {
        const subs = entries.filter((e) => e.st.type === 'dir' && e.name !== '.' && e.name !== '..');
        queue.unshift(...subs.map((s) => ({ ...s, name: s.path, path: `${d.path.replace(/\/$/, '')}/${s.name}` })));
      }
    }
    ctx.stdout.write(chunks.join('\n'));
    return status;
  },
};
