/**
 * Typed errors of the Linux model. Each carries the errno name as a stable `code`, and `message`
 * is exactly the C library's strerror text ("No such file or directory"), so a utility prints
 * `cat: foo: No such file or directory` as `${name}: ${path}: ${err.message}`.
 */

/** errno names the model uses, with their numbers on x86-64 Linux and glibc's strerror texts. */
export const ERRNO = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EIO: [5, 'Input/output error'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EBADF: [9, 'Bad file descriptor'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
  ERANGE: [34, 'Numerical result out of range'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EADDRINUSE: [98, 'Address already in use'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ENETUNREACH: [101, 'Network is unreachable'],
  ECONNREFUSED: [111, 'Connection refused'],
  EHOSTUNREACH: [113, 'No route to host'],
  ETIMEDOUT: [110, 'Connection timed out'],
} as const;

export type ErrnoCode = keyof typeof ERRNO;

/** The strerror text of an errno name, e.g. `strerror('ENOENT')` → "No such file or directory". */
export function strerror(code: ErrnoCode): string {
  return ERRNO[code][1];
}

/**
 * A failed system call. `message` is the bare strerror text; `path` (when the call named one)
 * and `syscall` let callers print the tool-specific prefix.
 */
export class LinuxError extends Error {
  readonly code: ErrnoCode;
  readonly errno: number;
  readonly syscall: string;
  readonly path?: string;

  constructor(code: ErrnoCode, syscall: string, path?: string) {
    super(strerror(code));
    this.name = 'LinuxError';
    this.code = code;
    this.errno = ERRNO[code][0];
    this.syscall = syscall;
    this.path = path;
  }
}

/** True when `err` is a LinuxError, optionally of one errno code. */
export function isLinuxError(err: unknown, code?: ErrnoCode): err is LinuxError {
  return err instanceof LinuxError && (code === undefined || err.code === code);
}
