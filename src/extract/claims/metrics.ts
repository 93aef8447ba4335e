/**
 * @module Metrics with units: hours viewed, views, box office, chart positions and runs, ranks
 * ("the third most-watched movie of 2022"). Numbers are normalised ("220.61 million" →
 * 220610000) and the phrase is kept in the `text` qualifier.
 */
import type { Mention } from '../../model/types.js';
import { type ClaimContext, type PatternModule, type SentenceView } from './context.js';
import { FILMISH, parseNumber, parseOrdinal, quantity, scale, workFor } from './helpers.js';

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn|m|thousand)?`;
const HOURS = new RegExp(String.raw`\b${NUM}\s+hours\b(?:\s+(?:of\s+(?:watch\s+time|viewing)|viewed|watched))?(?:\s+in\s+(?:its|their|the)\s+(first\s+(?:few\s+)?(?:\w+\s+)?(?:days|weeks?|months?)))?`, 'gu');
const VIEWS = new RegExp(String.raw`\b${NUM}\s+(views|viewers|streams|households|accounts)\b|\b(?:viewed|watched|streamed)\s+((?:more than|over|nearly|almost|about|around)\s+)?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn|m|thousand)?\s+times\b`, 'gu');
const MONEY = /([$£€])\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn|m|k)?\b|\b(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn|m)?\s+(yen|euros?|dollars|pounds)\b/gu;
const CURRENCY: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR', yen: 'JPY', euro: 'EUR', euros: 'EUR', dollars: 'USD', pounds: 'GBP' };
const TAKINGS_WITH = /\b(?:with|taking|grossing|earning|adding)\s+(?:an\s+estimated\s+|just\s+|about\s+|around\s+|nearly\s+|more\s+than\s+)?[$£€]\s?\d/;
const SCOPE = /\b(worldwide|globally|global|internationally|international|North American|US|UK|domestic|opening weekend|debut weekend|first weekend)\b/i;
const BOX_OFFICE_CUE = /\b(?:box office|grossed|grossing|gross|takings|took|taken|taking|earned|made|opening weekend|ticket sales|raked in|pulled in|global debut)\b/i;
const CHART_RUN = /\b(?:in|on|atop)\s+((?:«O\d+»|[\p{Lu}][\p{L}]+)[’'‘]s\s+Top\s+\d+|the\s+(?:[\p{L}\s]{0,20})?(?:chart|charts|Top\s+\d+))\s+for\s+(\w+)\s+(weeks|days|months)\b|\bspent\s+(\w+)\s+(weeks|days|months)\s+(?:at\s+(?:number|No\.?)\s+(\w+)|in\s+((?:the\s+|«O\d+»['’‘]s\s+)[\p{L}\s-]{0,20}?(?:chart|charts|Top\s+\d+)))/giu;
const CHART_POS = /\b(?:went|gone|going|goes|go|entered|enters|entering|debuted|debuts|debuting|straight|came|comes|coming|shot|reached|reaches|peaked|climbed|climbing|rose|rising|jumped|stayed|remained|was|is|fell|falling|dropped|dropping|slipped|slipping|slid|moved|moving|new entry|opened|opening|landed|sits|sat)\s+(?:straight\s+)?(?:\w+\s+places?\s+)?(?:in\s+|into\s+the\s+chart\s+|the\s+(?:[\p{L}\s]{0,25}?)chart\s+)?(?:at|to)\s+(?:number|No\.?)\s+(\w+)\b|,\s+at\s+(?:number|No\.?)\s+(\w+)\b|\b(topped|tops|top)\s+the\s+((?:[\p{L}\s]{0,25}?)(?:chart|charts|box office|Billboard\s+\d+|Hot\s+100))/giu;
/** "slipped to second place", "came in seventh", "finished third": a rank without "number". */
const ORD = String.raw`(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))`;
const CHART_PLACE = new RegExp(String.raw`\b(?:went|fell|falling|dropped|dropping|slipped|slipping|slid|climbed|rose|moved|jumped|came|comes|coming|finished|finishing|stayed|remained|was|were|entered\s+the\s+chart|down|up)\s+(?:\w+\s+places?\s+)?(?:in\s+at\s+|in\s+|to\s+|into\s+|at\s+)?${ORD}(?:\s+(?:place|position|spot)\b|(?=\s*(?:[,.;]|with\b|$)))|\b(?:in|into|at)\s+${ORD}\s+(?:place|position|spot)\b`, 'giu');
const RANKING = /\b(?:the|its|their)\s+(?:[\p{L}]+['’]s\s+)?(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+)?(?:most[- ]|biggest\s+|best[- ]|highest[- ])([\p{L}-]+\s+)?(?:original\s+|English-language\s+|new\s+)?(movie|film|series|show|title|song|album|single)s?\s+of\s+(?:all\s+time|\d{4}|the\s+year)/giu;

function metricSubject(ctx: ClaimContext, v: SentenceView, idx: number, at: number, music = false): Mention | undefined {
  const works = v.slots.filter((s) => s.mention?.type === 'work' && s.mention.detector !== 'title-credit' && (music ? !FILMISH.has(s.mention.subtype ?? '') || true : FILMISH.has(s.mention.subtype ?? '')));
  const before = works.filter((s) => s.tplEnd <= at);
  if (before.length > 0) return before[before.length - 1].mention;
  if (works.length > 0) return works[0].mention;
  return music ? undefined : workFor(ctx, v, idx, at);
}

function yearOf(v: SentenceView, tplText: string): number | undefined {
  const m = /«D(\d+)»/.exec(tplText);
  if (m) {
    const d = v.slots[Number(m[1])].date;
    if (d && d.precision !== 'decade') return Number(d.value.slice(0, 4));
  }
  const y = /\b((?:19|20)\d\d)\b/.exec(tplText);
  return y ? Number(y[1]) : undefined;
}

/** Viewing figures, box office, charts and ranks. */
export const metricPatterns: PatternModule = (ctx) => {
  // a box-office report ("De Niro film leads US box office") gives figures as "... with $11.8m"
  const boxOfficeArticle = /\bbox[- ]office\b/i.test(`${ctx.doc.meta.title ?? ''} ${ctx.views[0]?.text ?? ''} ${ctx.views[1]?.text ?? ''}`);
  ctx.views.forEach((v, idx) => {
    const tpl = v.tpl;
    let m: RegExpExecArray | null;
    HOURS.lastIndex = 0;
    while ((m = HOURS.exec(tpl)) !== null) {
      const w = metricSubject(ctx, v, idx, m.index);
      if (!w) continue;
      const n = Number(m[1].replace(/,/g, '')) * scale(m[2]);
      const q: Record<string, string | number> = { text: `${m[1]}${m[2] ? ` ${m[2]}` : ''} hours`, unit: 'hours' };
      if (m[3]) q.period = m[3];
      const year = yearOf(v, tpl.slice(Math.max(0, m.index - 40), m.index));
      if (year) q.year = year;
      ctx.emit(v, { predicate: 'hours_viewed', subject: ctx.arg(w), object: quantity(n), qualifiers: q, confidence: 0.8, tplStart: m.index, tplEnd: m.index + m[0].length });
    }
    VIEWS.lastIndex = 0;
    while ((m = VIEWS.exec(tpl)) !== null) {
      const w = metricSubject(ctx, v, idx, m.index);
      if (!w) continue;
      const n = m[1] ? Number(m[1].replace(/,/g, '')) * scale(m[2]) : Number(m[5].replace(/,/g, '')) * scale(m[6]);
      const q: Record<string, string> = { text: m[0], unit: m[3] ? m[3].toLowerCase() : 'views' };
      if (m[4]) q.bound = m[4].trim(); // "viewed more than 71 million times": the figure is a bound
      ctx.emit(v, { predicate: 'views', subject: ctx.arg(w), object: quantity(n), qualifiers: q, confidence: 0.7, tplStart: m.index, tplEnd: m.index + m[0].length });
    }
    if (BOX_OFFICE_CUE.test(tpl) || (boxOfficeArticle && TAKINGS_WITH.test(tpl))) {
      MONEY.lastIndex = 0;
      while ((m = MONEY.exec(tpl)) !== null) {
        const works = v.slots.filter((s) => s.mention?.type === 'work' && s.mention.subtype === 'film');
        // the film nearest before the figure, within its clause ("X took $33m, ahead of Y, which took $24m")
        const prior = works.filter((s) => s.tplEnd <= m!.index);
        // a film named only after the figure must be in the figure's clause ("..., while X fell" is X's own clause)
        const next = prior.length ? undefined : works[0];
        if (next && /\b(?:while|whereas|but)\b|;/.test(tpl.slice(m.index, next.tplStart))) continue;
        const w = prior[prior.length - 1]?.mention ?? next?.mention;
        if (!w) continue;
        // "made 3.35m Euros" is often a fee: "made"/"earned" count only with "box office" nearby
        const near = tpl.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40);
        const chartTakings = boxOfficeArticle && /\b(?:with|taking|took|grossing|earning|adding|added)\s+(?:an\s+estimated\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$/i.test(tpl.slice(Math.max(0, m.index - 30), m.index));
        if (!chartTakings && !/\b(?:box office|grossed|grossing|takings|took|taken|taking|opening weekend|ticket sales|raked in|pulled in|global debut)\b/i.test(near)) continue;
        // DVD and video sales, fees and budgets are not takings
        const after = tpl.slice(m.index + m[0].length, m.index + m[0].length + 40);
        const namedTakings = /^\s*(?:\([^)]*\)\s*)?(?:US\s+|UK\s+|«L\d+»\s+|North American\s+|worldwide\s+|global\s+|domestic\s+|international\s+)?box[- ]office\b/i.test(after);
        if (!namedTakings && /\b(?:DVD|video|rentals|fee|salary|paid|budget|deal|market share)\b/i.test(tpl.slice(Math.max(0, m.index - 40), m.index + m[0].length + 30))) continue;
        if (/^(?:-plus)?\s+in\s+(?:sales|revenue)\b/i.test(after)) continue;
        // "took more than the expected $18m": a forecast or comparison figure is not the takings
        // ("taking an estimated $31.2m" is the takings, estimated as box office figures always are)
        const before = tpl.slice(Math.max(0, m.index - 30), m.index);
        if (/\b(?:expected|forecast|predicted|projected|estimated|than|budget\s+of|cost|costs|costing|(?:forecasts?|predictions?|projections?|expectations?|estimates?)\s+of)\s*$/i.test(before) && !/\b(?:an|its)\s+estimated\s*$/i.test(before)) continue;
        // "$30.2m (£15.5m)": the bracketed conversion is the same figure
        if (/(?:[$£€][\d.,]+\s*(?:m|bn|million|billion)?|\d\s*(?:m|bn|million|billion)?\s+(?:yen|euros?|dollars|pounds))\s*\($/.test(tpl.slice(Math.max(0, m.index - 24), m.index))) continue;
        const n = Number((m[2] ?? m[4]).replace(/,/g, '')) * scale(m[3] ?? m[5]);
        const currency = CURRENCY[(m[1] ?? m[6]).toLowerCase()] ?? 'USD';
        const q: Record<string, string> = { text: m[0], unit: currency };
        // where the money was taken: "worldwide", "internationally", "at the US box office", "in its opening weekend"
        const scope = SCOPE.exec(tpl.slice(Math.max(0, m.index - 50), m.index + m[0].length + 45).replace(/«L(\d+)»/g, (_, i: string) => v.slots[Number(i)].mention?.canonical ?? ''));
        if (scope) q.scope = scope[1].replace(/^(?:in\s+the|the)\s+/i, '').replace(/ly$/, '');
        ctx.emit(v, { predicate: 'box_office', subject: ctx.arg(w), object: quantity(n), qualifiers: q, confidence: 0.65, tplStart: m.index, tplEnd: m.index + m[0].length });
      }
    }
    CHART_RUN.lastIndex = 0;
    while ((m = CHART_RUN.exec(tpl)) !== null) {
      const w = metricSubject(ctx, v, idx, m.index, true) ?? workFor(ctx, v, idx, m.index);
      const count = parseNumber(m[2] ?? m[4] ?? '');
      if (!w || count === undefined) continue;
      const chartTpl = m[1] ?? m[7] ?? '';
      const chart = chartTpl.replace(/«[A-Z](\d+)»/g, (_, i: string) => v.slots[Number(i)].mention?.canonical ?? '').replace(/^the\s+/, '').trim();
      const q: Record<string, string | number> = { text: v.text.slice(0, 0) + m[0].replace(/«[A-Z](\d+)»/g, (_, i: string) => v.slots[Number(i)].mention?.canonical ?? ''), unit: (m[3] ?? m[5]).toLowerCase() };
      if (chart) q.chart = chart;
      if (m[6]) q.rank = parseOrdinal(m[6]) ?? m[6];
      ctx.emit(v, { predicate: 'chart_run', subject: ctx.arg(w), object: quantity(count), qualifiers: q, confidence: 0.75, tplStart: m.index, tplEnd: m.index + m[0].length });
    }
    CHART_POS.lastIndex = 0;
    while ((m = CHART_POS.exec(tpl)) !== null) {
      const rank = m[1] || m[2] ? parseOrdinal(m[1] ?? m[2]) : 1;
      if (rank === undefined) continue;
      const works = v.slots.filter((s) => s.mention?.type === 'work' && s.tplEnd <= m!.index);
      const persons = v.slots.filter((s) => s.kind === 'P' && s.tplEnd <= m!.index);
      // a person charts only in music news ("Usher went straight in at number one")
      const music = /\b(?:single|album|song|track|singles|albums|Hot 100)\b/i.test(tpl) && !/\b(?:box office|film|movie)\b/i.test(tpl);
      const subj = works[works.length - 1]?.mention ?? (music ? persons[0]?.mention : undefined);
      if (!subj) continue;
      const q: Record<string, string | number> = { rank, text: m[0] };
      const chart = m[4] ?? /\b((?:UK|US|Billboard|official)?\s*(?:singles|album|albums)\s+chart|box office|Billboard\s+\d+|Hot\s+100|DVD)\b/i.exec(tpl)?.[1];
      if (chart) q.chart = chart.trim();
      ctx.emit(v, { predicate: 'chart_position', subject: ctx.arg(subj), object: quantity(rank), qualifiers: q, confidence: 0.7, tplStart: m.index, tplEnd: m.index + m[0].length });
    }
    if (boxOfficeArticle) {
      CHART_PLACE.lastIndex = 0;
      while ((m = CHART_PLACE.exec(tpl)) !== null) {
        const rank = parseOrdinal(m[1] ?? m[2]);
        const works = v.slots.filter((s) => s.mention?.type === 'work' && FILMISH.has(s.mention.subtype ?? '') && s.tplEnd <= m!.index);
        const subj = works[works.length - 1]?.mention;
        if (!subj || rank === undefined) continue;
        ctx.emit(v, { predicate: 'chart_position', subject: ctx.arg(subj), object: quantity(rank), qualifiers: { rank, text: m[0], chart: 'box office' }, confidence: 0.65, tplStart: m.index, tplEnd: m.index + m[0].length });
      }
    }
    // ranks read the sentence text: "the third most-watched movie" may itself be a work reference
    RANKING.lastIndex = 0;
    while ((m = RANKING.exec(v.text)) !== null) {
      const rank = m[1] ? parseOrdinal(m[1]) : 1;
      const docStart = v.sentence.start + m.index;
      const inside = v.slots.find((s) => s.mention?.type === 'work' && s.start >= docStart && s.start < docStart + m!.index + m![0].length);
      const w = inside?.mention ?? metricSubject(ctx, v, idx, v.slots.find((s) => s.start >= docStart)?.tplStart ?? tpl.length);
      if (!w || rank === undefined) continue;
      const q: Record<string, string | number> = { rank, category: `${(m[2] ?? '').trim() ? `most-${m[2].trim()} ` : ''}${m[3]}`.trim() };
      const year = /\b((?:19|20)\d\d)\b/.exec(m[0]);
      if (year) q.year = Number(year[1]);
      q.text = m[0];
      ctx.emit(v, { predicate: 'ranking', subject: ctx.arg(w), object: quantity(rank), qualifiers: q, confidence: 0.7, start: docStart, end: docStart + m[0].length });
    }
  });
};
