import type { Finding, TextEdit } from './types.js';

/**
 * Applies the preferred fix of each finding. Edits that overlap an edit already taken are
 * left out (with their whole fix), so the result is always well-formed text.
 */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: number; skipped: number } {
  const chosen: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  const taken: Array<[number, number]> = [];
  const overlaps = (e: TextEdit) => taken.some(([s, t]) => e.offset < t && s < e.endOffset || (e.offset === e.endOffset && e.offset > s && e.offset < t) || (s === t && s > e.offset && s < e.endOffset) || (s === e.offset && t === e.endOffset));
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  for (const f of sorted) {
    const fix = f.fixes.find((x) => x.preferred && x.edits.length > 0);
    if (!fix) continue;
    if (fix.edits.some(overlaps)) {
      skipped++;
      continue;
    }
    for (const e of fix.edits) {
      chosen.push(e);
      taken.push([e.offset, e.endOffset]);
    }
    applied++;
  }
  return { text: applyEdits(text, chosen), applied, skipped };
}

/** Applies non-overlapping edits to a text (from the end, so offsets stay valid). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.endOffset - a.endOffset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.endOffset);
  return out;
}
