import { strict as assert } from 'node:assert';
import { md } from './helpers.js';

describe('readability scores stay on their scale (0–100)', () => {
  it('very easy text: the score is 100 and the formula\'s own value is kept as rawScore (nl and en)', () => {
    for (const [language, text] of [['nl', 'Ik ga. Jij komt. Wij zijn hier. Het is goed.'], ['en', 'I go. You come. We are here. It is good.']] as const) {
      const r = md(`# Kop\n\n${text}\n`, { language });
      assert.equal(r.metrics.score, 100, language);
      assert.ok((r.metrics.rawScore ?? 0) > 100, `${language}: raw ${r.metrics.rawScore}`);
    }
  });

  it('extremely hard text: the score is 0 and rawScore is below it', () => {
    const nl = 'De operationalisering van de gemeentelijke beleidsdoelstellingen ten aanzien van de arbeidsmarktparticipatie van uitkeringsgerechtigden vereist een geïntegreerde samenwerkingsinfrastructuur tussen verschillende uitvoeringsorganisaties, kennisinstellingen en maatschappelijke organisaties.';
    const r = md(`# Kop\n\n${nl}\n`, { language: 'nl' });
    assert.equal(r.metrics.score, 0);
    assert.ok((r.metrics.rawScore ?? 0) < 0);
    assert.equal(r.metrics.band.nl, 'zeer moeilijk');
  });

  it('an ordinary text has no rawScore', () => {
    const r = md('# Kop\n\nDe gemeente helpt inwoners met schulden. Zij maakt samen met hen een plan voor de komende maanden.\n', { language: 'nl' });
    assert.equal(r.metrics.rawScore, undefined);
    assert.ok(r.metrics.score > 0 && r.metrics.score < 100);
  });
});
