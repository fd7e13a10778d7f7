/**
 * Whether a compiled dictionary artifact (dictionaries/compiled/) still matches the YAML it was built
 * from. The build writes dictionaries/compiled/sources.json: for each artifact, the SHA-1 of every source
 * file. Content decides, not modification times: copying, packing or unpacking the files (npm pack, a
 * .vsix, a checkout) changes their times but not what they say.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type Sources = Record<string, Record<string, string>>;
let manifest: { root: string; sources: Sources | undefined } | undefined;

function sourcesOf(root: string): Sources | undefined {
  if (manifest?.root !== root) {
    let sources: Sources | undefined;
    try {
      sources = JSON.parse(readFileSync(join(root, 'dictionaries', 'compiled', 'sources.json'), 'utf8')) as Sources;
    } catch {
      sources = undefined;
    }
    manifest = { root, sources };
  }
  return manifest.sources;
}

/** The SHA-1 (hex) of a file's bytes, as the build records it. */
export function fileDigest(file: string): string {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/**
 * True when the artifact `key` (e.g. "nl", "practice-en") was compiled from exactly the YAML files
 * in `dir` that `include` accepts, with the same content. Any doubt (no record, a file added, removed
 * or changed, unreadable) is false: the caller then reads the YAML itself.
 */
export function compiledIsCurrent(root: string, key: string, dir: string, include: (name: string) => boolean): boolean {
  const recorded = sourcesOf(root)?.[key];
  if (!recorded) return false;
  try {
    const names = readdirSync(dir).filter(include).sort();
    if (names.length !== Object.keys(recorded).length) return false;
    return names.every((n) => recorded[n] === fileDigest(join(dir, n)));
  } catch {
    return false;
  }
}
