import { CORPUS_DIR } from '../test/helpers/shared.js';
import { corpusDocs, parseHeadings } from './evaluate-lib.js';
import { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
import { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
import { roleVocabularyOf } from '../server/src/engine/sections.js';
const v = new Vocabulary(bundledDictionaries().dictionaries);
for (const d of corpusDocs(CORPUS_DIR).filter(d => /lessig|robot|gitbook/.test(d.file))) {
  const p = parseHeadings(d); const vo = roleVocabularyOf(v, d.language);
  for (const h of p.infos) { const s: string[] = []; for (const r of vo.content) { r.re.lastIndex = 0; const m = (h.content ?? '').match(r.re); if (m) s.push(`${r.role}:${m.length}[${[...new Set(m.map(x=>x.toLowerCase()))].slice(0,5).join(',')}]`); } console.log(d.file.slice(3,10), h.level, h.title.slice(0,30), (h.content??'').length, s.join(' ')); }
}
