// Every studio command, registered once at start-up.
import { registerCommand } from './registry.ts';
import { cancelLoad } from '../state/dataset-actions.ts';
import { openSampleDataset } from '../state/sample-actions.ts';
import { moveSelection, setHelpOpen, toggleMathMode } from '../state/view-actions.ts';
import { useStudio } from '../state/store.ts';

let filePicker: (() => void) | null = null;

/** The toolbar registers its hidden file input here so Mod+O can open it. */
export function setFilePicker(open: (() => void) | null): void {
  filePicker = open;
}

function focusSearch(): void {
  document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
}

export function registerAppCommands(): void {
  registerCommand({ id: 'open-files', title: 'Open dataset files…', hotkey: 'Mod+O', inTextFields: true, run: () => filePicker?.() });
  registerCommand({ id: 'open-sample', title: 'Open the bundled sample dataset', run: () => void openSampleDataset() });
  registerCommand({ id: 'next-trace', title: 'Select next trace', hotkey: 'J', run: () => moveSelection(1) });
  registerCommand({ id: 'previous-trace', title: 'Select previous trace', hotkey: 'K', run: () => moveSelection(-1) });
  registerCommand({ id: 'toggle-math', title: 'Toggle raw / rendered math', hotkey: 'R', run: toggleMathMode });
  registerCommand({ id: 'focus-search', title: 'Search problems', hotkey: '/', run: focusSearch });
  registerCommand({
    id: 'escape', title: 'Close dialog / cancel loading', hotkey: 'Escape', inTextFields: true,
    run: () => (useStudio.getState().helpOpen ? setHelpOpen(false) : useStudio.getState().phase === 'loading' && cancelLoad()),
  });
  registerCommand({ id: 'help', title: 'Show keyboard shortcuts', hotkey: '?', run: () => setHelpOpen(!useStudio.getState().helpOpen) });
}
