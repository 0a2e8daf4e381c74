// A file's bytes as a sequence of chunks (decompressed when gzip), counting the file bytes consumed
// so progress is in terms of the file as stored.
import type { DatasetFile } from './open-dataset.ts';

export async function* fileChunks(file: DatasetFile, compressed: boolean, onBytes: (byteLength: number) => void): AsyncGenerator<Uint8Array> {
  let stream: ReadableStream<Uint8Array> = file.blob.stream();
  if (compressed) {
    stream = stream
      .pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform(chunk, controller) { onBytes(chunk.byteLength); controller.enqueue(chunk); } }))
      .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  }
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      if (!compressed) onBytes(value.byteLength);
      yield value;
    }
  } finally {
    // Reached on early exit (abort, sampling): stop reading the rest of the file.
    reader.cancel().catch(() => undefined);
  }
}
