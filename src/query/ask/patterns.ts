/**
 * @module The question patterns of `marquee ask`, as data: one row per phrasing, each a small
 * anchored regular expression with named slots and what the phrasing asks for (intent, which
 * predicates to look up and in which direction). Rows are tried in order; the first match wins,
 * so specific phrasings come before general ones ("who is in X" before "who is X").
 *
 * Slot names used in the expressions:
 * - `f` focus: the entity whose facts are looked up (a work for "who directed X", a person for
 *   "what else has P been in");
 * - `p` partner: the second entity that filters the facts (the work in "was P a producer of W",
 *   the topic in "what did P say about T");
 * - `c` character name (a constraint on the `character` qualifier);
 * - `r` role noun or verb for yes/no questions ("producer", "direct");
 * - `h` a type hint said in the question ("the novel X", "the X video").
 */

/** What a question asks for; each intent has one answering routine in the ask module. */
export type Intent =
  | 'cast-character'
  | 'character-of'
  | 'relation'
  | 'date'
  | 'metric'
  | 'status'
  | 'quote'
  | 'yes-no-sing'
  | 'yes-no-role'
  | 'yes-no-based-on'
  | 'award-winner'
  | 'awards-of'
  | 'yes-no-award'
  | 'retrieval';

/** One predicate to query. `out`: the focus is the subject and the answer the object; `in`: reverse. */
export interface Lookup {
  predicate: string;
  direction: 'out' | 'in';
}

export interface QuestionPattern {
  id: string;
  re: RegExp;
  intent: Intent;
  lookups: Lookup[];
  /** Subtype the focus probably has when the phrasing implies it (novel, song, music_video). */
  focusHint?: string;
  /** Lookups are alternatives in order of preference: answer from the first that has facts. */
  firstMatch?: boolean;
  /** Focus text when the question names none ("Who co-wrote the songs?" → "the soundtrack"). */
  defaultFocus?: string;
}

const out = (...predicates: string[]): Lookup[] => predicates.map((predicate) => ({ predicate, direction: 'out' as const }));
const inv = (...predicates: string[]): Lookup[] => predicates.map((predicate) => ({ predicate, direction: 'in' as const }));

/** Verbs of release, as people ask about them ("come out", "premiere", "hit Netflix"). */
const RELEASE_VERBS =
  "(?:come out|came out|premiere|premiered|release|released|debut|debuted|air|aired|open|opened|launch|launched|drop|dropped|hit (?:netflix|theaters|theatres|cinemas|screens)|arrive|arrived|go live|start streaming|come to netflix)";
/** An award category as asked: "best actor", "best foreign language film", "outstanding drama series". */
const AWARD_CATEGORY = "(?:best|outstanding) (?:(?!(?:at|in|award|prize|oscar|category)\\b)[\\w/'-]+ ?){1,6}?";
const PLAY_VERBS = '(?:plays|played|portrays|portrayed|is playing|was playing|voices|voiced|stars as|starred as)';
const FILMING = '(?:filming|production|shooting|principal photography)';
const WRAP = '(?:wrap|wrapped|end|ended|finish|finished|complete|completed|conclude|concluded)';
const START = '(?:start|started|begin|began|begun|commence|commenced|get underway|kick off)';

/** Works an actor/creator can be credited on: used by "what else has P been in". */
export const CREDIT_LOOKUPS: Lookup[] = inv(
  'cast_member', 'director', 'screenwriter', 'producer', 'executive_producer', 'performer', 'songwriter', 'author', 'composer',
);

/** The table. Keep specific rows above general ones. */
export const QUESTION_PATTERNS: readonly QuestionPattern[] = [
  // ---- status: sequel / renewal / cancellation (before yes/no "is X a Y")
  { id: 'sequel-there', re: /^(?:is|will) there (?:be |going to be )?(?:a|any) (?:sequel|second (?:film|movie|part)|part (?:2|two)|follow[- ]up)(?: (?:to|for|of) (?<f>.+?))?(?: (?:coming|happening|planned|in the works))?$/i, intent: 'status', lookups: out('sequel') },
  { id: 'sequel-getting', re: /^(?:is|will) (?<f>.+?) (?:get(?:ting)?|going to get|have|having) an? (?:sequel|second (?:film|movie|part)|part (?:2|two)|follow[- ]up)$/i, intent: 'status', lookups: out('sequel') },
  { id: 'sequel-will-be', re: /^(?:will|is) there (?:be )?an? (?<f>.+?) (?:2|two|ii|sequel)$/i, intent: 'status', lookups: out('sequel') },
  { id: 'sequel-status', re: /^what(?:'s| is) (?:the status of |happening with )?(?:the )?(?<f>.+?)(?:'s)? sequel(?: status)?$/i, intent: 'status', lookups: out('sequel') },
  { id: 'sequel-any-news', re: /^(?:any )?(?:news|updates?) (?:on|about) (?:a |the )?(?<f>.+?)? ?sequel$/i, intent: 'status', lookups: out('sequel') },
  { id: 'renewed', re: /^(?:has|was|is|did|will) (?<f>.+?) (?:been |get |got |be )?renewed(?: for .*)?$/i, intent: 'status', lookups: out('renewed') },
  { id: 'cancelled', re: /^(?:has|was|is|did) (?<f>.+?) (?:been |get |got )?(?:cancelled|canceled|axed)$/i, intent: 'status', lookups: out('cancelled') },

  // ---- quotes
  { id: 'quote-about', re: /^what (?:did|has|does|have) (?<f>.+?) (?:say|said|tell|told|talk|talked|share|shared|reveal|revealed|think|thought|write|wrote|post|posted)(?: (?:to|in) [^?]+?)? (?:about|on|of|regarding|concerning) (?<p>.+)$/i, intent: 'quote', lookups: out('said') },
  { id: 'quote-how-feel', re: /^how (?:does|did) (?<f>.+?) feel about (?<p>.+)$/i, intent: 'quote', lookups: out('said') },
  { id: 'quote-any', re: /^what (?:did|has|does|have) (?<f>.+?) (?:say|said|tell|told|share|shared|reveal|revealed)(?: (?:to|in) .+)?$/i, intent: 'quote', lookups: out('said') },

  // ---- yes/no: does X sing
  { id: 'yn-sing', re: /^(?:does|did|do) (?<f>.+?) (?:actually |really |herself |himself |themselves |also )*(?:sing|perform the songs|do (?:her|his|their) own singing|perform (?:her|his|their) own songs)(?: (?:in|on|for) (?<p>.+))?$/i, intent: 'yes-no-sing', lookups: [] },
  { id: 'yn-singing', re: /^is (?:it )?(?:actually |really )?(?<f>.+?) (?:singing|who sings)(?: (?:in|on|for) (?<p>.+))?$/i, intent: 'yes-no-sing', lookups: [] },

  // ---- yes/no: based on
  { id: 'yn-based-on', re: /^(?:is|was) (?<f>.+?) based on (?<p>.+)$/i, intent: 'yes-no-based-on', lookups: out('based_on') },

  // ---- yes/no: roles
  { id: 'yn-role-by', re: /^(?:was|is|were) (?<f>.+?) (?<r>directed|written|produced|executive produced|composed|performed|sung|sang|shot|distributed|released) by (?<p>.+)$/i, intent: 'yes-no-role', lookups: [] },
  { id: 'yn-did-verb', re: /^(?:did|does|do|has|have) (?<p>.+?) (?:also |actually |really )?(?<r>direct|directed|write|written|co-write|co-written|produce|produced|executive produce|executive produced|compose|composed|sing|sung|perform|performed|star in|starred in|appear in|appeared in|act in|acted in|play in|played in|shoot|shot) (?<f>.+)$/i, intent: 'yes-no-role', lookups: [] },
  { id: 'yn-role-noun', re: /^(?:was|is|were|are) (?<p>.+?) (?:also |actually |really )?(?:a|an|the|one of the) (?<r>executive producers?|producers?|directors?|co-?writers?|writers?|screenwriters?|songwriters?|composers?|stars?|lead|leading (?:actor|actress|lady|man)|singers?|performers?|authors?|novelist)(?: (?:of|on|for|in) (?<f>.+))?$/i, intent: 'yes-no-role', lookups: [] },
  { id: 'yn-in-cast', re: /^(?:is|was|are|were) (?<p>.+?) (?:in the cast of|part of the cast of|among the cast of|starring in|in) (?<f>.+)$/i, intent: 'yes-no-role', lookups: inv('cast_member') },

  // ---- who plays a character / which character does P play
  { id: 'who-plays-in', re: new RegExp(`^(?:who|which (?:actor|actress|star|performer)) ${PLAY_VERBS} (?:the (?:role|part|character) of )?(?<c>.+?) (?:in|on|for) (?<f>.+)$`, 'i'), intent: 'cast-character', lookups: out('cast_member') },
  { id: 'who-is-c-in', re: /^who (?:is|was) (?<c>.+?) (?:played|portrayed|voiced) by(?: (?:in|on) (?<f>.+))?$/i, intent: 'cast-character', lookups: out('cast_member') },
  { id: 'who-plays', re: new RegExp(`^(?:who|which (?:actor|actress|star|performer)) ${PLAY_VERBS} (?:the (?:role|part|character) of )?(?<c>.+)$`, 'i'), intent: 'cast-character', lookups: out('cast_member') },
  { id: 'whose-role', re: /^(?:who|what (?:role|character|part)|which (?:role|character|part)) (?:does|did|is|was) (?<p>.+?) (?:play|playing|portray|portraying|star as|starring as)(?: (?:in|on) (?<f>.+))?$/i, intent: 'character-of', lookups: out('cast_member') },
  { id: 'who-is-p-in', re: /^who (?:is|was|does|did) (?<p>[A-Z][^?]*?) (?:play )?in (?<f>.+)$/, intent: 'character-of', lookups: out('cast_member') },

  // ---- cast lists
  { id: 'cast-who-in', re: /^who(?:'s| is| was| are| were) (?:in|starring in|acting in|featured in|appearing in) (?:the cast of )?(?<f>.+)$/i, intent: 'relation', lookups: [...out('cast_member'), ...inv('member_of')] },
  { id: 'cast-who-stars', re: /^who (?:stars|starred|starring|acts|acted|appears|appeared|features|featured|is starring|was starring)(?: (?:in|on) (?<f>.+))?$/i, intent: 'relation', lookups: out('cast_member') },
  { id: 'cast-of', re: /^(?:who|what) (?:is|was|are|were) (?:in )?the (?:cast|stars|actors|leads|main cast|lead actors) (?:of|in|for) (?<f>.+)$/i, intent: 'relation', lookups: out('cast_member') },
  { id: 'cast-list', re: /^(?:list|name|show) (?:me )?(?:the |all )?(?:cast|actors|stars)(?: (?:of|in|for) (?<f>.+))?$/i, intent: 'relation', lookups: out('cast_member') },
  { id: 'cast-who-stars-in-it', re: /^who (?:else )?(?:stars|starred|is|was) (?:alongside|opposite|with) (?<p>.+?)(?: in (?<f>.+))?$/i, intent: 'relation', lookups: out('cast_member') },

  // ---- creators of a work
  { id: 'director', re: /^who (?:directed|directs|is directing|was directing|helmed|helms|will direct) (?<f>.+)$/i, intent: 'relation', lookups: out('director') },
  { id: 'director-of', re: /^who(?:'s| is| was) (?:the )?director (?:of|for|on|behind) (?<f>.+)$/i, intent: 'relation', lookups: out('director') },
  { id: 'directed-by', re: /^who (?:was|is) (?<f>.+?) directed by$/i, intent: 'relation', lookups: out('director') },
  { id: 'dop', re: /^who (?:shot|filmed|lensed) (?<f>.+)$/i, intent: 'relation', lookups: out('director_of_photography', 'director'), firstMatch: true },
  { id: 'author-novel', re: /^who (?:wrote|authored|penned|is the author of|was the author of|writes) (?:the )?(?<h>novel|book) (?<f>.+)$/i, intent: 'relation', lookups: out('author'), focusHint: 'novel' },
  { id: 'author-of', re: /^who(?:'s| is| was) the (?:author|novelist|writer) (?:of|behind) (?:the )?(?:(?<h>novel|book) )?(?<f>.+)$/i, intent: 'relation', lookups: out('author', 'screenwriter'), focusHint: 'novel', firstMatch: true },
  // "Who co-wrote the songs (in X)?": the songs of a film are credited on its soundtrack work; with
  // no work named, the soundtrack of the work the articles are about.
  { id: 'songwriters-songs', re: /^who (?:co-wrote|cowrote|co wrote|co-writes|helped write|wrote|writes|has written|penned|composed) (?:all )?(?:of )?(?:the |its |their )?(?:original )?(?:songs|tracks|soundtrack songs|music and lyrics|lyrics)(?: (?:in|for|of|on|from) (?<f>.+?))?(?: with (?<p>.+))?$/i, intent: 'relation', lookups: out('songwriter', 'lyricist'), focusHint: 'soundtrack', defaultFocus: 'the soundtrack', firstMatch: true },
  { id: 'cowrote', re: /^who (?:co-wrote|cowrote|co wrote|co-writes|helped write|wrote(?: the songs?)? with) (?<f>.+?)(?: with (?<p>.+))?$/i, intent: 'relation', lookups: out('songwriter', 'lyricist', 'screenwriter'), firstMatch: true },
  { id: 'cowriters', re: /^who (?:are|were) (?:the |her |his |their )?(?:co-?writers|songwriters|writers) (?:of|on|for|behind) (?<f>.+)$/i, intent: 'relation', lookups: out('songwriter', 'lyricist', 'screenwriter'), firstMatch: true },
  { id: 'wrote', re: /^who (?:wrote|writes|has written|penned) (?:the (?:song|single|track|screenplay|script|music (?:for|of)|songs? (?:for|of|in)) )?(?<f>.+)$/i, intent: 'relation', lookups: out('author', 'songwriter', 'lyricist', 'screenwriter'), firstMatch: true },
  { id: 'sang-songs', re: /^who (?:sings|sang|performs|performed|recorded) (?:the )?(?:songs|music|soundtrack|tracks) (?:in|on|for|of) (?<f>.+)$/i, intent: 'relation', lookups: out('performer') },
  { id: 'performer', re: /^who (?:sang|sings|performed|performs|recorded|sung) (?:the (?:song|single|track) )?(?<f>.+)$/i, intent: 'relation', lookups: out('performer'), focusHint: 'song' },
  { id: 'performer-by', re: /^who (?:is|was) (?<f>.+?) (?:sung|performed|recorded) by$/i, intent: 'relation', lookups: out('performer'), focusHint: 'song' },
  { id: 'composer', re: /^who (?:(?:composed|wrote|did|created|made) the (?:score|music)(?: (?:for|of|to|in))?|composed|scored) (?<f>.+)$/i, intent: 'relation', lookups: out('composer') },
  { id: 'producer', re: /^who (?:produced|produces|executive produced|exec produced|is producing|was producing) (?<f>.+)$/i, intent: 'relation', lookups: out('producer', 'executive_producer') },
  { id: 'producer-of', re: /^who (?:are|were|is|was) (?:the )?(?:executive )?producers? (?:of|on|for|behind) (?<f>.+)$/i, intent: 'relation', lookups: out('executive_producer', 'producer') },
  { id: 'based-on', re: /^(?:what|which (?:novel|book|story)) (?:is|was|are|were) (?<f>.+?) (?:based on|adapted from|inspired by)$/i, intent: 'relation', lookups: out('based_on') },
  { id: 'source-of', re: /^what(?:'s| is| was) the source (?:material|novel|book) (?:of|for|behind) (?<f>.+)$/i, intent: 'relation', lookups: out('based_on') },
  { id: 'filming-location', re: /^where (?:was|were|is|did) (?<f>.+?) (?:shot|filmed|recorded|made|shoot|film|record)$/i, intent: 'relation', lookups: out('filming_location') },
  { id: 'filming-location-2', re: /^where did (?:filming|shooting) (?:of|for|on) (?<f>.+?) take place$/i, intent: 'relation', lookups: out('filming_location') },
  { id: 'watch-where', re: /^where (?:can i|can you|do i|to) (?:watch|stream|see) (?<f>.+)$/i, intent: 'relation', lookups: out('distributed_by', 'original_broadcaster'), firstMatch: true },
  { id: 'distributor', re: /^(?:who|which (?:company|studio|streamer|streaming service|service|network|channel|label)|what (?:company|studio|streamer|streaming service|service|network|channel|label)) (?:distributed|distributes|released|releases|streams|is streaming|aired|airs|broadcast|broadcasts|made|makes|produced|put out) (?<f>.+)$/i, intent: 'relation', lookups: out('distributed_by', 'original_broadcaster', 'production_company', 'record_label'), firstMatch: true },
  { id: 'label', re: /^(?:what|which) (?:record )?label (?:is|was|signed) (?<f>.+?)(?: (?:on|signed to|with))?$/i, intent: 'relation', lookups: out('record_label') },

  // ---- songs and works related to a work
  { id: 'songs-in', re: /^(?:what|which) (?:songs?|music|tracks?|original songs?) (?:are|were|is|was|appear|appears|feature|featured|play|plays|played) (?:in|on|featured in|from|for) (?:the )?(?<f>.+?)(?: soundtrack)?$/i, intent: 'relation', lookups: inv('featured_in', 'part_of') },
  { id: 'songs-list', re: /^(?:list|name) (?:all )?(?:the )?songs (?:in|from|on|of) (?:the )?(?<f>.+?)(?: soundtrack)?$/i, intent: 'relation', lookups: inv('featured_in', 'part_of') },
  { id: 'songs-on-soundtrack', re: /^what(?:'s| is) on (?:the )?(?<f>.+?) soundtrack$/i, intent: 'relation', lookups: inv('featured_in', 'part_of') },

  // ---- awards: by category ("who won best actor at the Oscars"), a winner's awards, yes/no
  { id: 'award-category-winner', re: new RegExp(`^who (?:won|wins|was named|were named|is named|received|took home|picked up|got|scooped|collected|was awarded|took) (?:the )?(?:award for |prize for |oscar for )?(?<c>${AWARD_CATEGORY})(?: (?:award|prize|oscar|gong|trophy|category))?(?: (?:at|in) (?:the |this year's |last year's )?(?<f>.+))?$`, 'i'), intent: 'award-winner', lookups: inv('award_received') },
  { id: 'award-category-nominee', re: new RegExp(`^who (?:was|were|is|are|has been|have been) nominated for (?:the )?(?<c>${AWARD_CATEGORY})(?: (?:award|prize|oscar|category))?(?: (?:at|in) (?:the |this year's )?(?<f>.+))?$`, 'i'), intent: 'award-winner', lookups: inv('nominated_for') },
  { id: 'yn-award-won', re: new RegExp(`^(?:did|has|have|had) (?<p>.+?) (?:ever |also |actually |finally )?(?:win|won|receive|received|get|got|pick up|picked up|take home|taken home|scoop|scooped|collect|collected|take|taken) (?:an? |the |any |his |her |their )?(?:(?<c>${AWARD_CATEGORY})(?: (?:award|prize|oscar|gong|trophy|category))?(?: (?:at|in) (?:the |this year's )?(?<f>.+))?|(?<f2>[^ ].*?))$`, 'i'), intent: 'yes-no-award', lookups: inv('award_received') },
  { id: 'yn-award-nominated', re: new RegExp(`^(?:was|is|were|are|has|have) (?<p>.+?) (?:been |ever been |also |also been )?nominated for (?:an? |the |any )?(?:(?<c>${AWARD_CATEGORY})(?: (?:award|prize|oscar|category))?(?: (?:at|in) (?:the |this year's )?(?<f>.+))?|(?<f2>[^ ].*?))$`, 'i'), intent: 'yes-no-award', lookups: inv('nominated_for') },
  { id: 'awards-won', re: /^(?:what|which) (?:awards?|prizes?|honou?rs?|trophies) (?:did|has|have|had) (?<f>.+?) (?:win|won|receive|received|get|got|collect|collected|take home|taken home|scoop|scooped)(?: .*)?$/i, intent: 'awards-of', lookups: out('award_received') },
  { id: 'what-won', re: /^what (?:did|has|have|had) (?<f>.+?) (?:win|won|take home|taken home|scoop|scooped|pick up|picked up)(?: (?:at|in) .+)?$/i, intent: 'awards-of', lookups: out('award_received') },
  { id: 'nominations', re: /^(?:what|which) (?:awards?|prizes?) (?:is|was|were|has|have) (?<f>.+?) (?:been )?nominated for$/i, intent: 'awards-of', lookups: out('nominated_for') },
  { id: 'award-winner', re: /^who (?:won|received|took home|scooped|picked up|collected|was awarded|got) (?:the )?(?<f>.+?)$/i, intent: 'relation', lookups: inv('award_received') },
  { id: 'award-nominee', re: /^who (?:was|is|were|are) nominated for (?:the )?(?<f>.+)$/i, intent: 'relation', lookups: inv('nominated_for') },

  // ---- people: other works, bands, spouses
  { id: 'else-been-in', re: /^what (?:else )?(?:has|have|did|is|was) (?<f>.+?) (?:been in|appeared in|starred in|acted in|featured in|done|made|worked on|known for|been known for|best known for)(?: before| since| besides .*| apart from .*| other than .*)?$/i, intent: 'relation', lookups: CREDIT_LOOKUPS },
  { id: 'other-works', re: /^(?:what|which) (?:other )?(?:films|movies|shows|series|projects|works|roles|credits|tv shows|productions) (?:has|have|did|is|was) (?<f>.+?) (?:been in|appeared in|starred in|acted in|done|made|worked on|had|known for|in)$/i, intent: 'relation', lookups: CREDIT_LOOKUPS },
  { id: 'filmography', re: /^(?:list )?(?<f>.+?)(?:'s|') (?:other )?(?:films|movies|filmography|roles|credits|works)$/i, intent: 'relation', lookups: CREDIT_LOOKUPS },
  { id: 'directed-what', re: /^what (?:else )?(?:has|did|have) (?<f>.+?) directed$|^what (?:else )?(?:did|has) (?<f2>.+?) direct$/i, intent: 'relation', lookups: inv('director') },
  { id: 'songs-by', re: /^(?:what|which) (?:songs?|singles?|tracks?|music) (?:has|did|have|does) (?<f>.+?) (?:sung|sing|recorded|record|released|release|perform|performed|written|write|co-written|co-write)$/i, intent: 'relation', lookups: inv('performer', 'songwriter') },
  { id: 'band-members', re: /^who (?:is|are|was|were) (?:in|the members of) (?:the band |the group )?(?<f>.+)$/i, intent: 'relation', lookups: [...inv('member_of'), ...out('cast_member')] },
  { id: 'member-of', re: /^(?:what|which) (?:band|group) (?:is|was|does|did) (?<f>.+?) (?:in|a member of|belong to|play in|sing in|front|fronts)$/i, intent: 'relation', lookups: out('member_of') },
  { id: 'spouse', re: /^who (?:is|was) (?<f>.+?) (?:married to|engaged to|dating)$|^who(?:'s| is| was) (?<f2>.+?)(?:'s|') (?:wife|husband|spouse|partner)$/i, intent: 'relation', lookups: out('spouse') },

  // ---- dates
  { id: 'release-when', re: new RegExp(`^when (?:did|does|will|was|is|do|were) (?<f>.+?) (?:first )?${RELEASE_VERBS}(?: on (?:netflix|tv|streaming))?$`, 'i'), intent: 'date', lookups: out('publication_date') },
  { id: 'release-date', re: /^what(?:'s| is| was) (?:the )?(?:release|premiere|air|launch|publication) date (?:of|for) (?<f>.+)$/i, intent: 'date', lookups: out('publication_date') },
  { id: 'release-what-year', re: new RegExp(`^(?:what|which) (?:year|date|day|month) (?:did|was|does|is) (?<f>.+?) ${RELEASE_VERBS}$`, 'i'), intent: 'date', lookups: out('publication_date') },
  { id: 'wrap-when', re: new RegExp(`^when (?:did|was|has|had) (?:the )?${FILMING}(?: (?:on|of|for) (?<f>.+?))? ${WRAP}(?:ed)?$`, 'i'), intent: 'date', lookups: out('filming_wrapped') },
  { id: 'wrap-when-2', re: new RegExp(`^when (?:did|was|has|had) (?<f>.+?) (?:${WRAP} (?:filming|production|shooting)|wrap|wrapped)$`, 'i'), intent: 'date', lookups: out('filming_wrapped') },
  { id: 'start-when', re: new RegExp(`^when (?:did|was|has|had) (?:the )?${FILMING}(?: (?:on|of|for) (?<f>.+?))? ${START}$`, 'i'), intent: 'date', lookups: out('filming_started') },
  { id: 'start-when-2', re: new RegExp(`^when (?:did|was) (?<f>.+?) ${START} (?:filming|production|shooting)$`, 'i'), intent: 'date', lookups: out('filming_started') },
  { id: 'announced-when', re: /^when (?:was|were|did) (?<f>.+?) (?:first )?(?:announced|announce|revealed|unveiled|confirmed)$/i, intent: 'date', lookups: out('announced', 'cast_announced') },
  { id: 'cast-when', re: /^when (?:was|were|did) (?<p>.+?) (?:cast|join|joined|sign on|signed on)(?: (?:in|to|for|on) (?<f>.+))?$/i, intent: 'date', lookups: out('cast_announced') },

  // ---- metrics
  { id: 'hours', re: /^how many (?:hours|viewing hours|hours of (?:watch|viewing) time|hours viewed)(?: (?:did|has|had|have|was|were) (?<f>.+?) (?:get|got|gotten|rack up|racked up|receive|received|earn|earned|have|had|amass|amassed|been watched|watched|clock|clocked|log|logged|pull in|pulled in|generate|generated))?(?: .*)?$/i, intent: 'metric', lookups: out('hours_viewed') },
  { id: 'views', re: /^how many (?:views|viewers|streams|people (?:watched|saw)|households)(?: (?:did|has|had|have) (?<f>.+?) (?:get|got|have|had|draw|drew|attract|attracted|receive|received|watch|watched|see|saw))?(?: .*)?$/i, intent: 'metric', lookups: out('views', 'hours_viewed') },
  { id: 'watched-how', re: /^how (?:much|many times|widely) (?:was|has|did) (?<f>.+?) (?:been )?(?:watched|streamed|viewed)(?: .*)?$/i, intent: 'metric', lookups: out('hours_viewed', 'views') },
  { id: 'box-office', re: /^how much (?:money )?(?:did|has|had) (?<f>.+?) (?:make|made|gross|grossed|earn|earned|take|taken|took|bring in|brought in)(?: .*)?$/i, intent: 'metric', lookups: out('box_office') },
  { id: 'box-office-2', re: /^what (?:was|is|were) (?:the )?(?<f>.+?)(?:'s|') (?:box office|gross|takings)(?: .*)?$/i, intent: 'metric', lookups: out('box_office') },
  { id: 'chart-run', re: /^how (?:long|many weeks|many days|many months) (?:was|did|has|had|were|is) (?<f>.+?) (?:stay |spend |spent |been |remain |remained |last |lasted )?(?:in|on|at (?:the )?top of) (?:the )?(?<p>.+)$/i, intent: 'metric', lookups: out('chart_run') },
  { id: 'chart-position', re: /^(?:what|which) (?:number|position|place|spot|rank) (?:did|does|was|is) (?<f>.+?) (?:reach|peak at|peaked at|hit|debut at|debuted at|chart at|charted at|rank|ranked|in the charts?|on the charts?)(?: .*)?$/i, intent: 'metric', lookups: out('chart_position', 'ranking') },
  { id: 'chart-where', re: /^(?:where|how high) did (?<f>.+?) (?:chart|rank|peak|place|land|finish)(?: .*)?$/i, intent: 'metric', lookups: out('chart_position', 'ranking') },
  // ---- who is P: their credits (last: every more specific "who is ..." phrasing comes first)
  { id: 'who-is', re: /^[Ww]ho(?:'s| is| was) (?<f>[A-Z0-9"][^?]*)$/, intent: 'relation', lookups: CREDIT_LOOKUPS },
  { id: 'most-watched', re: /^how (?:popular|successful|big) (?:was|is) (?<f>.+)$/i, intent: 'metric', lookups: out('ranking', 'hours_viewed', 'views', 'chart_run', 'box_office', 'chart_position'), firstMatch: true },
];

/** Role nouns and verbs of yes/no questions → the predicates that would say yes. */
export const ROLE_WORDS: readonly { re: RegExp; predicates: string[]; noun: string }[] = [
  { re: /^(?:executive producers?|executive produced?|exec produced?)$/i, predicates: ['executive_producer'], noun: 'executive producer' },
  { re: /^(?:producers?|produced?)$/i, predicates: ['producer', 'executive_producer'], noun: 'producer' },
  { re: /^(?:directors?|direct(?:ed)?)$/i, predicates: ['director'], noun: 'director' },
  { re: /^(?:screenwriters?)$/i, predicates: ['screenwriter'], noun: 'screenwriter' },
  { re: /^(?:songwriters?|co-?writers?|co-?write|co-?written)$/i, predicates: ['songwriter', 'lyricist', 'screenwriter'], noun: 'co-writer' },
  { re: /^(?:writers?|write|written|authors?|novelist)$/i, predicates: ['author', 'screenwriter', 'songwriter', 'lyricist'], noun: 'writer' },
  { re: /^(?:composers?|compose[d]?)$/i, predicates: ['composer'], noun: 'composer' },
  { re: /^(?:stars?|lead|leading (?:actor|actress|lady|man)|star(?:red)? in|appear(?:ed)? in|act(?:ed)? in|play(?:ed)? in)$/i, predicates: ['cast_member'], noun: 'star' },
  { re: /^(?:singers?|performers?|sing|sung|sang|perform(?:ed)?)$/i, predicates: ['performer'], noun: 'performer' },
  { re: /^(?:shoot|shot)$/i, predicates: ['director_of_photography'], noun: 'director of photography' },
  { re: /^(?:distributed|released)$/i, predicates: ['distributed_by', 'record_label'], noun: 'distributor' },
];

/** Words that refer back to "the work we are talking about" rather than naming it. */
export const ANAPHORA =
  /^(?:it|this|that|they|them|the (?:film|movie|show|series|novel|book|song|single|album|soundtrack|video|music video)|this (?:film|movie|show|series|song)|that (?:film|movie|show|series|song))$/i;
