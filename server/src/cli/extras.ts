import type { LintResult } from '../engine/engine.js';
import type { Language, Message } from '../engine/types.js';

/** Per-file output that document analyses add (the client perspective arrives here). */
export function fileExtras(result: LintResult, _language: Language): { json: Record<string, unknown>; lines: Message[] } {
  void result;
  return { json: {}, lines: [] };
}
