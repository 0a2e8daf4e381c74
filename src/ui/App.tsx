import { useShallow } from 'zustand/react/shallow';
import { useHotkeys } from './commands/use-hotkeys.ts';
import { useStudio } from './state/store.ts';
import { DatasetTable } from './views/DatasetTable.tsx';
import { DetectionPanel } from './views/DetectionPanel.tsx';
import { DropOverlay } from './views/DropOverlay.tsx';
import { EmptyState } from './views/EmptyState.tsx';
import { ErrorsPanel } from './views/ErrorsPanel.tsx';
import { HelpDialog } from './views/HelpDialog.tsx';
import { LoadProgress } from './views/LoadProgress.tsx';
import { TableFilters } from './views/TableFilters.tsx';
import { Toolbar } from './views/Toolbar.tsx';
import { TraceView } from './views/TraceView.tsx';

function Workspace() {
  const { phase, hasDataset } = useStudio(useShallow((s) => ({ phase: s.phase, hasDataset: s.summary !== null || s.phase === 'loading' })));
  const showEmpty = !hasDataset && (phase === 'idle' || phase === 'failed' || phase === 'cancelled');
  if (showEmpty) return <EmptyState />;
  if (!hasDataset) return null;
  return (
    <div className="workspace">
      <section className="table-pane" aria-label="Dataset">
        <TableFilters />
        <DatasetTable />
      </section>
      <TraceView />
    </div>
  );
}

export function App() {
  useHotkeys();
  return (
    <div className="app">
      <Toolbar />
      <main className="main">
        <DetectionPanel />
        <LoadProgress />
        <ErrorsPanel />
        <Workspace />
      </main>
      <DropOverlay />
      <HelpDialog />
    </div>
  );
}
