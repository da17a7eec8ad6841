import { Readable } from 'node:stream';

export interface Peeked {
  /** The first bytes of the stream (fewer when the stream is shorter). */
  head: Buffer;
  /** The whole stream again, head included, to hand to a parser. */
  stream: Readable;
}

/**
 * Reads the first `bytes` of a stream without losing them: a file's type and
 * delimiter are told from its start, then the parser reads it from byte 0.
 */
export async function peek(input: AsyncIterable<Buffer | string>, bytes: number): Promise<Peeked> {
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { head: head.subarray(0, bytes), stream: Readable.from(replay(), { objectMode: false }) };
}
