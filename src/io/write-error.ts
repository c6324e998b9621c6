/**
 * A file that could not be written (a full disk, no permission, a read-only file system, a folder
 * path through a file). Carries the path and the system's reason, so the command can say which file
 * and why, keep what it already saved, and exit non-zero instead of crashing or hanging.
 */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a part of the path exists and is not a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`could not write ${path}: ${reason} (${code})`);
    this.name = 'WriteError';
  }

  /** Wrap a failed fs call's error for the file `path`. */
  static from(path: string, e: unknown): WriteError {
    if (e instanceof WriteError) return e;
    const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
    return new WriteError(path, code, REASONS[code] ?? ((e as Error)?.message ?? String(e)));
  }
}
