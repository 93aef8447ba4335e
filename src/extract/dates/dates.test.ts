import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findDates } from './index.js';

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
});
