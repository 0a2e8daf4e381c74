import { useEffect, useRef } from 'react';
import { formatHotkey, listCommands } from '../commands/registry.ts';
import { useStudio } from '../state/store.ts';
import { setHelpOpen } from '../state/view-actions.ts';

/** Keyboard help, built from the command registry so it can never drift from the real bindings. */
export function HelpDialog() {
  const open = useStudio((s) => s.helpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  const commands = listCommands().filter((c) => c.hotkey);
  return (
    <div className="modal-backdrop" onClick={() => setHelpOpen(false)}>
      <div role="dialog" aria-modal="true" aria-labelledby="help-title" className="modal" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <tbody>
            {commands.map((command) => (
              <tr key={command.id}>
                <td><kbd>{formatHotkey(command.hotkey ?? '')}</kbd></td>
                <td>{command.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="button" onClick={() => setHelpOpen(false)}>Close</button>
      </div>
    </div>
  );
}
