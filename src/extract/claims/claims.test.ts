import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Document } from '../../doc/document.js';
import { type DocClaim, isLiteral } from '../../model/types.js';
import { extractDocument } from '../index.js';

interface Case {
  text: string;
  date?: string;
  /** `predicate|subject|object` (object = name or literal value), optional `|k=v` qualifiers. */
  expect: string[];
  /** Claims that must not appear (same format). */
  forbid?: string[];
}

/** Hand-written hard cases in the style of the seeds and of BBC entertainment news. */
const CASES: Case[] = [
  { text: 'Netflix\'s "Purple Hearts" stars Sofia Carson as Cassie and Nicholas Galitzine as Luke.', expect: ['cast_member|Purple Hearts|Sofia Carson|character=Cassie', 'cast_member|Purple Hearts|Nicholas Galitzine|character=Luke', 'distributed_by|Purple Hearts|Netflix'] },
  { text: 'The new romance film "Purple Hearts" premiered on July 29, 2022, and is based on the 2017 novel of the same name by Tess Wakefield.', expect: ['publication_date|Purple Hearts|2022-07-29', 'based_on|Purple Hearts|Purple Hearts', 'author|Purple Hearts|Tess Wakefield'] },
  { text: 'Sofia Carson stars in the film "Purple Hearts". For the film, she co-wrote the soundtrack with Justin Tranter, Eren Cannata, Daniel Crean, and Skyler Stonestreet.', expect: ['songwriter|Purple Hearts (soundtrack)|Justin Tranter', 'songwriter|Purple Hearts (soundtrack)|Skyler Stonestreet', 'songwriter|Purple Hearts (soundtrack)|Daniel Crean'] },
  { text: 'Actress Emma Stone won best actress at the Oscars for her role in La La Land.', expect: ['award_received|Emma Stone|Academy Awards|category=best actress'] },
  { text: 'Gerard Jugnot stars in the film The Chorus. The Chorus is nominated for best foreign film at Sunday\'s Oscar ceremony.', expect: ['nominated_for|The Chorus|Academy Awards|category=best foreign film'] },
  { text: 'Singer Jamie Cullum\'s single "Get Your Way" went straight in at number one in the UK singles chart.', expect: ['performer|Get Your Way|Jamie Cullum', 'chart_position|Get Your Way|1'] },
  { text: 'The film "Ocean\'s Twelve" took $40.8m at the US box office over the weekend.', expect: ['box_office|Ocean\'s Twelve|40800000|unit=USD'] },
  { text: 'A sequel to the Netflix hit Purple Hearts might be in the works.', date: '2024-12-24', expect: ['sequel|Purple Hearts|in talks|date=2024-12-24'], forbid: ['sequel|Purple Hearts|confirmed'] },
  { text: 'Godzilla star Jean Reno was France\'s second best-paid actor in 2004.', expect: ['cast_member|Godzilla|Jean Reno'] },
  { text: 'The series has been renewed for a third season by the BBC.', date: '2005-02-01', expect: [] },
  { text: '"We are thrilled," director Marc Rothemund told Variety.', expect: ['said|Marc Rothemund|We are thrilled|outlet=Variety'] },
  { text: 'Director Marc Rothemund said: "I have a feeling of responsibility to keep the legacy going."', expect: ['said|Marc Rothemund|I have a feeling of responsibility to keep the legacy going.'] },
  { text: 'It was first announced in November 2020 that Sofia Carson was set to star in the movie Purple Hearts.', date: '2021-10-15', expect: ['announced|Purple Hearts|2020-11', 'cast_member|Purple Hearts|Sofia Carson'] },
  { text: 'The film resonated with audiences, staying in Netflix\'s Top 10 for six weeks and becoming the third most-watched movie of 2022.', expect: [] },
  { text: 'According to Tudum, the music video for "Come Back Home" was directed by Elizabeth Allen Rosenbaum.', expect: [] },
  { text: 'Sofia Carson did not star in the film "Cinderella".', expect: [], forbid: ['cast_member|Cinderella|Sofia Carson'] },
  // a character named through a relative; "as Tom's daughter" must not make Tom the role
  { text: 'Isla Penrose, who plays Tom\'s daughter Morwenna, gets a subplot of her own in the film "Paper Lanterns".', expect: ['cast_member|Paper Lanterns|Isla Penrose|character=Morwenna'], forbid: ['cast_member|Paper Lanterns|Isla Penrose|character=Tom'] },
  { text: 'The film "Paper Lanterns" is a hit. Newcomer Isla Penrose rounds out the main cast as Tom\'s daughter, Morwenna.', expect: ['cast_member|Paper Lanterns|Isla Penrose|character=Morwenna'], forbid: ['cast_member|Paper Lanterns|Isla Penrose|character=Tom'] },
  { text: 'Netflix has confirmed a sequel to the film "Paper Lanterns". Isla Penrose also returns as Morwenna, now a college student.', expect: ['cast_member|Paper Lanterns|Isla Penrose|character=Morwenna'] },
  // negation: a cited "no"
  { text: 'Rafael Stone stars in "Dry Creek". Despite the name, Stone was not in the film "Stone Country".', expect: ['cast_member|Stone Country|Rafael Stone|@negated'], forbid: ['cast_member|Stone Country|Rafael Stone'] },
  // record labels named by kind of name, and a soundtrack album's label
  { text: 'Delphine Okafor has released the single "Harbour Lights". It is out now on Tidewater Records.', expect: ['record_label|Harbour Lights|Tidewater Records'] },
  // a film appositive overrides a person-looking title; an estimated takings figure is box office, a forecast is not
  { text: 'Stone Country, the neo-western directed by Colm Brennan, topped the box office this weekend, taking an estimated $31.2 million, well ahead of industry forecasts of $22 million.', expect: ['director|Stone Country|Colm Brennan', 'box_office|Stone Country|31200000|unit=USD'], forbid: ['box_office|Stone Country|22000000'] },
  { text: 'Tom Hanks, the film star, arrived in London on Monday.', expect: [], forbid: ['box_office|Tom Hanks|1'] },
  // awards: categories without the award in the sentence take the article's ceremony
  { text: 'Aviator wins at the Golden Globes. Ray star Jamie Foxx was best actor while Annette Bening won best actress for Being Julia. The comedy "Sideways" was named best screenplay and best comedy.', expect: ['award_received|Jamie Foxx|Golden Globe Awards|category=best actor', 'award_received|Annette Bening|Golden Globe Awards|category=best actress', 'award_received|Sideways|Golden Globe Awards|category=best screenplay', 'award_received|Sideways|Golden Globe Awards|category=best comedy'], forbid: ['award_received|Ray|Golden Globe Awards|category=best actor'] },
  { text: 'Kanye West and Usher led the Grammy Awards nominations. Singer John Legend won best male and best album for Get Lifted, while Alicia Keys picked up the best female artist award.', expect: ['award_received|John Legend|Grammy Awards|category=best male', 'award_received|John Legend|Grammy Awards|category=best album', 'award_received|Alicia Keys|Grammy Awards|category=best female artist'] },
  { text: 'The Oscars take place on Sunday. Bookmakers predict Cate Blanchett will be named best supporting actress.', expect: ['award_received|Cate Blanchett|Academy Awards|category=best supporting actress|@speculative'], forbid: ['award_received|Cate Blanchett|Academy Awards|category=best supporting actress|@asserted'] },
  { text: 'The Oscars take place on Sunday. Martin Scorsese has never won best director, despite four nominations.', expect: ['award_received|Martin Scorsese|Academy Awards|category=best director|@negated'] },
  { text: 'The Baftas were held on Saturday. Clint Eastwood\'s boxing drama won best film. The best first screenplay award went to Joshua Marston.', expect: ['award_received|Joshua Marston|BAFTA Awards|category=best first screenplay'], forbid: ['award_received|Clint Eastwood|BAFTA Awards|category=best film'] },
  { text: 'The Oscars take place on Sunday. Imelda Staunton was nominated for best actress for Vera Drake.', expect: ['nominated_for|Imelda Staunton|Academy Awards|category=best actress'] },
  // box-office reports: "with $X", places without "number", yen, scope; DVD sales and company sales are not takings
  { text: 'Hitch tops US box office. Keanu Reeves thriller "Constantine" opened at number two with $30.5m (£16m). The comedy "Hitch" dropped to second place with takings of $21m, while the horror film "Cursed" was in fourth position with $9.5m.', expect: ['chart_position|Constantine|2', 'box_office|Constantine|30500000|unit=USD', 'chart_position|Hitch|2', 'box_office|Hitch|21000000', 'chart_position|Cursed|4', 'box_office|Cursed|9500000'], forbid: ['box_office|Constantine|16000000'] },
  { text: 'Animation charms Japan box office. The film "Howl\'s Moving Castle" took 20bn yen (£102m) to become the biggest film in Japan in 2004.', expect: ['box_office|Howl\'s Moving Castle|20000000000|unit=JPY'], forbid: ['box_office|Howl\'s Moving Castle|102000000'] },
  { text: 'Ray DVD beats box office takings. The film "Ray" earned $80m from DVD sales, outstripping its $74m US box office total.', expect: ['box_office|Ray|74000000|scope=US'], forbid: ['box_office|Ray|80000000'] },
  { text: 'Box office blow for Alexander. Director Oliver Stone\'s historical epic Alexander entered the charts at number six. "National Treasure" took $33.1m.', expect: [], forbid: ['director|National Treasure|Oliver Stone'] },
  // roles: stepping into a role in a named work, a voice role, a director behind the camera
  { text: 'Actor Christian Slater is stepping into the role of Tom in the Broadway revival of "The Glass Menagerie".', expect: ['cast_member|The Glass Menagerie|Christian Slater|character=Tom'] },
  { text: 'Actor Stephen Fry is joining the cast of the film "The Hitchhiker\'s Guide to the Galaxy". Fry will provide the voice of The Guide, an electronic book.', expect: ['cast_member|The Hitchhiker\'s Guide to the Galaxy|Stephen Fry|character=The Guide'] },
  // a title the mention layer reads as a name, called a book or a song by its own sentence
  { text: 'Casino Royale, author Ian Fleming\'s first James Bond book, is to be the next Bond film, with Goldeneye director Martin Campbell behind the camera.', expect: ['author|Casino Royale|Ian Fleming', 'director|Casino Royale|Martin Campbell'] },
  { text: 'Rapper Eminem has denied Elvis a fourth number one, after his song, Like Toy Soldiers, stormed to the top of the singles chart.', expect: ['performer|Like Toy Soldiers|Eminem'], forbid: ['performer|Like Toy Soldiers|Eminem|@negated'] },
  { text: 'But it took until 2001 for the pair to score a hit with Ms Jackson, while their album Stankonia spread their fame.', expect: [], forbid: ['performer|Stankonia|Ms Jackson'] },
  // a source named only by its kind and author
  { text: 'Tom Hanks and Ron Howard are reuniting for the film "The Da Vinci Code", an adaptation of the best-selling novel by Dan Brown.', expect: ['based_on|The Da Vinci Code|The Da Vinci Code', 'author|The Da Vinci Code|Dan Brown'] },
  // ceremonies the gazetteer does not know, a category that "went to", prizes listed with "including", a loss
  { text: 'Hollis Grant won best actor at the Lakeshore Film Critics Awards on Sunday. Best film went to "Stone Country", while Maya Lindqvist, who plays the geologist Clara Voss in "Stone Country", won best supporting actress.', expect: ['award_received|Hollis Grant|Lakeshore Film Critics Awards|category=best actor', 'award_received|Stone Country|Lakeshore Film Critics Awards|category=best film', 'award_received|Maya Lindqvist|Lakeshore Film Critics Awards|category=best supporting actress'] },
  { text: 'The Oscars were handed out on Sunday. The film "The Aviator" took five prizes including best supporting actress for Cate Blanchett.', expect: ['award_received|Cate Blanchett|Academy Awards|category=best supporting actress'] },
  { text: 'The Baftas were held on Saturday. British hope Kate Winslet walked away empty-handed despite two nominations for best actress.', expect: ['award_received|Kate Winslet|BAFTA Awards|category=best actress|@negated', 'nominated_for|Kate Winslet|BAFTA Awards|category=best actress'], forbid: ['award_received|Kate Winslet|BAFTA Awards|category=best actress'] },
  // an event's work is not the one named in a time clause ("after Stone finishes work on X")
  { text: 'Rafael Stone has been cast in the film "Dry Creek". Shooting begins in New Mexico in September 2026, after Stone finishes work on the film "High Water".', date: '2026-02-20', expect: ['filming_started|Dry Creek|2026-09'], forbid: ['filming_started|High Water|2026-09'] },
  // a festival premiere keeps its festival; a count of releases is no release date
  { text: 'The film "Stone Country" has been tipped for awards since it premiered at the Venice Film Festival in August 2025.', expect: ['publication_date|Stone Country|2025-08|event=Venice Film Festival'] },
  { text: 'The film "Howl\'s Moving Castle" was the biggest hit. The number of Japanese films released rose to 310 in 2004.', expect: [], forbid: ['publication_date|Howl\'s Moving Castle|2004'] },
  // songwriters of a song named before "was written ... by"
  { text: 'The film ends with June singing the title song, "Paper Lanterns". The song "Paper Lanterns" was written for the soundtrack by Delphine Okafor with Theo Marchetti and Kenji Ward.', expect: ['songwriter|Paper Lanterns|Delphine Okafor', 'songwriter|Paper Lanterns|Theo Marchetti', 'songwriter|Paper Lanterns|Kenji Ward'] },
  // a voice role announced; an unnamed "actor who will voice" is nobody
  { text: 'Actress Julia Roberts will star in the film "Charlotte\'s Web". She will voice Charlotte, a spider. The actor who will voice Wilbur the pig has yet to be revealed.', expect: ['cast_member|Charlotte\'s Web|Julia Roberts|character=Charlotte'], forbid: ['cast_member|Charlotte\'s Web|Julia Roberts|character=Wilbur'] },
  // box-office reports: a name that takes money or a place is a film; a cast list is not
  { text: 'De Niro film leads US box office. Clint Eastwood\'s Million Dollar Baby led the Oscar hopefuls with $11.8m, coming in at number three. The comedy "Spanglish", starring Adam Sandler and Tea Leoni, fell two places to number five, taking $6m.', expect: ['box_office|Million Dollar Baby|11800000', 'chart_position|Million Dollar Baby|3', 'box_office|Spanglish|6000000'], forbid: ['box_office|Tea Leoni|6000000', 'chart_position|Tea Leoni|5'] },
  { text: 'The Oscars take place on Sunday. Critics expect Jamie Foxx and Hilary Swank to scoop best actor and actress.', expect: ['award_received|Jamie Foxx|Academy Awards|category=best actor|@speculative', 'award_received|Hilary Swank|Academy Awards|category=best actress|@speculative'], forbid: ['award_received|Hilary Swank|Academy Awards|category=best actor|@speculative'] },
  { text: 'Actress Julia Roberts will star in the film "Charlotte\'s Web". She will voice Charlotte, who saves her friend, in the story by Elwyn Brooks White.', expect: ['based_on|Charlotte\'s Web|Charlotte\'s Web', 'author|Charlotte\'s Web|Elwyn Brooks White'] },
  { text: 'The Oscars take place on Sunday. Tim Dams said this made him favourite to be named best actor.', expect: [], forbid: ['award_received|Tim Dams|Academy Awards|category=best actor|@speculative'] },
];

function render(c: DocClaim): string {
  const o = isLiteral(c.object) ? c.object.value : c.object.name;
  return `${c.predicate}|${c.subject.name}|${o}`;
}

function has(claims: readonly DocClaim[], spec: string): boolean {
  const [predicate, subject, object, ...quals] = spec.split('|');
  return claims.some((c) => {
    const o = isLiteral(c.object) ? c.object.value : c.object.name;
    if (c.predicate !== predicate || c.subject.name !== subject) return false;
    if (predicate === 'said' ? !o.startsWith(object) : o !== object) return false;
    const want = quals.find((q) => q.startsWith('@'))?.slice(1);
    // a spec names its modality with `@negated`/`@speculative`; without one it means a positive claim
    if (want ? c.modality !== want : c.modality === 'negated') return false;
    return quals.filter((q) => !q.startsWith('@')).every((q) => {
      const [k, v] = q.split('=');
      return String(c.qualifiers[k]) === v;
    });
  });
}

describe('claims.patterns.v1', () => {
  for (const k of CASES) {
    it(k.text.slice(0, 90), () => {
      const doc = extractDocument(new Document(k.text, { title: 't', source: null, url: null, date: k.date ?? null }));
      const claims = doc.get('claims');
      for (const e of k.expect) assert.ok(has(claims, e), `missing ${e}; got ${claims.map(render).join('; ')}`);
      for (const f of k.forbid ?? []) assert.ok(!has(claims, f), `forbidden ${f} found`);
    });
  }

  it('marks claims cited from a source as reported', () => {
    const doc = extractDocument(new Document('According to Tudum, the music video for "Come Back Home" was directed by Elizabeth Allen Rosenbaum.', { title: 't', source: null, url: null, date: null }));
    const d = doc.get('claims').find((c) => c.predicate === 'director');
    assert.ok(d, 'no director claim');
    assert.equal(d.modality, 'reported');
    assert.equal(d.subject.subtype, 'music_video');
  });

  it('gives metrics their unit, chart and rank', () => {
    const doc = extractDocument(new Document('The film "Purple Hearts" resonated with audiences, staying in Netflix\'s Top 10 for six weeks and becoming the third most-watched movie of 2022.', { title: 't', source: null, url: null, date: null }));
    const run = doc.get('claims').find((c) => c.predicate === 'chart_run');
    assert.ok(run && isLiteral(run.object));
    assert.equal(run.object.value, '6');
    assert.equal(run.qualifiers.unit, 'weeks');
    assert.equal(run.qualifiers.chart, "Netflix's Top 10");
    const rank = doc.get('claims').find((c) => c.predicate === 'ranking');
    assert.ok(rank);
    assert.equal(rank.qualifiers.rank, 3);
    assert.equal(rank.qualifiers.year, 2022);
  });
});
