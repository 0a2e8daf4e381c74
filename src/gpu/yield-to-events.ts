// ORT-web's WASM runs resolve through microtasks only, so a loop of awaited runs never lets the
// worker handle its next message (e.g. cancel). A MessageChannel hop is a macrotask without the
// clamping of nested setTimeout.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
