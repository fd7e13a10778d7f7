import type { EngineOptions } from '../engine/engine.js';
import { formatOf } from '../engine/engine.js';
import type { Format } from '../engine/types.js';
import { isCheckedName } from './files.js';
import { parseLatex } from '../engine/formats/latex.js';

/** Format adapters beyond the engine's own Markdown and plain text. */
export const extraFormats: EngineOptions['formats'] = {
  latex: (text, config) => parseLatex(text, config.latex),
};

const FORMAT_BY_LANGUAGE_ID: Record<string, Format> = {
  markdown: 'markdown',
  quarto: 'markdown',
  rmd: 'markdown',
  rmarkdown: 'markdown',
  plaintext: 'plaintext',
  text: 'plaintext',
  latex: 'latex',
  tex: 'latex',
};

/**
 * The format of a document: from the editor's language id first, else from the file name;
 * undefined when Brug does not check it. The command line passes no language id.
 */
export function formatForDocument(languageId: string | undefined, path: string): Format | undefined {
  const byId = languageId ? FORMAT_BY_LANGUAGE_ID[languageId.toLowerCase()] : undefined;
  if (byId) return byId;
  const name = path.replace(/[?#].*$/, '');
  if (!isCheckedName(name)) return undefined;
  return formatOf(name);
}
