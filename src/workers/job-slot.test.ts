import { describe, expect, it } from 'vitest';
import { JobSlot } from './job-slot.ts';

/** A job that resolves when told to, or rejects with the signal's reason once aborted. */
function pendingJob(): { job: (signal: AbortSignal) => Promise<string>; finish: (value: string) => void } {
  let finish: (value: string) => void = () => undefined;
  const job = (signal: AbortSignal) => new Promise<string>((resolve, reject) => {
    finish = resolve;
    signal.addEventListener('abort', () => reject(signal.reason));
  });
  return { job, finish: (value) => finish(value) };
}

describe('JobSlot', () => {
  it('cancel() aborts the running job with an AbortError that says so', async () => {
    const slot = new JobSlot();
    const { job } = pendingJob();
    const running = slot.run(job);
    slot.cancel();
    await expect(running).rejects.toMatchObject({ name: 'AbortError', message: 'scoring cancelled' });
  });

  it('a new job supersedes the running one; a cancel after both finished does nothing', async () => {
    const slot = new JobSlot();
    const first = slot.run(pendingJob().job);
    const second = pendingJob();
    const running = slot.run(second.job);
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    second.finish('done');
    await expect(running).resolves.toBe('done');
    expect(() => slot.cancel()).not.toThrow();
  });
});
