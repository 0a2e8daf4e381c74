import { useEffect, useRef } from 'react';
import { formatHotkey, listCommands } from '../commands/registry.ts';
import { useStudio } from '../state/store.ts';
import { setHelpOpen } from '../state/view-actions.ts';

/** Keyboard help, built from the command registry so it can never drift from the real bindings.
 *  A native modal <dialog>: the page behind it is inert, so focus stays inside while it is open. */
export function HelpDialog() {
  const open = useStudio((s) => s.helpOpen);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    dialog.showModal();
    closeRef.current?.focus();
    return () => dialog.close();
  }, [open]);
  if (!open) return null;
  const commands = listCommands().filter((c) => c.hotkey);
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="help-title"
      className="modal"
      onClose={() => setHelpOpen(false)}
      // A click on the backdrop lands on the <dialog> element itself.
      onClick={(e) => e.target === e.currentTarget && setHelpOpen(false)}
    >
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
    </dialog>
  );
}
