/**
 * GNU chmod's MODE language (gnulib modechange.c, as in coreutils 9.1): octal modes and symbolic
 * clauses `[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+`, comma-separated, applied in order.
 */

/** setuid | setgid | sticky | rwxrwxrwx: the bits chmod changes. */
export const CHMOD_MODE_BITS = 0o7777;
const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const RWXU = 0o700;
const RWXG = 0o070;
const RWXO = 0o007;
const ALL_R = 0o444;
const ALL_W = 0o222;
const ALL_X = 0o111;

/** One compiled clause: `op` applied to the `affected` bits with `value`. */
export interface ModeChange {
  op: '=' | '+' | '-';
  flag: 'ordinary' | 'copy' | 'x-if-any-x';
  affected: number;
  value: number;
  mentioned: number;
}

/** Compiles a MODE string; null when it is not a valid mode (chmod says `invalid mode: 'q'`). */
export function compileMode(mode: string): ModeChange[] | null {
  if (/^[0-7]/.test(mode)) {
    if (!/^[0-7]+$/.test(mode)) return null;
    let value = 0;
    for (const c of mode) {
      value = value * 8 + Number(c);
      if (value > CHMOD_MODE_BITS) return null;
    }
    const mentioned = mode.length < 5 ? (value & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : CHMOD_MODE_BITS;
    return [{ op: '=', flag: 'ordinary', affected: CHMOD_MODE_BITS, value, mentioned }];
  }
  const changes: ModeChange[] = [];
  let p = 0;
  const at = () => mode[p] ?? '';
  for (;;) {
    let affected = 0;
    for (;; p++) {
      const c = at();
      if (c === 'u') affected |= S_ISUID | RWXU;
      else if (c === 'g') affected |= S_ISGID | RWXG;
      else if (c === 'o') affected |= S_ISVTX | RWXO;
      else if (c === 'a') affected |= CHMOD_MODE_BITS;
      else if (c === '=' || c === '+' || c === '-') break;
      else return null;
    }
    do {
      const op = at() as ModeChange['op'];
      p++;
      let value = 0;
      let mentioned = 0;
      let flag: ModeChange['flag'] = 'copy';
      const c = at();
      if (c >= '0' && c <= '7') {
        let octal = 0;
        while (at() >= '0' && at() <= '7') {
          octal = octal * 8 + Number(at());
          p++;
          if (octal > CHMOD_MODE_BITS) return null;
        }
        if (affected || (at() && at() !== ',')) return null;
        affected = mentioned = CHMOD_MODE_BITS;
        value = octal;
        flag = 'ordinary';
      } else if (c === 'u' || c === 'g' || c === 'o') {
        value = c === 'u' ? RWXU : c === 'g' ? RWXG : RWXO;
        p++;
      } else {
        flag = 'ordinary';
        for (;; p++) {
          const v = at();
          if (v === 'r') value |= ALL_R;
          else if (v === 'w') value |= ALL_W;
          else if (v === 'x') value |= ALL_X;
          else if (v === 'X') flag = 'x-if-any-x';
          else if (v === 's') value |= S_ISUID | S_ISGID;
          else if (v === 't') value |= S_ISVTX;
          else break;
        }
      }
      changes.push({ op, flag, affected, value, mentioned: mentioned || (affected ? affected & value : value) });
    } while (at() === '=' || at() === '+' || at() === '-');
    if (at() !== ',') break;
    p++;
  }
  return p === mode.length ? changes : null;
}

/**
 * The new permission bits of a file with `oldMode` (gnulib mode_adjust): without a `who`, the
 * umask limits the change; a directory keeps its setuid/setgid bits unless the mode names them.
 */
export function adjustMode(oldMode: number, dir: boolean, umask: number, changes: readonly ModeChange[]): number {
  let mode = oldMode & CHMOD_MODE_BITS;
  for (const ch of changes) {
    const omit = (dir ? S_ISUID | S_ISGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') {
      value &= mode;
      value |= (value & ALL_R ? ALL_R : 0) | (value & ALL_W ? ALL_W : 0) | (value & ALL_X ? ALL_X : 0);
    } else if (ch.flag === 'x-if-any-x' && (mode & ALL_X || dir)) {
      value |= ALL_X;
    }
    value &= (ch.affected ? ch.affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (ch.affected ? ~ch.affected : 0) | omit;
      mode = (mode & preserved) | value;
    } else if (ch.op === '+') mode |= value;
    else mode &= ~value;
  }
  return mode & CHMOD_MODE_BITS;
}

/** `rwxr-xr-x` for permission bits (coreutils' strmode without the type letter). */
export function permString(mode: number): string {
  const special = [
    [S_ISUID, 's'],
    [S_ISGID, 's'],
    [S_ISVTX, 't'],
  ] as const;
  let out = '';
  for (let i = 0; i < 3; i++) {
    const bits = (mode >> (6 - 3 * i)) & 7;
    const [flag, letter] = special[i];
    const x = mode & flag ? (bits & 1 ? letter : letter.toUpperCase()) : bits & 1 ? 'x' : '-';
    out += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + x;
  }
  return out;
}
