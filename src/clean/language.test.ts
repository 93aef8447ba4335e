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
