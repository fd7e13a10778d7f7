import type { EngineOptions } from '../engine/engine.js';

/** Format adapters beyond the engine's own Markdown and plain text (LaTeX arrives here). */
export const extraFormats: EngineOptions['formats'] = {};
