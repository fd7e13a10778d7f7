/**
 * Whether a compiled dictionary artifact (dictionaries/compiled/) still matches the YAML it was built
 * from. The build writes dictionaries/compiled/sources.json: for each artifact, the SHA-1 of every source
 * file. Content decides, not modification times: copying, packing or unpacking the files (npm pack, a
 * .vsix, a checkout) changes their times but not what they say.
 *
 * Hashing every source at every start cost a cold start about 10 ms (node:crypto loaded, 300 KB of
 * YAML read and hashed), so the build also records each source's size and modification time as it
 * hashed it (dictionaries/compiled/stat.json): a file with exactly that size and time has not been
 * written since, and its recorded digest stands. Any other file is hashed as before.
 */
import type { Hash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Sources = Record<string, Record<string, string>>;
/** By "<artifact>/<file name>": [size, modification time in ms] of the source when the build hashed it. */
type Stats = Record<string, [number, number]>;
let manifest: { root: string; sources: Sources | undefined; stats: Stats } | undefined;

function manifestOf(root: string): { sources: Sources | undefined; stats: Stats } {
  if (manifest?.root !== root) {
    let sources: Sources | undefined;
    let stats: Stats = {};
    try {
      sources = JSON.parse(readFileSync(join(root, 'dictionaries', 'compiled', 'sources.json'), 'utf8')) as Sources;
    } catch {
      sources = undefined;
    }
    try {
      stats = JSON.parse(readFileSync(join(root, 'dictionaries', 'compiled', 'stat.json'), 'utf8')) as Stats;
    } catch {
      stats = {};
    }
    manifest = { root, sources, stats };
  }
  return manifest;
}

/** The SHA-1 (hex) of a file's bytes, as the build records it. node:crypto is loaded when a file must be hashed. */
export function fileDigest(file: string): string {
  const { createHash } = createRequire(process.execPath)('node:crypto') as { createHash: (algorithm: string) => Hash };
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** Size and modification time of a file as stat.json records them. */
export function fileStat(file: string): [number, number] {
  const s = statSync(file);
  return [s.size, s.mtimeMs];
}

/**
 * True when the artifact `key` (e.g. "nl", "practice-en") was compiled from exactly the YAML files
 * in `dir` that `include` accepts, with the same content. Any doubt (no record, a file added, removed
 * or changed, unreadable) is false: the caller then reads the YAML itself.
 */
export function compiledIsCurrent(root: string, key: string, dir: string, include: (name: string) => boolean): boolean {
  const { sources, stats } = manifestOf(root);
  const recorded = sources?.[key];
  if (!recorded) return false;
  try {
    const names = readdirSync(dir).filter(include).sort();
    if (names.length !== Object.keys(recorded).length) return false;
    return names.every((n) => {
      if (recorded[n] === undefined) return false;
      const file = join(dir, n);
      const seen = stats[`${key}/${n}`];
      if (seen) {
        const [size, time] = fileStat(file);
        if (size === seen[0] && time === seen[1]) return true;
      }
      return recorded[n] === fileDigest(file);
    });
  } catch {
    return false;
  }
}
