import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DiagnosticsPage } from './DiagnosticsPage.tsx';
import { installDiagnosticsApi } from './diagnostics-api.ts';

const api = installDiagnosticsApi();
const container = document.getElementById('root');
if (!container) throw new Error('diagnostics.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <DiagnosticsPage api={api} />
  </StrictMode>,
);
