import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload written to a temporary file, with its size and hash. */
export interface SpooledFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Reads the file from its start, in 64 KiB chunks. */
  open(): Readable;
  remove(): Promise<void>;
}

/**
 * Writes an upload to a temporary file as it arrives, hashing it on the way. The
 * request is then received at network speed (the server's request timeout counts
 * the upload, not the import), and the import reads the file from disk: memory
 * holds one chunk, whatever the file's size.
 */
export async function spoolToDisk(source: Readable): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'sellerops-import-'));
  const path = join(dir, 'upload');
  const hash = createHash('sha256');
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, measure, createWriteStream(path));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    path,
    bytes,
    sha256: hash.digest('hex'),
    open: () => createReadStream(path, { highWaterMark: 64 * 1024 }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
