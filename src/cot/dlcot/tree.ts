// The segment tree the studio draws: trace → macro sections → approaches / verification steps →
// sub-steps. A flat list with parent ids (easy to serialise, diff and override); ids are the
// decisions' own ids, so a node and the decision behind it are one thing.
import type { Approach, MacroSection, TreeNode, VerificationStep } from './schema.ts';

function parentMacro(macro: MacroSection[], charStart: number): string {
  const owner = macro.find((m) => charStart >= m.charStart && charStart < m.charEnd) ?? macro.at(-1);
  return owner ? owner.id : 'trace';
}

export function buildTree(traceId: string, length: number, macro: MacroSection[], approaches: Approach[], verification: VerificationStep[]): TreeNode[] {
  const nodes: TreeNode[] = [{ id: 'trace', parentId: null, kind: 'trace', label: traceId, charStart: 0, charEnd: length }];
  for (const m of macro) nodes.push({ id: m.id, parentId: 'trace', kind: 'macro', label: m.label, charStart: m.charStart, charEnd: m.charEnd });
  // Approaches and verification steps are each in text order: merge them instead of sorting.
  const children: TreeNode[] = [];
  let v = 0;
  const flushChecksBefore = (charStart: number) => {
    for (; v < verification.length && verification[v].charStart < charStart; v++) {
      const step = verification[v];
      children.push({ id: step.id, parentId: parentMacro(macro, step.charStart), kind: 'verification', label: step.stance, charStart: step.charStart, charEnd: step.charEnd });
    }
  };
  for (const a of approaches) {
    flushChecksBefore(a.charStart);
    children.push({ id: a.id, parentId: parentMacro(macro, a.charStart), kind: 'approach', label: a.name, charStart: a.charStart, charEnd: a.charEnd });
    for (const s of a.steps) children.push({ id: s.id, parentId: a.id, kind: 'step', label: 'step', charStart: s.charStart, charEnd: s.charEnd });
  }
  flushChecksBefore(Infinity);
  return nodes.concat(children);
}
