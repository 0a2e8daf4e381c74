import { describe, expect, it } from 'vitest';
import { commandForEvent, matchesHotkey, registerCommand } from './registry.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('hotkeys', () => {
  it('Mod matches Ctrl and Cmd, and only with the modifier', () => {
    expect(matchesHotkey(key('o', { ctrlKey: true }), 'Mod+O')).toBe(true);
    expect(matchesHotkey(key('O', { metaKey: true }), 'Mod+O')).toBe(true);
    expect(matchesHotkey(key('o'), 'Mod+O')).toBe(false);
    expect(matchesHotkey(key('j', { ctrlKey: true }), 'J')).toBe(false);
  });

  it('symbols ignore the shift needed to type them; letters do not', () => {
    expect(matchesHotkey(key('?', { shiftKey: true }), '?')).toBe(true);
    expect(matchesHotkey(key('J', { shiftKey: true }), 'J')).toBe(false);
  });

  it('text fields only get commands that opt in', () => {
    registerCommand({ id: 't-plain', title: 'plain', hotkey: 'X', run: () => undefined });
    registerCommand({ id: 't-chord', title: 'chord', hotkey: 'Mod+Y', inTextFields: true, run: () => undefined });
    expect(commandForEvent(key('x'), false)?.id).toBe('t-plain');
    expect(commandForEvent(key('x'), true)).toBeUndefined();
    expect(commandForEvent(key('y', { ctrlKey: true }), true)?.id).toBe('t-chord');
  });
});
