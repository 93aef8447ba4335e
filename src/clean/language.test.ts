/**
 * @module Language guess: clear cases answer, short or ambiguous text does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { guessLanguage } from './language.js';

test('English seeds and BBC articles are English; the Latin-1 fixture is French', () => {
  assert.equal(guessLanguage(readFileSync('../shared/corpus/seeds/001_569b0a380f3c62a2.txt', 'utf8')), 'en');
  assert.equal(guessLanguage(readFileSync('../shared/corpus/bbc-entertainment/002.txt', 'utf8')), 'en');
  const fr = "Le réalisateur André Leclerc a annoncé que son film sortira en salles le 14 décembre, après une première remarquée au festival de Namur. Le film raconte l'histoire d'une famille de bateliers sur la Meuse pendant l'hiver, et met en vedette Céline Martel dans le rôle principal.";
  assert.equal(guessLanguage(fr), 'fr');
});

test('too little text, or no stopwords, gives no answer', () => {
  assert.equal(guessLanguage('Purple Hearts'), null);
  assert.equal(guessLanguage('Xq zzv plorb '.repeat(30)), null);
});

/** The straightforward version (a regex for words, one filter per language) the fast one must equal. */
function referenceGuess(text: string): string | null {
  const sets = {
    en: 'the and of to in is that it was for on with as his her she he they at by this from has have are be but not an who which their will said',
    fr: 'le la les et des est une un du dans que qui pour pas sur au avec il elle ce sont par plus ont aux été mais son sa ses leur',
    es: 'el la los las y de que en un una es por con para del se su al lo como más pero sus ha fue son está este esta',
    de: 'der die das und ist nicht mit ein eine den dem von zu auf für sich auch es sie er wird im dass aus bei wie nach hat wurde',
    it: 'il lo la gli le e di che è un una per con non del della dei nel alla sono da si anche come ma più questo ha',
    pt: 'o a os as e de que em um uma é do da dos das para com não no na por se mais foi ao seu sua são também',
  };
  const words = (text.slice(0, 24000).toLowerCase().match(/[\p{L}]+/gu) ?? []).slice(0, 2000);
  if (words.length < 20) return null;
  const scores = Object.entries(sets)
    .map(([lang, list]) => [lang, words.filter((w) => new Set(list.split(' ')).has(w)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (best[1] < 0.15 * words.length || best[1] < 1.5 * second[1]) return null;
  return best[0];
}

test('the one-pass word scan agrees with the regex reference on mixed scripts, astral letters and lone surrogates', () => {
  const pieces = ['the', 'The', 'la', 'LA', 'de', 'und', 'é', 'été', 'também', 'İstanbul', 'ǅ', 'straße', '𝐀𝐁', '𠀀', 'ab\ud800cd', '\udc00', '日本語', 'x', '1999', '—', ' ', '\n', ', ', 'Ω', 'σ', 'questo', 'K'];
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let k = 0; k < 400; k++) {
    const n = 10 + rnd(120);
    let s = '';
    for (let i = 0; i < n; i++) s += pieces[rnd(pieces.length)] + (rnd(3) === 0 ? '' : ' ');
    assert.equal(guessLanguage(s), referenceGuess(s), JSON.stringify(s));
  }
  // long inputs: the 2,000-word and 24,000-character limits
  const long = 'the cat and the dog of la casa '.repeat(1200);
  assert.equal(guessLanguage(long), referenceGuess(long));
  const cut = 'é'.repeat(23999) + '𝐀 the and of to in '.repeat(10);
  assert.equal(guessLanguage(cut), referenceGuess(cut));
});
