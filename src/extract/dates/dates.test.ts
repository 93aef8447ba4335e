import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chronoWindows, findDates } from './index.js';

/** [text, article date, expected `text=value/precision` list]. */
const CASES: [string, string | null, string[]][] = [
  ['It premiered on July 29, 2022, on Netflix.', null, ['July 29, 2022=2022-07-29/day']],
  ['It was first announced in November 2020.', null, ['November 2020=2020-11/month']],
  ['the actress shared via Instagram in October 2021.', '2021-10-15', ['October 2021=2021-10/month']],
  ['The new movie is out July 29.', '2022-07-20', ['July 29=2022-07-29/day']],
  ['The new movie is out July 29.', null, []],
  ['Five years ago, we started this journey together.', '2022-07-29', ['Five years ago=2017/year']],
  ['It is based on the 2017 novel of the same name.', null, ['2017=2017/year']],
  ['the third most-watched movie of 2022', null, ['2022=2022/year']],
  ['staying in Netflix\'s Top 10 for six weeks in its first few days after release', '2024-12-24', []],
  ['He became famous in the 1980s.', null, ['1980s=198X/decade']],
  ['It made $2017m and sold 1,999 copies.', null, []],
  ['She may return next year.', null, []],
];

describe('dates.chrono.v1', () => {
  for (const [text, date, expected] of CASES) {
    it(`${text} (${date ?? 'no date'})`, () => {
      const got = findDates(text, date).map((d) => `${d.text}=${d.value}/${d.precision}`);
      assert.deepEqual(got, expected);
      for (const d of findDates(text, date)) assert.equal(text.slice(d.start, d.end), d.text);
    });
  }

  it('marks anchored expressions as relative', () => {
    const [d] = findDates('out July 29', '2022-07-01');
    assert.equal(d.relative, true);
    const [e] = findDates('on July 29, 2022', '2022-07-01');
    assert.equal(e.relative, false);
  });

  it('parsing windows around calendar words finds exactly what whole lines give (seeds, BBC)', () => {
    const dirs = ['../shared/corpus/seeds', '../shared/corpus/bbc-entertainment'];
    const texts = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(d, f), 'utf8')));
    let found = 0;
    for (const t of texts) {
      for (const ref of [null, '2022-07-29']) {
        const windowed = findDates(t, ref);
        assert.deepEqual(windowed, findDates(t, ref, Infinity));
        found += windowed.length;
      }
    }
    assert.ok(found > 500, `only ${found} dates`);
    const long = `${'Words without any date in them at all. '.repeat(20)}The film opens on Friday, July 29, 2022 at 8 p.m. in cinemas. ${'More filler text here. '.repeat(20)}It was shot last year.`;
    assert.deepEqual(findDates(long, '2022-07-01', 40), findDates(long, '2022-07-01', Infinity));
  });

  it('windows: context on both sides of each calendar word, widened to whitespace, merged when they overlap', () => {
    const t = 'aaaa bbbb July cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk Friday llll';
    const w = chronoWindows(t, 0, t.length, 5);
    assert.deepEqual(w.length, 4);
    assert.equal(t.slice(w[0], w[1]), 'bbbb July cccc');
    assert.equal(t.slice(w[2], w[3]), 'kkkk Friday llll');
    assert.deepEqual(chronoWindows(t, 0, t.length, 40), [0, t.length]);
    assert.deepEqual(chronoWindows('no dates here', 0, 13), []);
  });
});

