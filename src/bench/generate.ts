/**
 * @module Benchmark corpus generator: realistic, templated entertainment-news articles about the
 * generated films, series, people and songs of a {@link World}. Article `i` of seed `s` is a pure
 * function of `(s, i)`, so corpora of any size are reproducible from a seed number, a smaller
 * corpus is a prefix of a larger one, and generation streams without holding articles in memory.
 */
import { hash32, Rng } from './random.js';
import * as V from './vocabulary.js';
import { DAY_MS, World, type Person, type Production } from './world.js';

/** Bumped whenever the output for a given seed changes (cached corpora are keyed on it). */
export const GENERATOR_VERSION = 1;

export type ArticleKind =
  | 'casting'
  | 'wrap'
  | 'single'
  | 'video'
  | 'release'
  | 'interview'
  | 'ratings'
  | 'chart'
  | 'review'
  | 'sequel-rumour'
  | 'sequel-confirmed'
  | 'award'
  | 'adaptation';

export interface GeneratedArticle {
  index: number;
  kind: ArticleKind;
  title: string;
  /** Body (boilerplate included), without the title. */
  body: string;
  /** Publication date, ISO day. */
  date: string;
  url: string;
  source: string;
  /** Whether the `.txt` rendering starts with a ` date YYYY-MM-DD` header (as two seeds do). */
  dateHeader: boolean;
  /** Whether the `.txt` rendering starts with a cookie banner before the title (as a seed does). */
  bannerFirst: boolean;
}

/** Sites that "publish" the generated articles, with their URL host. */
const SITES = [
  ['Screen Ledger', 'screenledger.example'],
  ['Encore Daily', 'encoredaily.example'],
  ['Front Row Weekly', 'frontrowweekly.example'],
  ['Box Office Beat', 'boxofficebeat.example'],
  ['Reel Talk', 'reeltalk.example'],
  ['The Soundtrack Desk', 'soundtrackdesk.example'],
] as const;

/** How many new productions enter the news per article: ~1 new production every 6 articles. */
const ARTICLES_PER_NEW_PRODUCTION = 6;
/** Productions in the news from the very first article. */
const INITIAL_PRODUCTIONS = 20;
/** Share of articles about one of the most recent productions (news clusters on what is new). */
const RECENT_SHARE = 0.45;
const RECENT_WINDOW = 40;
/** Share of `.txt` renderings with a date header, and with a cookie banner before the title. */
const DATE_HEADER_SHARE = 0.5;
const BANNER_FIRST_SHARE = 0.1;

/** Creates a generator for one seed. */
export function createGenerator(seed: number): { article(index: number): GeneratedArticle; world: World } {
  const world = new World(seed);
  return { world, article: (index: number) => generateArticle(world, index) };
}

/**
 * Article number `index` of the world's corpus.
 *
 * @param world - the seed's world
 * @param index - 0-based article number
 * @returns the article (deterministic for (seed, index))
 * @example generateArticle(new World(42), 0).title
 */
export function generateArticle(world: World, index: number): GeneratedArticle {
  const r = new Rng(hash32(world.seed, 'article', index));
  const newest = INITIAL_PRODUCTIONS + Math.floor(index / ARTICLES_PER_NEW_PRODUCTION);
  const k = r.chance(RECENT_SHARE) ? Math.max(0, newest - 1 - r.int(0, RECENT_WINDOW)) : r.int(0, newest - 1);
  const p = world.production(k);
  const kind = pickKind(r, p);
  const date = new Date(p.release.getTime() + dateOffsetDays(r, kind) * DAY_MS);
  const [source, host] = r.pick(SITES);
  const w = new Writer(r, p, date, source);
  const title = WRITERS[kind](w);
  extras(w);
  const body = w.render();
  const iso = isoDay(date);
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return {
    index,
    kind,
    title,
    body,
    date: iso,
    url: `https://${host}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${slug}-${index}`,
    source,
    dateHeader: r.chance(DATE_HEADER_SHARE),
    bannerFirst: r.chance(BANNER_FIRST_SHARE),
  };
}

/** The `.txt` file rendering: title line (or ` date` header) then the body, like the seeds. */
export function renderTxt(a: GeneratedArticle): string {
  if (a.dateHeader) return ` date ${a.date} ${a.body}\n`;
  const banner = a.bannerFirst ? `×\n${COOKIE_LINES[a.index % COOKIE_LINES.length]}\n\n` : '';
  return `${banner}${a.title}\n\n${a.body}\n`;
}

/** The JSON Lines rendering: one object (no trailing newline). */
export function renderJsonl(a: GeneratedArticle): string {
  return JSON.stringify({ title: a.title, text: a.body, date: a.date, url: a.url, source: a.source });
}

/** Whitespace-separated words of a string (the corpus's word counts use this). */
export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Article kinds and dates

const KIND_WEIGHTS: [ArticleKind, number][] = [
  ['casting', 12], ['wrap', 5], ['single', 9], ['video', 6], ['release', 12], ['interview', 11], ['ratings', 10],
  ['chart', 6], ['review', 8], ['sequel-rumour', 5], ['sequel-confirmed', 4], ['award', 6], ['adaptation', 6],
];

function pickKind(r: Rng, p: Production): ArticleKind {
  for (;;) {
    const total = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    let x = r.next() * total;
    let kind: ArticleKind = 'release';
    for (const [k, w] of KIND_WEIGHTS) {
      x -= w;
      if (x < 0) {
        kind = k;
        break;
      }
    }
    if ((kind === 'single' || kind === 'chart') && p.songs.length === 0) continue;
    if (kind === 'video' && !p.video) continue;
    if (kind === 'adaptation' && !p.novel) continue;
    return kind;
  }
}

/** Days from the release day to the article's publication day, by kind. */
function dateOffsetDays(r: Rng, kind: ArticleKind): number {
  switch (kind) {
    case 'casting': return -r.int(200, 520);
    case 'wrap': return -r.int(90, 260);
    case 'single': return -r.int(5, 20);
    case 'video': return r.int(-3, 25);
    case 'release': return -r.int(1, 4);
    case 'interview': return -r.int(2, 6);
    case 'ratings': return r.int(10, 18);
    case 'chart': return r.int(7, 24);
    case 'review': return r.int(0, 3);
    case 'sequel-rumour': return r.int(40, 300);
    case 'sequel-confirmed': return r.int(320, 560);
    case 'award': return r.int(90, 200);
    case 'adaptation': return r.int(1, 30);
  }
}

// ---------------------------------------------------------------------------------------------
// Boilerplate (as found on real pages; the cleaner must remove it)

const COOKIE_LINES = [
  'Cookies help us deliver our services. By using our services, you agree to our use of cookies. Learn More.',
  'We use cookies to improve your experience on our site. By continuing to browse, you accept our use of cookies.',
  'This site uses cookies. Some are essential, others help us improve your experience. Find out more.',
];
const TOP_BOILERPLATE = ['Close this search box.', 'Skip to main content', 'Advertisement'];
const SHARE_BARS = ['Share this article\nFacebook\nX\nWhatsApp\nEmail', 'Share on Facebook\nShare on X\nCopy link', 'Share: Facebook · X · Email'];
const NEWSLETTER_LINES = [
  'Sign up to our newsletter for the latest film and TV news, straight to your inbox.',
  'Love {site}? Be sure to subscribe to our YouTube channel for exclusive videos with your favourite stars.',
  'Get the {site} newsletter: the week\'s biggest entertainment stories every Friday.',
  'Never miss a story. Subscribe to our daily briefing.',
];
const COMMENT_WIDGETS = [
  'Be the first to comment\n\nLeave a Reply\n\nYour email address will not be published.',
  'Notify of\nInline Feedbacks\nView all comments',
  'Leave a Reply\n\nYour email address will not be published. Required fields are marked *',
  'Comments are closed.',
];
const MIDDLE_BOILERPLATE = [
  'Advertisement',
  'Scroll to continue reading',
  'Scroll through our gallery for everything we know about {title} so far.',
  'This content is created and maintained by a third party, and imported onto this page to help users provide their email addresses.',
];

// ---------------------------------------------------------------------------------------------
// Writing

const ROLE_NOUN: Record<Person['gender'], string> = { f: 'the actress', m: 'the actor' };

/** Accumulates paragraphs and tracks first mentions so later ones use surnames and role nouns. */
class Writer {
  private readonly paras: string[] = [];
  private readonly seen = new Set<number>();

  constructor(
    readonly r: Rng,
    readonly p: Production,
    readonly date: Date,
    readonly site: string,
  ) {}

  /** The production's plot pieces: the same in every article about it. */
  get plot(): { job: string; premise: string; twist: string; job2: string } {
    const r = new Rng(hash32(this.p.index, 'plot', this.p.title));
    return { job: r.pick(V.JOBS), premise: r.pick(V.PREMISES), twist: r.pick(V.TWISTS), job2: r.pick(V.JOBS) };
  }

  /** Whether the production is out on the article's date. */
  get released(): boolean {
    return this.date.getTime() >= this.p.release.getTime();
  }

  /** A person's name: full on first mention, then mostly the surname, sometimes a role noun. */
  ref(x: Person, role?: string): string {
    if (!this.seen.has(x.index)) {
      this.seen.add(x.index);
      return x.name;
    }
    const roll = this.r.next();
    if (role && roll < 0.15) return role;
    if (roll < 0.3) return x.name;
    return x.last;
  }

  /** Capitalised ref for the start of a sentence. */
  Ref(x: Person, role?: string): string {
    const s = this.ref(x, role);
    return s[0].toUpperCase() + s.slice(1);
  }

  pron(x: Person): string {
    return x.gender === 'f' ? 'she' : 'he';
  }

  poss(x: Person): string {
    return x.gender === 'f' ? 'her' : 'his';
  }

  /** "the film", "the series" */
  get noun(): string {
    return this.p.kind === 'film' ? 'film' : 'series';
  }

  /** "Netflix's" / "Larkspur Pictures'" */
  get owner(): string {
    const o = this.p.streamer ?? this.p.distributor ?? 'the studio';
    return o.endsWith('s') ? `${o}'` : `${o}'s`;
  }

  get lead(): Person {
    return this.p.cast[0].person;
  }

  outlet(): string {
    return this.r.pick(V.OUTLETS);
  }

  para(...sentences: string[]): void {
    this.paras.push(sentences.filter((s) => s.length > 0).join(' '));
  }

  line(s: string): void {
    this.paras.push(s.replaceAll('{site}', this.site).replaceAll('{title}', this.p.title));
  }

  /** Absolute day: "September 12, 2025" or "12 September 2025". */
  day(d: Date, withYear = true): string {
    const m = V.MONTHS[d.getUTCMonth()];
    const y = withYear ? ` ${d.getUTCFullYear()}` : '';
    return this.site.length % 2 === 0 ? `${m} ${d.getUTCDate()}${withYear ? ',' : ''}${y}` : `${d.getUTCDate()} ${m}${y}`;
  }

  /** Release day relative to the article date when natural ("out Friday"), else absolute. */
  releasePhrase(): string {
    const days = Math.round((this.p.release.getTime() - this.date.getTime()) / DAY_MS);
    if (days > 0 && days < 7) return 'out Friday';
    if (days >= 7 && days < 14) return 'out next Friday';
    if (days <= 0 && days > -7) return `out now, having premiered on ${this.day(this.p.release, false)}`;
    return `released on ${this.day(this.p.release)}`;
  }

  /** "two years ago" for a past year relative to the article date. */
  yearsAgo(year: number): string {
    const n = this.date.getUTCFullYear() - year;
    if (n <= 0) return 'this year';
    if (n === 1) return 'last year';
    return `${V.NUMBER_WORDS[Math.min(n, 10) - 2]} years ago`;
  }

  /** A quote with speaker and (usually) outlet, in one of several attribution shapes. */
  quote(x: Person, words: string, role?: string): string {
    const o = this.outlet();
    // Inside a quote followed by its attribution, a final full stop becomes a comma.
    const lead = /[.]$/.test(words) ? `${words.slice(0, -1)},` : words;
    switch (this.r.int(0, 4)) {
      case 0: return `"${lead}" ${this.ref(x, role)} told ${o}.`;
      case 1: return `"${lead}" ${this.ref(x, role)} said in an interview with ${o}.`;
      case 2: return `${this.Ref(x, role)} told ${o}: "${words}"`;
      case 3: return `"${lead}" ${this.pron(x)} said.`;
      default: return `"${lead}" ${this.ref(x, role)} told ${o}.`;
    }
  }

  render(): string {
    const out: string[] = [];
    const r = this.r;
    if (r.chance(0.2)) out.push(r.pick(TOP_BOILERPLATE));
    const relatedAt = 1 + r.int(0, Math.max(1, this.paras.length - 2));
    this.paras.forEach((p, i) => {
      out.push(p);
      if (i === relatedAt && r.chance(0.7)) out.push(`Related: ${relatedHeadline(r, this.p)}`);
      else if (i === relatedAt + 1 && r.chance(0.3)) out.push(r.pick(MIDDLE_BOILERPLATE).replaceAll('{title}', this.p.title));
    });
    if (r.chance(0.5)) out.push(r.pick(SHARE_BARS));
    if (r.chance(0.5)) out.push(r.pick(NEWSLETTER_LINES).replaceAll('{site}', this.site));
    if (r.chance(0.6)) out.push(r.pick(COMMENT_WIDGETS));
    return out.join('\n\n');
  }
}

function relatedHeadline(r: Rng, p: Production): string {
  const lead = p.cast[0].person.name;
  return r.pick([
    `${p.title} ending explained`,
    `Every new ${p.streamer ?? 'cinema'} release this week`,
    `${lead} on the role that changed everything`,
    `The best soundtracks of ${p.release.getUTCFullYear()} so far`,
    `${p.title}: everything we know`,
  ]);
}

const QUOTES_ACTOR = [
  'I read the script in one sitting and knew I had to play {char}. I wasn\'t going to let that part go.',
  '{char} is the first character I\'ve been offered who gets to be funny, frightened and brave all at once.',
  'The first week I kept apologising after every take. By the end I had stopped.',
  'We shot most of it in {place}, in the rain, and I would do every single day again.',
  'I hope people see themselves in {char}. That is all I ever want from a role.',
  'It was the most challenging role of my life and the most rewarding one so far.',
  'I love {char}, and I feel very protective of how the story ends.',
  'I spent months learning to play the piano for one scene. Every bruise was worth it.',
  'My family still can\'t believe it. My mum has watched the trailer about four hundred times.',
  'The script made me laugh out loud on a plane, and nothing makes me laugh on a plane.',
];
const QUOTES_DIRECTOR = [
  'I wanted it to feel handmade, like something you find in a drawer.',
  'We hoped people would find it. We didn\'t expect them to find it all at once.',
  'The cast poured their hearts into this, and you can see it in every frame.',
  'In order for characters to grow, they need to be flawed in the beginning.',
  'I always knew the music had to be sung live on set. You can\'t fake nerves in a booth.',
  'Every location we chose had to feel like a character of its own.',
  'We had about twenty minutes of usable light every evening, so everything was a race.',
];
const QUOTES_SINGER = [
  'We wrote it in a kitchen in about forty minutes, which never happens.',
  'It\'s the song {char} would write if she finally stopped being polite about what she wants.',
  'Every day we have watched people fall in love with it, and I still can\'t quite believe it.',
  'It comes at such a pivotal moment in the story that it had to be perfect.',
];
const QUOTES_AUTHOR = [
  'I wrote {char} as someone who hides in plain sight, and the film found a way to show that.',
  'The book is mine and the film is theirs, and I think that is exactly right.',
  'I cried at the final scene. I wrote the final scene. I still cried.',
];

function fill(t: string, w: Writer, char: string): string {
  return t.replaceAll('{char}', char.split(' ')[0]).replaceAll('{place}', w.p.filmingPlace);
}

/** The "X stars as A, with Y as B" sentence in one of several shapes. */
function castSentence(w: Writer): string {
  const [a, b, c] = w.p.cast;
  const shapes = [
    () => `${w.Ref(a.person)} stars as ${a.character}, with ${w.ref(b.person)} as ${b.character}.`,
    () => `The ${w.noun} stars ${w.ref(a.person)} as ${a.character} and ${w.ref(b.person)} as ${b.character}.`,
    () => `${w.Ref(a.person)} plays ${a.character}, while ${w.ref(b.person)} plays ${b.character}.`,
    () => `${w.Ref(a.person)} takes on the role of ${a.character} opposite ${w.ref(b.person)} (${b.character}).`,
    () => `${w.Ref(b.person)} was cast as ${b.character} alongside ${w.ref(a.person)}, who plays ${a.character}.`,
  ];
  let s = w.r.pick(shapes)();
  if (c && w.r.chance(0.7)) s += ` ${w.Ref(c.person)} co-stars as ${c.character}.`;
  return s;
}

function directorSentence(w: Writer): string {
  const p = w.p;
  return w.r.pick([
    () => `${w.Ref(p.director)} directed the ${w.noun}${p.writer ? ` from a screenplay by ${w.ref(p.writer)}` : ''}.`,
    () => `The ${w.noun} was directed by ${w.ref(p.director)}.`,
    () => `${p.title} is directed by ${w.ref(p.director)}, whose previous credits include ${makeCredit(w.r)}.`,
  ])();
}

function novelSentence(w: Writer): string {
  const n = w.p.novel;
  if (!n) return '';
  const same = n.title === w.p.title;
  return w.r.pick([
    () => `It is based on the ${n.year} novel ${same ? 'of the same name' : n.title} by ${w.ref(n.author)}.`,
    () => `The ${w.noun} adapts ${w.ref(n.author)}'s ${n.year} novel ${n.title}, published by ${n.publisher}.`,
    () => `${w.p.title} is based on ${w.ref(n.author)}'s best-selling novel${same ? '' : `, ${n.title}`}.`,
  ])();
}

function makeCredit(r: Rng): string {
  return `${r.pick(V.PREVIOUS_WORK_KINDS)} ${r.pick(V.TITLE_ADJECTIVES)} ${r.pick(V.TITLE_NOUNS)}`;
}

function songSentence(w: Writer): string {
  const s = w.p.songs[0];
  if (!s) return '';
  const writers = listNames(s.cowriters.map((x) => w.ref(x)));
  return w.r.pick([
    () => `${w.Ref(s.performer)} co-wrote "${s.title}" with ${writers}.`,
    () => `The single "${s.title}" is performed by ${w.ref(s.performer)}, who wrote it with ${writers}.`,
    () => `"${s.title}", sung by ${w.ref(s.performer)} and co-written with ${writers}, is out now on ${s.label}.`,
  ])();
}

function listNames(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function platformLine(w: Writer): string {
  const p = w.p;
  return p.streamer ? `${p.title} is available to stream on ${p.streamer}.` : `${p.title} is in cinemas now, distributed by ${p.distributor}.`;
}

function background(w: Writer): void {
  const r = w.r;
  const parts = [castSentence(w)];
  if (r.chance(0.7)) parts.push(directorSentence(w));
  if (w.p.novel && r.chance(0.6)) parts.push(novelSentence(w));
  w.para(...parts);
}

/** Paragraphs any article may carry after its kind-specific ones (plot, production, careers...). */
const EXTRAS: ((w: Writer) => void)[] = [
  (w) => {
    const [a, b] = w.p.cast;
    const plot = w.plot;
    w.para(
      `The story follows ${a.character}, ${plot.job} who ${plot.premise}.`,
      `When ${plot.twist}, ${a.character.split(' ')[0]} is forced to rely on ${b.character.split(' ')[0]}, ${plot.job2} with problems of ${w.poss(b.person)} own.`,
      `What starts as ${w.r.pick(['an uneasy truce', 'a business arrangement', 'a rivalry', 'a favour'])} becomes ${w.r.pick(['something neither of them expected', 'the best thing that has happened to either of them', 'a fight for the town itself'])}.`,
    );
  },
  (w) => {
    const p = w.p;
    w.para(
      `Production took place in ${p.filmingPlace} over ${V.NUMBER_WORDS[w.r.int(2, 8)]} weeks, and the crew ${w.r.pick(['battled constant rain', 'worked mostly at night', 'built the main set in a disused warehouse', 'shot on real locations wherever possible'])}.`,
      w.r.chance(0.5) ? `${w.Ref(p.director)} has said the location was chosen ${w.r.pick(['for its light', 'because it looked nothing like a film set', 'after a single visit'])}.` : '',
    );
  },
  (w) => {
    const c = w.p.cast[w.r.int(0, w.p.cast.length - 1)];
    w.para(
      `${w.Ref(c.person)} may look familiar from ${makeCredit(w.r)}, and ${w.pron(c.person)} has ${w.r.pick(['two more films due next year', 'a stage run planned for the spring', 'recently signed a record deal', 'been nominated for several awards'])}.`,
      `${w.poss(c.person) === 'her' ? 'Her' : 'His'} performance as ${c.character} has ${w.r.pick(['drawn strong reviews', 'divided critics', 'won over fans of the book', 'become a talking point online'])}.`,
    );
  },
  (w) => {
    const c = w.p.cast[w.r.int(0, w.p.cast.length - 1)];
    w.para(w.quote(c.person, fill(w.r.pick(QUOTES_ACTOR), w, c.character)));
  },
  (w) => {
    if (w.p.songs.length > 0) w.para(songSentence(w), `The soundtrack is out on ${w.p.songs[0].label}.`);
    else w.para(`The ${w.noun}'s score mixes ${w.r.pick(['strings and synthesisers', 'folk guitars and a choir', 'old jazz records', 'brass band music'])}.`);
  },
  (w) => {
    w.para(
      `Fans have been ${w.r.pick(['clamouring for more', 'sharing theories online', 'debating the ending', 'making pilgrimages to the filming locations'])} since the ${w.noun} arrived, and ${w.r.pick(['the trailer', 'a behind-the-scenes clip', 'the soundtrack'])} has been viewed millions of times.`,
      `Some viewers criticised ${w.r.pick(['the pacing of the middle act', 'the ending', 'the accents', 'how the romance overlaps with darker themes'])}, which ${w.ref(w.p.director)} has defended as intentional.`,
    );
  },
  (w) => {
    if (w.released) w.para(platformLine(w));
  },
  (w) => {
    const d = w.p.director;
    w.para(
      `For ${w.ref(d)}, it is ${w.r.pick(['a change of pace', 'a return to familiar ground', 'the biggest project yet', 'a long-planned passion project'])} after ${makeCredit(w.r)}.`,
      w.quote(d, w.r.pick(QUOTES_DIRECTOR)),
    );
  },
  (w) => {
    const p = w.p;
    if (!w.released) return;
    if (p.streamer) w.para(`${p.title} spent ${V.NUMBER_WORDS[w.r.int(0, 6)]} weeks in ${p.streamer}'s Top 10 and was watched ${p.views} million times in its first week.`);
    else w.para(`${p.title} opened to $${p.openingGross} million and has grossed $${p.worldwideGross} million worldwide for ${p.distributor}.`);
  },
];

/** Appends 4 to 6 extra paragraphs in random order. */
function extras(w: Writer): void {
  for (const f of w.r.sample(EXTRAS, w.r.int(4, 6))) f(w);
}

function titleOf(w: Writer, templates: ((w: Writer) => string)[]): string {
  return w.r.pick(templates)(w);
}

const WRITERS: Record<ArticleKind, (w: Writer) => string> = {
  casting(w) {
    const p = w.p;
    const [a, b] = p.cast;
    const title = titleOf(w, [
      () => `${a.person.name} to star in ${w.owner} ${p.title}`,
      () => `${p.title}: ${p.streamer ?? p.distributor} casts ${a.person.name} and ${b.person.name}`,
      () => `${b.person.name} joins ${a.person.name} in ${p.title}`,
    ]);
    w.para(
      `${w.Ref(a.person)} will star in ${p.title}, ${w.owner} new ${p.genre}, with ${w.ref(b.person)} cast opposite ${w.poss(a.person)} as ${b.character}.`,
      w.r.chance(0.5) ? `It was first announced ${w.yearsAgo(w.date.getUTCFullYear() - 1)} that the project was in development.` : '',
    );
    w.para(`${w.Ref(a.person, ROLE_NOUN[a.person.gender])} plays ${a.character}, ${w.plot.job} who ${w.plot.premise}.`, directorSentence(w));
    if (p.novel) w.para(novelSentence(w), p.novel.year < w.date.getUTCFullYear() ? `The book was published ${w.yearsAgo(p.novel.year)}.` : '');
    w.para(w.quote(a.person, fill(w.r.pick(QUOTES_ACTOR), w, a.character)));
    w.para(`${w.Ref(b.person)}, best known for ${makeCredit(w.r)}, said ${w.pron(b.person)} had spent a month preparing in ${p.filmingPlace}.`, `Filming begins next month in ${p.filmingPlace}.`);
    return title;
  },
  wrap(w) {
    const p = w.p;
    const a = p.cast[0];
    const title = `That's a wrap on ${p.title}`;
    w.para(`That's a wrap! ${w.Ref(a.person)} has finished production on ${w.poss(a.person)} upcoming ${p.genre} ${p.title}.`);
    w.para(`"And just like that, that's a wrap on ${p.title} and on my dearest ${a.character.split(' ')[0]}," ${w.ref(a.person, ROLE_NOUN[a.person.gender])} shared via Instagram in ${V.MONTHS[w.date.getUTCMonth()]} ${w.date.getUTCFullYear()}.`);
    background(w);
    w.para(`Shooting took place over ${V.NUMBER_WORDS[w.r.int(3, 8)]} weeks in ${p.filmingPlace}.`, w.quote(p.director, w.r.pick(QUOTES_DIRECTOR)));
    w.para(`${w.owner} ${p.title} is expected ${w.r.chance(0.5) ? 'next year' : `in ${V.MONTHS[p.release.getUTCMonth()]}`}.`);
    return title;
  },
  single(w) {
    const p = w.p;
    const s = p.songs[0];
    const title = titleOf(w, [
      () => `${s.performer.name} releases "${s.title}" from ${w.owner} ${p.title}`,
      () => `Listen: ${s.performer.name}'s new single "${s.title}"`,
    ]);
    w.para(`${w.Ref(s.performer)} has released "${s.title}", the first single from the soundtrack of ${w.owner} ${p.genre} ${p.title}, which is ${w.releasePhrase()}.`);
    w.para(songSentence(w), `The soundtrack album is released by ${s.label}.`);
    w.para(w.quote(s.performer, fill(w.r.pick(QUOTES_SINGER), w, p.cast[0].character)));
    background(w);
    if (p.songs[1]) w.para(`The soundtrack also includes "${p.songs[1].title}", performed by ${w.ref(p.songs[1].performer)}.`);
    return title;
  },
  video(w) {
    const p = w.p;
    const s = p.songs[0];
    const v = p.video!;
    const title = `Watch the music video for "${s.title}" from ${p.title}`;
    w.para(`The music video for "${s.title}", ${w.ref(s.performer)}'s song from ${p.title}, is out now.`);
    w.para(
      w.r.pick([
        `It was directed by ${w.ref(v.director)} and shot at ${v.spot} in ${v.place}.`,
        `${w.Ref(v.director)} directed the video, which was filmed at ${v.spot} in ${v.place}.`,
      ]),
      `${w.Ref(s.performer)} performs the song alone at first, before the rest of the cast join ${w.r.chance(0.5) ? 'in the final chorus' : 'for the last verse'}.`,
    );
    w.para(w.quote(v.director, w.r.pick(QUOTES_DIRECTOR)));
    w.para(songSentence(w));
    return title;
  },
  release(w) {
    const p = w.p;
    const title = titleOf(w, [
      () => `${p.title}: release date, cast and everything we know`,
      () => `${w.owner} ${p.title} is ${w.releasePhrase()}`,
    ]);
    w.para(`${w.owner} ${p.title} is ${w.releasePhrase()}.`, `The ${p.genre} arrives on ${w.day(p.release)}.`);
    background(w);
    if (p.songs.length > 0) w.para(songSentence(w));
    w.para(w.quote(p.cast[0].person, fill(w.r.pick(QUOTES_ACTOR), w, p.cast[0].character), ROLE_NOUN[p.cast[0].person.gender]));
    w.para(p.festival ? `The ${w.noun} premiered at the ${p.festival} earlier this year.` : `It was filmed in ${p.filmingPlace}.`);
    return title;
  },
  interview(w) {
    const p = w.p;
    const a = p.cast[0];
    const title = `${a.person.name}: '${a.character.split(' ')[0]} taught me to stop apologising'`;
    w.para(`${w.Ref(a.person)} is apologising for being late, which is funny, because ${w.pron(a.person)} has just spent ten minutes explaining how playing ${a.character} cured ${w.poss(a.person) === 'her' ? 'her' : 'him'} of apologising for anything.`);
    w.para(`${p.title} is ${w.releasePhrase()}, and ${w.ref(a.person)} stars as ${a.character}.`, directorSentence(w));
    w.para(w.quote(a.person, fill(w.r.pick(QUOTES_ACTOR), w, a.character), ROLE_NOUN[a.person.gender]));
    w.para(`${w.Ref(a.person)} trained at drama school before a decade on stage. ${w.poss(a.person) === 'her' ? 'Her' : 'His'} breakthrough came ${w.yearsAgo(w.date.getUTCFullYear() - w.r.int(2, 5))}, in ${makeCredit(w.r)}.`);
    w.para(w.quote(a.person, fill(w.r.pick(QUOTES_ACTOR), w, a.character)));
    if (p.songs.length > 0) w.para(songSentence(w));
    return title;
  },
  ratings(w) {
    const p = w.p;
    if (!p.streamer) {
      const title = `${p.title} opens to $${p.openingGross} million at the box office`;
      w.para(`${p.title} took an estimated $${p.openingGross} million in its opening weekend, topping the North American box office.`);
      w.para(`The ${w.noun}, distributed by ${p.distributor}, has since grossed $${p.worldwideGross} million worldwide.`);
      background(w);
      w.para(w.quote(p.director, w.r.pick(QUOTES_DIRECTOR)));
      return title;
    }
    const title = `${p.title} tops ${p.streamer} chart with ${p.views} million views`;
    w.para(`${w.owner} ${p.title} was watched ${p.views} million times in its first full week, according to the streamer's weekly Top 10.`);
    w.para(`The ${p.genre}, which premiered on ${w.day(p.release)}, reached No. 1 in ${p.countriesAtNumberOne} countries.`);
    background(w);
    w.para(w.quote(p.director, w.r.pick(QUOTES_DIRECTOR)));
    return title;
  },
  chart(w) {
    const p = w.p;
    const s = p.songs[0];
    const title = `"${s.title}" debuts at No. ${p.chartDebut} on the Billboard Hot 100`;
    w.para(`${s.performer.name}'s "${s.title}" has debuted at No. ${p.chartDebut} on the Billboard Hot 100, ${V.NUMBER_WORDS[w.r.int(0, 2)]} weeks after ${p.title} was released.`);
    w.para(`The single also climbed to No. ${p.ukChartPeak} on the UK Official Singles Chart, and the soundtrack album entered the Billboard 200 at No. ${p.albumDebut}.`);
    w.para(songSentence(w));
    w.para(w.quote(s.performer, fill(w.r.pick(QUOTES_SINGER), w, p.cast[0].character)));
    return title;
  },
  review(w) {
    const p = w.p;
    const title = `${p.title} review: ${w.r.pick(['a small film with a big heart', 'handsome but hollow', 'the year\'s most surprising crowd-pleaser', 'a career-best turn'])}`;
    w.para(`There is a moment about halfway through ${p.title} when ${p.cast[0].character.split(' ')[0]} finally says what everyone in the audience has been thinking.`);
    background(w);
    const b = p.cast[1].person;
    w.para(`${w.Ref(p.cast[0].person)} is ${w.r.pick(['terrific', 'quietly devastating', 'never less than watchable', 'a revelation'])}, and ${w.ref(b)} ${w.r.pick(['matches the lead beat for beat', 'is stuck with the thinner role', `steals every scene ${w.pron(b)} is in`, 'brings real warmth'])}.`);
    if (p.songs.length) w.para(`The songs, including "${p.songs[0].title}", are ${w.r.pick(['the best thing about it', 'a mixed bag', 'lovely'])}.`);
    w.para(platformLine(w));
    return title;
  },
  'sequel-rumour'(w) {
    const p = w.p;
    const a = p.cast[0];
    const title = `Is ${p.title} getting a sequel?`;
    w.para(`A sequel to ${w.owner} ${p.title} might be in the works.`, `${p.streamer ?? p.distributor} has not said yes, but the people who made it are not saying no.`);
    w.para(`"There are conversations. Nothing is signed, and I'm very protective of ${a.character.split(' ')[0]}," ${w.ref(a.person, ROLE_NOUN[a.person.gender])} told ${w.outlet()}.`);
    w.para(`According to people close to the production, ${p.streamer ?? p.distributor} is in early talks with ${w.ref(p.director)} about a second ${w.noun}, which could reunite ${w.ref(a.person)} with ${w.ref(p.cast[1].person)}.`);
    background(w);
    return title;
  },
  'sequel-confirmed'(w) {
    const p = w.p;
    const [a, b] = p.cast;
    const title = `It's official: ${p.sequelTitle} is happening`;
    w.para(`It's official: ${p.title} is coming back. ${p.streamer ?? p.distributor} has confirmed a sequel, ${p.sequelTitle}, with ${w.ref(a.person)} and ${w.ref(b.person)} returning as ${a.character} and ${b.character}.`);
    w.para(`${w.Ref(p.director)} will direct the sequel. Filming starts in ${V.MONTHS[w.r.int(0, 11)]} in ${p.filmingPlace}.`);
    w.para(`The first ${w.noun} premiered ${Math.round((w.date.getTime() - p.release.getTime()) / (30 * DAY_MS))} months ago.`, w.quote(p.director, w.r.pick(QUOTES_DIRECTOR)));
    return title;
  },
  award(w) {
    const p = w.p;
    const a = p.cast[0];
    const title = `${a.person.name} wins at the ${p.award}`;
    w.para(`${a.person.name} won best ${a.person.gender === 'f' ? 'actress' : 'actor'} at the ${p.award} on Sunday night for ${w.poss(a.person)} role as ${a.character} in ${p.title}.`);
    w.para(`"I want to thank ${p.director.first} for trusting me with ${a.character.split(' ')[0]}," ${w.ref(a.person)} said in ${w.poss(a.person)} acceptance speech.`);
    if (p.songs.length) w.para(`"${p.songs[0].title}" took best original song; it was written by ${listNames([p.songs[0].performer, ...p.songs[0].cowriters].map((x) => w.ref(x)))}.`);
    w.para(`${w.Ref(p.director)} was named best director for ${p.title}.`);
    w.para(p.streamer ? platformLine(w) : `The ${w.noun} has grossed $${p.worldwideGross} million worldwide.`);
    return title;
  },
  adaptation(w) {
    const p = w.p;
    const n = p.novel!;
    const title = `What ${w.owner} ${p.title} changed from the book`;
    w.para(`${w.owner} ${p.title} has been a hit, and a lot of new viewers are asking the same question: how close is it to the book?`);
    w.para(novelSentence(w), directorSentence(w));
    w.para(w.quote(n.author, fill(w.r.pick(QUOTES_AUTHOR), w, p.cast[0].character)));
    w.para(castSentence(w));
    w.para(platformLine(w));
    return title;
  },
};
