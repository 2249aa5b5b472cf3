/** GNU ls output formats: long listing rows and terminal columns. */
import type { Stat } from '../../../emulator/linux/fs/vfs.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `drwxr-xr-x` for a stat, as coreutils' filemodestring: the set-user-ID, set-group-ID and sticky
 * bits show in the execute column as s/s/t (S/S/T when that execute bit is off), so /tmp (1777) is
 * `drwxrwxrwt`.
 */
export function modeString(st: Stat): string {
  const type = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : st.type === 'chardev' ? 'c' : st.type === 'socket' ? 's' : '-';
  const special = [
    [0o4000, 's'],
    [0o2000, 's'],
    [0o1000, 't'],
  ] as const;
  let out = type;
  for (let i = 0; i < 3; i++) {
    const bits = (st.mode >> (6 - 3 * i)) & 7;
    const [flag, letter] = special[i];
    const x = st.mode & flag ? (bits & 1 ? letter : letter.toUpperCase()) : bits & 1 ? 'x' : '-';
    out += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + x;
  }
  return out;
}

/** ls's time column: `Nov 29 10:00` within six months of now, else `Nov 29  2025`. */
export function lsTime(mtime: number, now: number): string {
  const d = new Date(mtime);
  const month = MONTHS[d.getUTCMonth()];
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const sixMonths = 15_778_476_000;
  if (now - mtime > sixMonths || mtime - now > 3_600_000) return `${month} ${day}  ${d.getUTCFullYear()}`;
  return `${month} ${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** `-h` sizes: 4.0K, 12M… (powers of 1024, one decimal below 10). */
export function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const s = v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v));
  return `${s}${units[u]}`;
}

/** 1K blocks an entry uses on ext4 (4K blocks), as `total` counts them. */
export function blocksOf(st: Stat): number {
  if (st.type === 'symlink' || st.type === 'chardev' || st.type === 'socket') return 0;
  return Math.ceil(st.size / 4096) * 4;
}

/**
 * GNU ls's default quoting on a terminal (`shell-escape`): names with shell metacharacters are
 * single-quoted (`'a b'`, `'net:[4026531840]'`); others are left alone. Into a pipe ls quotes
 * nothing (`literal`).
 */
export function shellEscape(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return escapeControls(name);
  if (name !== '' && !/[\s!"#$&'()*;<>?[\\\]^`{|}~=]/.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  return `'${name.replace(/'/g, "'\\''")}'`.replace(/^''/, '').replace(/''$/, '');
}

const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' };

/**
 * gnulib quotearg's shell-escape style for a name with control characters: single-quoted, each
 * run of control characters as `'$'\ooo'` (or `\n`, `\t`…) — `a<ESC>[31m` is `'a'$'\033''[31m'`.
 */
function escapeControls(name: string): string {
  let out = "'";
  let inEscape = false;
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && (code < 0x20 || code === 0x7f)) {
      if (!inEscape) out += "'$'";
      inEscape = true;
      out += `\\${C_ESCAPES[ch] ?? code.toString(8).padStart(3, '0')}`;
      continue;
    }
    if (inEscape) out += "''";
    inEscape = false;
    out += ch === "'" ? "'\\''" : ch;
  }
  return `${out}'`;
}

/** Lays names out in columns top to bottom, as GNU ls does on a terminal `width` wide. */
export function columns(names: readonly string[], width: number): string {
  if (names.length === 0) return '';
  const lens = names.map((n) => [...n].length);
  let best = { cols: 1, rows: names.length, widths: [Math.max(...lens)] };
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const i = c * rows + r;
        if (i < names.length) w = Math.max(w, lens[i]);
      }
      widths.push(w);
    }
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total < width) {
      best = { cols, rows, widths };
      break;
    }
  }
  const lines: string[] = [];
  for (let r = 0; r < best.rows; r++) {
    let line = '';
    for (let c = 0; c < best.cols; c++) {
      const i = c * best.rows + r;
      if (i >= names.length) continue;
      const last = c === best.cols - 1 || (c + 1) * best.rows + r >= names.length;
      line += last ? names[i] : names[i] + ' '.repeat(best.widths[c] - lens[i] + 2);
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
