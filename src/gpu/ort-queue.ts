// onnxruntime-web must not create sessions or run them concurrently (one wasm heap, one GPU queue):
// every call goes through this one promise chain.
let tail: Promise<unknown> = Promise.resolve();

export function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task, task);
  tail = run.catch(() => undefined);
  return run;
}
