/**
 * What the readers could not read as the writer meant (a } too many, an environment never closed) becomes a
 * `brug/parse` finding at its place. The same note many times over (one class file's habit, repeated in every figure)
 * is shown once: the first place is information that names how often it occurs and lists the other places; those
 * places stay findable as hints. A writer then sees one note per kind of problem, not a column of identical ones.
 */
import type { Finding, Message, RelatedLocation } from './types.js';

/** At most this many other places are listed with the first (the hints mark all of them). */
const MAX_RELATED = 20;

export function parseNoteFindings(problems: ReadonlyArray<{ offset: number; message: Message }>, shift: number): Finding[] {
  const byMessage = new Map<string, Array<{ offset: number; message: Message }>>();
  for (const p of problems) {
    const same = byMessage.get(p.message.en);
    if (same) same.push(p);
    else byMessage.set(p.message.en, [p]);
  }
  const out: Finding[] = [];
  for (const same of byMessage.values()) {
    const sorted = same.length > 1 ? [...same].sort((a, b) => a.offset - b.offset) : same;
    const [first, ...others] = sorted;
    const n = sorted.length;
    const related: RelatedLocation[] = others.slice(0, MAX_RELATED).map((p) => ({
      offset: p.offset + shift,
      endOffset: p.offset + shift,
      message: { en: 'The same problem again', nl: 'Hetzelfde probleem nog eens' },
      sameUse: true,
    }));
    out.push({
      ruleId: 'brug/parse',
      severity: 'info',
      message: n > 1 ? { en: `${first!.message.en} The same occurs ${n} times in this document; the other places are marked as hints.`, nl: `${first!.message.nl} Dit komt ${n} keer voor in dit document; de andere plaatsen zijn gemarkeerd als hint.` } : first!.message,
      offset: first!.offset + shift,
      endOffset: first!.offset + shift,
      fixes: [],
      ...(related.length ? { related } : {}),
    });
    for (const p of others) out.push({ ruleId: 'brug/parse', severity: 'hint', message: p.message, offset: p.offset + shift, endOffset: p.offset + shift, fixes: [] });
  }
  return out;
}
