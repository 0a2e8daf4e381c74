import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/trace.css';
import { App } from './App.tsx';
import { registerAppCommands } from './commands/app-commands.ts';
import { openSampleDataset, wantsSampleOnBoot } from './state/sample-actions.ts';

registerAppCommands();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
if (wantsSampleOnBoot(window.location.search)) void openSampleDataset({ loadAtOnce: true });
