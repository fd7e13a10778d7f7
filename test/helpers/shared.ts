import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared research folder (corpora, research data, seed paper) that lies beside the
 * repository — in a work tree and in CI alike. BRUG_SHARED and BRUG_CORPUS point elsewhere.
 * Tests read it at run time and never copy it into the repository.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = resolve(process.env.BRUG_SHARED ?? join(REPO_ROOT, '..', 'shared'));
export const CORPUS_DIR = resolve(process.env.BRUG_CORPUS ?? join(SHARED_DIR, 'corpora', 'dev'));

/** In CI the shared folder must be there: a missing one fails loudly instead of skipping tests. */
if (process.env.CI === 'true' && !existsSync(CORPUS_DIR)) {
  throw new Error(`The development corpus is missing at ${CORPUS_DIR}; CI needs ../shared beside the repository (or BRUG_CORPUS).`);
}
