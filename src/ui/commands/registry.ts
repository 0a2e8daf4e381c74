// Commands: one registry feeds the keyboard handler and the `?` help dialog.

export interface Command {
  id: string;
  title: string;
  /** e.g. 'Mod+O' (Ctrl, or Cmd on macOS), '?', 'J', 'Escape'. */
  hotkey?: string;
  /** Also fire while typing in a text field (only sensible for modifier chords and Escape). */
  inTextFields?: boolean;
  run(): void;
}

const commands = new Map<string, Command>();

export function registerCommand(command: Command): void {
  commands.set(command.id, command);
}

export function listCommands(): Command[] {
  return [...commands.values()];
}

export function runCommand(id: string): void {
  commands.get(id)?.run();
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface Chord {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

export function parseHotkey(hotkey: string): Chord {
  const parts = hotkey.split('+');
  const key = parts.pop() ?? '';
  return { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key: key.toLowerCase() };
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matchesHotkey(event: KeyLike, hotkey: string): boolean {
  const chord = parseHotkey(hotkey);
  const mod = event.ctrlKey || event.metaKey;
  if (chord.mod !== mod || chord.alt !== event.altKey) return false;
  // Shift is implied by symbols like '?', so only letters check it.
  if (/^[a-z]$/.test(chord.key) && chord.shift !== event.shiftKey) return false;
  return event.key.toLowerCase() === chord.key;
}

export function formatHotkey(hotkey: string): string {
  return hotkey.replace('Mod', isMac ? '⌘' : 'Ctrl');
}

/** The command a key press triggers, if any. */
export function commandForEvent(event: KeyLike, inTextField: boolean): Command | undefined {
  return listCommands().find((c) => c.hotkey && (!inTextField || c.inTextFields) && matchesHotkey(event, c.hotkey));
}
