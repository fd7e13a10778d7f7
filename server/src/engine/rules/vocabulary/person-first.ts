import type { RuleMeta } from '../types.js';
import { message } from '../types.js';
import { termRule } from './term-rule.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';

const meta: RuleMeta = {
  id: 'vocabulary/person-first',
  languages: ['nl', 'en'],
  defaultSeverity: 'info',
  description: message('Labels that reduce people to a problem.', 'Labels die mensen terugbrengen tot hun probleem.'),
  rationale: message(
    'A report about people should name them as people with a problem, not as the problem ("people with debts", not "debtors"). It is more precise and it keeps the client in view.',
    'Een rapport over mensen noemt ze als mensen met een probleem, niet als het probleem ("mensen met schulden", niet "schuldenaren"). Dat is preciezer en houdt de cliënt in beeld.',
  ),
  options: { practitioner: {}, academic: {}, general: {} },
};

export const personFirst = (vocabulary: Vocabulary) =>
  termRule(
    meta,
    'person-first',
    {
      found: (term) => message(`"${term}" names people by their problem.`, `"${term}" noemt mensen naar hun probleem.`),
    },
    vocabulary,
  );
