/** @module Name normalisation: alias keys, tokens, name-likeness, work families. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aliasKey, cleanAlias, isNameLike, nameTokens, subtypeFamily, wordCount } from './normalize.js';

describe('aliasKey', () => {
  const table: [string, string][] = [
    ['Sofia Carson', 'sofia carson'],
    ['  SOFIA   CARSON ', 'sofia carson'],
    ['Sofia Carson’s', 'sofia carson'],
    ["Netflix's", 'netflix'],
    ['The Purple Hearts', 'purple hearts'],
    ['Beyoncé', 'beyonce'],
    ['Pretty Little Liars: The Perfectionists', 'pretty little liars the perfectionists'],
    ['“Come Back Home”', 'come back home'],
    ['The', 'the'],
    ["I Didn't Know", 'i didn t know'],
    ['Ye', 'ye'],
    ['', ''],
    ['!!!', ''],
  ];
  for (const [input, want] of table) it(`${JSON.stringify(input)} → ${JSON.stringify(want)}`, () => assert.equal(aliasKey(input), want));
});

describe('nameTokens and wordCount', () => {
  it('keeps identifying words only', () => {
    assert.deepEqual(nameTokens('Elizabeth Allen Rosenbaum'), ['elizabeth', 'allen', 'rosenbaum']);
    assert.deepEqual(nameTokens('The Lord of the Rings'), ['lord', 'rings']);
    assert.deepEqual(nameTokens('J. K. Rowling'), ['rowling']);
    assert.equal(wordCount('Carson'), 1);
    assert.equal(wordCount('Sofia Carson'), 2);
  });
});

describe('isNameLike', () => {
  const names = ['Sofia Carson', 'Carson', 'BTS', 'I Didn’t Know', '“Purple Hearts”', 'The Descendants', '2gether', 'Netflix’s', 'will.i.am', 'bell hooks', 'deadmau5'];
  const notNames = ['she', 'She', 'her', 'the actress', 'The actress', 'the film', 'It', 'they', '', '  ', '“', 'this', 'actress', 'singer', 'his new single'];
  for (const n of names) it(`${JSON.stringify(n)} is a name`, () => assert.equal(isNameLike(n), true));
  for (const n of notNames) it(`${JSON.stringify(n)} is not a name`, () => assert.equal(isNameLike(n), false));
  it('cleans aliases for display', () => {
    assert.equal(cleanAlias('“Come Back Home”'), 'Come Back Home');
    assert.equal(cleanAlias('Netflix’s'), 'Netflix');
    assert.equal(cleanAlias('Carsons'), 'Carsons');
  });
});

describe('subtypeFamily', () => {
  it('groups work subtypes, ignores other types', () => {
    assert.equal(subtypeFamily('work', 'film'), subtypeFamily('work', 'movie'));
    assert.equal(subtypeFamily('work', 'novel'), subtypeFamily('work', 'book'));
    assert.equal(subtypeFamily('work', 'song'), subtypeFamily('work', 'single'));
    assert.equal(subtypeFamily('work', 'album'), subtypeFamily('work', 'soundtrack'));
    const families = ['film', 'series', 'novel', 'song', 'album', 'music_video'].map((s) => subtypeFamily('work', s));
    assert.equal(new Set(families).size, 6);
    assert.equal(subtypeFamily('work', undefined), null);
    assert.equal(subtypeFamily('work', 'hologram'), null);
    assert.equal(subtypeFamily('organization', 'studio'), null);
    assert.equal(subtypeFamily('person', null), null);
  });
});
