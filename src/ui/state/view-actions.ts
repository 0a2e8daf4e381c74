// Plain actions for the table view: query, selection, math mode, help.
import { datasetWorker } from '../dataset-client.ts';
import type { RowQuery, SortKey } from '../../workers/dataset-api.ts';
import { positionOfId, rowAt, setView, visibleRowCount } from './row-table.ts';
import { useStudio } from './store.ts';
import { DEFAULT_QUERY } from './view-slice.ts';

const REFRESH_WHILE_LOADING_MS = 300;
let viewSequence = 0;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

function isIdentityQuery(query: RowQuery): boolean {
  return !query.search.trim() && query.hasAnswer === 'any' && query.hasReference === 'any'
    && query.truncated === 'any' && query.sortKey === 'index' && !query.sortDescending;
}

/** Re-queries the worker for the display order; latest call wins, stale answers are dropped. */
export async function refreshView(): Promise<void> {
  const sequence = ++viewSequence;
  const { query } = useStudio.getState();
  if (isIdentityQuery(query)) {
    setView(null);
  } else {
    const indices = await datasetWorker().query(query);
    if (sequence !== viewSequence) return;
    setView(indices);
  }
  useStudio.setState((state) => ({ viewVersion: state.viewVersion + 1 }));
}

/** While rows stream in, filtered views refresh at most every few hundred ms. */
export function scheduleViewRefresh(): void {
  if (isIdentityQuery(useStudio.getState().query)) {
    useStudio.setState((state) => ({ viewVersion: state.viewVersion + 1 }));
    return;
  }
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void refreshView();
  }, REFRESH_WHILE_LOADING_MS);
}

export function updateQuery(patch: Partial<RowQuery>): void {
  useStudio.setState((state) => ({ query: { ...state.query, ...patch } }));
  void refreshView();
}

export function resetQuery(): void {
  useStudio.setState({ query: DEFAULT_QUERY });
  void refreshView();
}

/** Clicking a column header: first ascending, then descending, then back to load order. */
export function toggleSort(key: SortKey): void {
  const { sortKey, sortDescending } = useStudio.getState().query;
  if (sortKey !== key) updateQuery({ sortKey: key, sortDescending: false });
  else if (!sortDescending) updateQuery({ sortDescending: true });
  else updateQuery({ sortKey: 'index', sortDescending: false });
}

export function selectTrace(id: string | null): void {
  useStudio.setState({ selectedId: id });
}

/** Moves the selection by `delta` rows in display order. */
export function moveSelection(delta: number): void {
  const total = visibleRowCount();
  if (!total) return;
  const { selectedId } = useStudio.getState();
  const current = selectedId === null ? -1 : positionOfId(selectedId);
  const next = current === -1 ? 0 : Math.min(total - 1, Math.max(0, current + delta));
  selectTrace(rowAt(next)?.id ?? null);
}

export function toggleMathMode(): void {
  useStudio.setState((state) => ({ mathMode: state.mathMode === 'rendered' ? 'raw' : 'rendered' }));
}

export function setHelpOpen(open: boolean): void {
  useStudio.setState({ helpOpen: open });
}
