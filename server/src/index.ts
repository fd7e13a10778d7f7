export { Engine, formatOf, applyDirectives } from './engine/engine.js';
export type { LintOptions, LintResult, Paragraph } from './engine/engine.js';
export * from './engine/types.js';
export { defaultConfig, mergeConfig } from './engine/config/config.js';
export type { BrugConfig } from './engine/config/config.js';
export { parseConfigText } from './engine/config/load.js';
export { applyFixes } from './engine/fixes.js';
export { lint, engineFor } from './workspace/engine.js';
