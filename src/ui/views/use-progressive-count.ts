import { useEffect, useState } from 'react';

/** Grows from `first` to `total` in steps, one step per idle period, so long lists never block. */
export function useProgressiveCount(total: number, first: number, step: number, resetKey: unknown): number {
  const [state, setState] = useState({ key: resetKey, count: Math.min(total, first) });
  const count = state.key === resetKey ? state.count : Math.min(total, first);
  useEffect(() => {
    if (count >= total) return;
    const grow = () => setState({ key: resetKey, count: Math.min(total, count + step) });
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(grow, { timeout: 200 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(grow, 16);
    return () => clearTimeout(timer);
  }, [count, total, step, resetKey]);
  return count;
}
