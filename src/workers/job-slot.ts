// One cancellable job of a kind at a time (latest wins): a new score call aborts the previous one of
// the same kind, and cancel() aborts the running one with an AbortError that names the cancel.
export class JobSlot {
  private running: AbortController | undefined;

  async run<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    try {
      return await job(controller.signal);
    } finally {
      if (this.running === controller) this.running = undefined;
    }
  }

  cancel(): void {
    this.running?.abort(new DOMException('scoring cancelled', 'AbortError'));
  }
}
