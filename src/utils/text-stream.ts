// A response body pulled piece by piece from an iterable of strings: a whole-archive file
// (papers.ndjson, papers.csv) is made as it is read, never held as one string or array first.
const encoder = new TextEncoder();

/** A byte stream of `pieces`, `batch` pieces a chunk, produced only as it is read. */
export function textStream(pieces: Iterable<string>, batch = 200): ReadableStream<Uint8Array> {
  const it = pieces[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      let chunk = '';
      for (let i = 0; i < batch; i++) {
        const next = it.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      it.return?.();
    },
  });
}
