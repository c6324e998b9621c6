/**
 * Writing files in Node: every file atomically (a temporary file beside it, then a rename), so an
 * interrupted command never leaves half a file and a finished one is never lost. A failed write
 * throws a WriteError naming the file and the reason, and leaves no temporary file behind.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WriteError } from './write-error';

/**
 * Test seam: GOVSIM_FAIL_WRITE_AFTER=N makes every write after the first N of this process fail with
 * GOVSIM_FAIL_WRITE_CODE (default ENOSPC), as a full disk would. Tests run as root, which chmod does
 * not stop, so this is how they reach the failure paths; nothing else sets it.
 */
const failAfter = process.env.GOVSIM_FAIL_WRITE_AFTER === undefined ? Infinity : Number(process.env.GOVSIM_FAIL_WRITE_AFTER);
let writes = 0;

/** Write `text` to `path` by writing a temporary file beside it and renaming it into place. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    if (writes >= failAfter) throw Object.assign(new Error('injected write failure'), { code: process.env.GOVSIM_FAIL_WRITE_CODE ?? 'ENOSPC' });
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    writes++;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed: nothing to clean.
    }
    throw WriteError.from(path, e);
  }
}

/**
 * Write text that comes in chunks (a long CSV) to `path` the same way, one chunk at a time, so the
 * whole text is never held; returns the SHA-256 (hex) of the bytes written, the hash sha256Hex
 * (src/output/hash.ts) gives for the whole text.
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): string {
  return writeStreamAtomic(path, (write) => {
    for (const chunk of chunks) write(Buffer.from(chunk, 'utf8'));
  });
}

/**
 * Write bytes that `produce` hands over piece by piece (a Parquet file as it is encoded) to `path`
 * atomically, and return their SHA-256 (hex). Each piece is written before `write` returns, so the
 * producer may reuse its buffer. A failed write is a WriteError naming `path`; anything else
 * `produce` throws (a bug, bad data) is passed on as it is, the temporary file removed either way.
 */
export function writeStreamAtomic(path: string, produce: (write: (bytes: Uint8Array) => void) => void): string {
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  let producing = false;
  try {
    if (writes >= failAfter) throw Object.assign(new Error('injected write failure'), { code: process.env.GOVSIM_FAIL_WRITE_CODE ?? 'ENOSPC' });
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
    const hash = createHash('sha256');
    const out = fd;
    producing = true;
    produce((bytes) => {
      hash.update(bytes);
      try {
        for (let at = 0; at < bytes.length; ) at += writeSync(out, bytes, at);
      } catch (e) {
        throw WriteError.from(path, e);
      }
    });
    producing = false;
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    writes++;
    return hash.digest('hex');
  } catch (e) {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // Already failing; the write's own error is the one to report.
    }
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed: nothing to clean.
    }
    throw producing && !(e instanceof WriteError) ? e : WriteError.from(path, e);
  }
}

/** Write every file of `files` into `dir`; the manifest (if any) last, so its presence marks a complete run. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  const names = Object.keys(files).sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
  for (const name of names) writeFileAtomic(join(dir, name), files[name]);
}
