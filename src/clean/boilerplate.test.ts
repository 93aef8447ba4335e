/**
 * @module Line rules, table-driven: boilerplate lines are dropped by the named rule, and article
 * sentences that look a little like boilerplate are kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLine, normaliseWhitespace, removeBoilerplateLines, stripCommentCta } from './boilerplate.js';

const DROP: Array<[string, string]> = [
  ['×', 'symbol-only'],
  ['Cookies help us deliver our Services. By using our Services, you agree to our use of cookies. Learn More.', 'cookie-notice'],
  ['Close this search box.', 'widget-label'],
  ['Leave a Reply', 'widget-label'],
  ['Be the first to comment', 'widget-label'],
  ['Notify of', 'widget-label'],
  ['Inline Feedbacks', 'widget-label'],
  ['View all comments', 'widget-label'],
  ['Your email address will not be published.', 'widget-label'],
  ['Love J-14? Be sure to subscribe to our YouTube channel for fun, exclusive videos with your favorite stars.', 'subscribe-prompt'],
  ['Related: Purple Hearts viewers react to Sofia Carson’s emotional Netflix hit', 'related-line'],
  ['Scroll through our gallery for everything we know about Purple Hearts so far.', 'gallery-prompt'],
  ['Scroll to continue reading', 'reading-prompt'],
  ['This content is created and maintained by a third party, and imported onto this page to help users provide their email addresses.', 'syndication-disclaimer'],
  ['sofia carson, purple hearts', 'tag-line'],
  ['By Sam Ferris', 'byline'],
  ['PUBLISHED: 10:48, Tue, Nov 19, 2019', 'timestamp'],
  ['© 2023 Reel Weekly. All rights reserved.', 'copyright'],
  ['Share: Facebook · X · WhatsApp · Email', 'share-bar'],
  ['Photo: Getty Images', 'media-credit'],
  ['12 Comments', 'widget-label'],
  ['3 Responses', 'comment-widget'],
  ['Save my name, email, and website in this browser for the next time I comment.', 'widget-label'],
];

const KEEP = [
  'Purple Hearts spoilers follow.',
  'Sofia Carson is also a very talented singer',
  'So is it actually Carson singing in "Purple Hearts?"',
  'By Friday, the film had grossed $40 million worldwide.',
  'The studio said cookies and milk were served at the premiere.',
  'Netflix has 200 million subscribers and plans to add more.',
  'Related stories about the band appeared in several papers, the label said.',
  'Facebook, Twitter and Snap all fell on Monday.',
  'What do you think about Sofia Carson’s new single, “Come Back Home,” Netflix’s Purple Hearts?',
  'Lady Gaga, BTS, Taylor Swift, Adele, Rihanna, and Ye',
  'Share prices of the studio rose 4% after the announcement.',
  '[Engadget]',
];

test('boilerplate lines are dropped by the expected rule', () => {
  for (const [line, rule] of DROP) assert.equal(classifyLine(line), rule, line);
});

test('article lines that resemble boilerplate are kept', () => {
  for (const line of KEEP) assert.equal(classifyLine(line), null, line);
});

test('a trailing call to comment is cut as a sentence; the rest of the line stays', () => {
  assert.equal(stripCommentCta('What did you think? Let us know in the comments!'), 'What did you think?');
  assert.equal(stripCommentCta('Tell us in the comments below!'), '');
  assert.equal(stripCommentCta('She let us know in the comments she was fine, the report said.'), 'She let us know in the comments she was fine, the report said.');
});

test('whitespace is normalised without touching words; paragraphs keep one blank line', () => {
  assert.equal(normaliseWhitespace('a\u00a0 b\r\n\r\n\r\n\tc  d \u200b'), 'a b\n\nc d');
  const { text, dropped } = removeBoilerplateLines('My Title\n\nFirst line.\n\n\n×\n\nSecond line.', 'My Title');
  assert.equal(text, 'First line.\n\nSecond line.');
  assert.deepEqual(dropped.map((d) => d.rule), ['title-repeat', 'symbol-only']);
});

test('a title repeated with a site suffix is still a repeat; a later mention is kept', () => {
  const { text } = removeBoilerplateLines('Glass Orchard wins top prize at Harrowgate | Reel\n\nBody text here.\n\nGlass Orchard wins top prize at Harrowgate', 'Glass Orchard wins top prize at Harrowgate');
  assert.equal(text, 'Body text here.\n\nGlass Orchard wins top prize at Harrowgate');
});

test('extracted web text is cut at a late section label ("More stories"), not at an early one', () => {
  const body = Array.from({ length: 8 }, (_, i) => `Paragraph ${i} of the article about the premiere of Paper Crown in London.`).join('\n\n');
  const late = removeBoilerplateLines(`${body}\n\nMore stories\n\nTeaser one about another film\n\nTeaser two`, null, { cutTail: true });
  assert.ok(late.text.endsWith('Paragraph 7 of the article about the premiere of Paper Crown in London.'));
  assert.ok(late.dropped.some((d) => d.rule === 'tail-after-section-label'));
  const early = removeBoilerplateLines(`Intro line of the story.\n\nMore stories\n\n${body}`, null, { cutTail: true });
  assert.ok(early.text.includes('Paragraph 7'));
  const plain = removeBoilerplateLines(`${body}\n\nMore stories\n\nTeaser one about another film`, null);
  assert.ok(plain.text.includes('Teaser one'), 'plain text is never cut');
});

test('normaliseWhitespace equals the plain chain of rewrites on random white-space soup', () => {
  const reference = (text: string) => text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B\uFEFF\u00AD]/g, '')
    .replace(/[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/^ +| +$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const alphabet = ['a', 'b', 'word', ' ', ' ', '  ', '\n', '\n', '\r', '\r\n', '\t', '\f', '\v', '\u00a0', '\u2009', '\u3000', '\u200b', '\ufeff', '\u00ad', '\u2028', '\u2029', '.', 'é'];
  let seed = 11;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let k = 0; k < 3000; k++) {
    let s = '';
    const n = rnd(30);
    for (let i = 0; i < n; i++) s += alphabet[rnd(k % 2 === 0 ? alphabet.length : 8)];
    assert.equal(normaliseWhitespace(s), reference(s), JSON.stringify(s));
  }
});
