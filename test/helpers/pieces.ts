import { PieceText } from '../../server/src/engine/text/view.js';

/** `s` cut into pieces at the given places (sorted; duplicates make empty pieces), as a view over them. */
export function cutAt(s: string, cuts: number[]): PieceText {
  const at = cuts.map((c) => Math.min(c, s.length)).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const c of at) {
    pieces.push(s.slice(from, c));
    from = c;
  }
  pieces.push(s.slice(from));
  return new PieceText(pieces);
}
