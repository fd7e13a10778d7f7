import type { EngineOptions } from '../engine/engine.js';
import { parseLatex } from '../engine/formats/latex.js';

/** Format adapters beyond the engine's own Markdown and plain text. */
export const extraFormats: EngineOptions['formats'] = {
  latex: (text, config) => parseLatex(text, config.latex),
};
