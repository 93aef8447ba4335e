/** @module makeDoc: hand-built documents with consistent layers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeDoc, splitSentences } from './make-doc.js';

describe('makeDoc', () => {
  it('builds mentions in text order, claims with spans inside their sentence', () => {
    const text = 'Purple Hearts stars Sofia Carson. Carson sings.';
    const doc = makeDoc(text, {
      mentions: [{ find: 'Sofia Carson', type: 'person' }, [0, 13, 'work', 'film'], { find: 'Carson', nth: 1, type: 'person', canonical: 'Sofia Carson' }],
      claims: [{ predicate: 'cast_member', subject: 1, object: 0 }],
    });
    const ms = doc.get('mentions');
    assert.deepEqual(ms.map((m) => [m.id, m.text, m.canonical]), [
      ['m0', 'Purple Hearts', 'Purple Hearts'],
      ['m1', 'Sofia Carson', 'Sofia Carson'],
      ['m2', 'Carson', 'Sofia Carson'],
    ]);
    const [c] = doc.get('claims');
    assert.equal(c.subject.mention, 'm0');
    assert.equal((c.object as { mention: string }).mention, 'm1');
    assert.equal(doc.slice(c.span), 'Purple Hearts stars Sofia Carson.');
    assert.deepEqual(c.sentence, c.span);
  });
  it('splits sentences', () => {
    const t = 'One. Two! Three?\nFour';
    assert.deepEqual(splitSentences(t).map((s) => t.slice(s.start, s.end)), ['One.', 'Two!', 'Three?', 'Four']);
  });
  it('rejects a mention it cannot find', () => {
    assert.throws(() => makeDoc('abc', { mentions: [{ find: 'x', type: 'person' }] }), /not found/);
  });
});
