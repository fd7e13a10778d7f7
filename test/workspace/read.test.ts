/**
 * The workspace reader: bytes in, text out, nothing lost; what may be written back.
 */
import { strict as assert } from 'node:assert';
import { decodeDocument } from '../../server/src/workspace/read.js';
import { restrictUntrusted } from '../../server/src/workspace/workspace.js';
import { parseConfigText } from '../../server/src/engine/config/load.js';

describe('workspace: reading documents', () => {
  it('UTF-8 keeps every character: one BOM is a BOM, a second stays text; CRLF stays; writing back gives the same bytes', () => {
    for (const text of ['\ufeff# A\r\n\r\nTekst.\r\n', '\ufeff\ufeff# A\n\nCliënt, reïntegratie 👍\n', 'geen regeleinde']) {
      const bytes = Buffer.from(text, 'utf8');
      const d = decodeDocument(bytes);
      assert.ok(d.ok);
      assert.equal(d.text, text);
      assert.equal(d.encoding, 'utf-8');
      assert.equal(d.writable, true);
      assert.equal(d.bom, text.startsWith('\ufeff'));
      assert.deepEqual(Buffer.from(d.text, 'utf8'), bytes);
    }
    const crlf = decodeDocument(Buffer.from('a\r\nb\r\n'));
    assert.ok(crlf.ok && crlf.eol === '\r\n');
    const mixed = decodeDocument(Buffer.from('a\r\nb\nc'));
    assert.ok(mixed.ok && mixed.eol === 'mixed');
  });

  it('UTF-16 with a BOM is read, checked read-only; binary data is refused', () => {
    const le = decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Cliënt\n', 'utf16le')]));
    assert.ok(le.ok && le.text === '\ufeffCliënt\n' && !le.writable && /UTF-16LE/.test(le.warning!.en));
    const bin = decodeDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    assert.ok(!bin.ok && bin.kind === 'binary');
  });

  it('an untrusted workspace keeps the settings but not dictionaries or readOutside', () => {
    const { config } = parseConfigText('audience: academic\nreadOutside: true\nvocabulary:\n  accept: [UWV]\n  dictionaries: [/etc/x.yml]\n');
    const r = restrictUntrusted(config);
    assert.equal(r.audience, 'academic');
    assert.deepEqual(r.vocabulary.accept, ['UWV']);
    assert.deepEqual(r.vocabulary.dictionaries, []);
    assert.equal(r.readOutside, false);
    assert.equal(config.readOutside, true, 'the original is not changed');
  });
});
