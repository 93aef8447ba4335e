/**
 * @module Word lists for the benchmark corpus generator: given names, surnames, title words,
 * places, outlets and companies. Names are common words combined at random, so generated people
 * and works are fictional; outlets and streamers are real names used only as scenery.
 */

/** Given names that take "she"/"her". */
export const FEMALE_FIRST = [
  'Amara', 'Beatrice', 'Camila', 'Daphne', 'Elena', 'Freya', 'Gemma', 'Hana', 'Imogen', 'Jada',
  'Keira', 'Leona', 'Maren', 'Nadia', 'Odette', 'Priya', 'Quinn', 'Rosalind', 'Saoirse', 'Talia',
  'Una', 'Vivienne', 'Willa', 'Ximena', 'Yara', 'Zadie', 'Anouk', 'Bianca', 'Celeste', 'Delia',
  'Esme', 'Flora', 'Greta', 'Harriet', 'Ines', 'Juno', 'Kaia', 'Lucia', 'Mireille', 'Noor',
  'Ottilie', 'Paloma', 'Renata', 'Sabine', 'Tamsin', 'Ursula', 'Valentina', 'Wren', 'Yasmin', 'Zora',
  'Adaeze', 'Bryony', 'Clemence', 'Dolores', 'Emmeline', 'Fern', 'Giselle', 'Hollis', 'Isadora', 'Jolie',
] as const;

/** Given names that take "he"/"his". */
export const MALE_FIRST = [
  'Anders', 'Bastian', 'Callum', 'Dorian', 'Emeka', 'Felix', 'Gideon', 'Hugo', 'Idris', 'Jasper',
  'Kofi', 'Lorcan', 'Matteo', 'Nikolai', 'Oren', 'Pascal', 'Rafferty', 'Silas', 'Tobias', 'Ulrich',
  'Vaughn', 'Wesley', 'Xavier', 'Yusuf', 'Zeke', 'Ambrose', 'Booker', 'Cyrus', 'Desmond', 'Elias',
  'Fitz', 'Gulliver', 'Hamish', 'Ivo', 'Jonah', 'Kasimir', 'Leander', 'Marlon', 'Nico', 'Osric',
  'Percy', 'Quentin', 'Rowan', 'Soren', 'Thaddeus', 'Umar', 'Valentin', 'Warrick', 'Yannick', 'Zane',
  'Anselm', 'Bram', 'Cassius', 'Dario', 'Evander', 'Florian', 'Gael', 'Horatio', 'Ignatius', 'Jude',
] as const;

/** Surnames; a few double as ordinary words, as real surnames do. */
export const SURNAMES = [
  'Abernathy', 'Achebe', 'Albright', 'Ashcombe', 'Balogun', 'Barrow', 'Beaumont', 'Blackwood', 'Brannigan', 'Calloway',
  'Castellano', 'Chandler', 'Delacroix', 'Draper', 'Dunmore', 'Ellery', 'Esposito', 'Fairweather', 'Falconer', 'Fontaine',
  'Garroway', 'Greaves', 'Hadley', 'Halloran', 'Hartigan', 'Holloway', 'Ibarra', 'Iverson', 'Jablonski', 'Kavanagh',
  'Kowalczyk', 'Lachance', 'Lindqvist', 'Lockhart', 'Mbeki', 'Merriweather', 'Montague', 'Nakamura', 'Novak', 'Okonkwo',
  'Oyelaran', 'Pemberton', 'Petrakis', 'Quartermaine', 'Radcliffe', 'Ravensworth', 'Rosenthal', 'Sandoval', 'Sinclair', 'Stroud',
  'Takahashi', 'Thornbury', 'Underhill', 'Valdivia', 'Vasquez', 'Wainwright', 'Whitlock', 'Yamamoto', 'Zielinski', 'Ashdown',
  'Bellamy', 'Carrow', 'Devereux', 'Eastwick', 'Fennimore', 'Galloway', 'Hawthorne', 'Ingram', 'Juniper', 'Kingsley',
  'Larkin', 'Moreau', 'Nightingale', 'Oakes', 'Prescott', 'Quill', 'Rutherford', 'Stone', 'Tolliver', 'Vance',
  'Winter', 'Marsh', 'Rivers', 'Hart', 'Fox', 'Wolfe', 'Summers', 'Frost', 'Lake', 'Bishop',
] as const;

/** Character given names (fictional people inside the works). */
export const CHARACTER_FIRST_F = ['Cassie', 'June', 'Mara', 'Nell', 'Bea', 'Ivy', 'Lottie', 'Tess', 'Clara', 'Molly', 'Dolly', 'Rose', 'Pearl', 'Edie'] as const;
export const CHARACTER_FIRST_M = ['Luke', 'Tom', 'Eli', 'Rory', 'Jack', 'Sam', 'Finn', 'Ned', 'Abe', 'Kit', 'Wade', 'Hal', 'Gus', 'Ray'] as const;

export const CHARACTER_SURNAMES = ['Alder', 'Weller', 'Marsh', 'Voss', 'Harlan', 'Penrose', 'Colt', 'Day', 'Reyes', 'Finch', 'Lowe', 'Brandt'] as const;

/** Words for generated titles: "The {ADJ} {NOUN}", "{NOUN} of {PLACE_NOUN}", ... */
export const TITLE_ADJECTIVES = [
  'Silver', 'Hollow', 'Burning', 'Quiet', 'Crimson', 'Broken', 'Electric', 'Paper', 'Golden', 'Midnight',
  'Lost', 'Wild', 'Salt', 'Velvet', 'Iron', 'Glass', 'Northern', 'Last', 'Summer', 'Winter',
  'Restless', 'Distant', 'Bitter', 'Open', 'Secret', 'Falling', 'Borrowed', 'Neon', 'Little', 'Blue',
] as const;

export const TITLE_NOUNS = [
  'Harbour', 'Hearts', 'Lanterns', 'Country', 'Tide', 'Kingdom', 'Letters', 'Orchard', 'Signal', 'Circus',
  'Rivals', 'Shore', 'Crown', 'Echoes', 'Wolves', 'Season', 'Bridges', 'Garden', 'Highway', 'Ashes',
  'Saints', 'Horses', 'Lights', 'Promise', 'Stranger', 'Diary', 'Frontier', 'Chorus', 'Weather', 'Hours',
] as const;

export const TITLE_PLACES = ['Avalon', 'Marlow Street', 'the Valley', 'Cedar Creek', 'Port Ellis', 'the North', 'Juniper Bay', 'Kingsbridge'] as const;

/** Song title words. */
export const SONG_WORDS = [
  'Come Home', 'Blue Sky', 'Hold On', 'Daylight', 'Runaway', 'Stay', 'Fire Escape', 'Paper Moon', 'Gravity',
  'Slow Dance', 'Heartline', 'Undertow', 'Golden Hour', 'Northern Star', 'Low Tide', 'Wildflower', 'Lighthouse',
  'Ghost Town', 'Evergreen', 'Satellite', 'After the Rain', 'Open Road', 'Glass House', 'Kerosene',
] as const;

export const GENRES = ['romance', 'musical drama', 'thriller', 'comedy', 'western', 'coming-of-age drama', 'horror film', 'biopic', 'science-fiction drama', 'romantic comedy'] as const;

export const SERIES_GENRES = ['drama series', 'limited series', 'comedy series', 'crime series', 'anthology series'] as const;

/** Streaming services and theatrical distributors. */
export const STREAMERS = ['Netflix', 'Prime Video', 'Disney+', 'Apple TV+', 'Max', 'Hulu', 'Peacock', 'Paramount+'] as const;
export const DISTRIBUTORS = ['Larkspur Pictures', 'Meridian Films', 'Bluefin Releasing', 'Harrow Road Pictures', 'Northlight Studios', 'Saltbox Entertainment'] as const;
export const LABELS = ['Tidewater Records', 'Gullwing Music', 'Lantern House Records', 'Brightside Recordings', 'Cobalt Sound'] as const;
export const PUBLISHERS = ['Harbourline Books', 'Kestrel Press', 'Marlowe & Finch', 'Bellwether Books'] as const;

/** Outlets named in quote attributions ("she told Variety"). */
export const OUTLETS = [
  'Variety', 'Deadline', 'The Hollywood Reporter', 'Entertainment Weekly', 'Rolling Stone', 'Empire', 'IndieWire',
  'Collider', 'Vanity Fair', 'The Guardian', 'Billboard', 'Vulture', 'Total Film', 'People',
] as const;

/** Filming locations. */
export const PLACES = [
  'Malibu', 'Vancouver', 'Budapest', 'Cornwall', 'Belfast', 'Atlanta', 'New Mexico', 'Prague', 'the Isle of Skye',
  'Cape Town', 'Montreal', 'Lisbon', 'Big Sur', 'Yorkshire', 'Tasmania', 'Reykjavik', 'Savannah', 'Malta',
] as const;

/** Music-video settings, with their article. */
export const VIDEO_SPOTS = ['a beach', 'a rooftop', 'a lighthouse', 'a diner', 'a ballroom', 'a pier', 'a desert highway', 'a train station', 'an empty theatre', 'a forest clearing'] as const;

export const AWARDS = ['Lakeshore Film Critics Awards', 'Harbourfront Film Festival', 'Silver Reel Awards', 'Northern Screen Awards', 'Golden Compass Awards'] as const;

export const FESTIVALS = ['Venice Film Festival', 'Toronto International Film Festival', 'Sundance', 'SXSW', 'Tribeca', 'the BFI London Film Festival'] as const;

export const PREVIOUS_WORK_KINDS = ['the BBC thriller', 'the Netflix series', 'the West End musical', 'the indie hit', 'the HBO drama', 'the teen franchise'] as const;

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'] as const;

/** Plot pieces: "{char}, a {JOB} who {PREMISE}". */
export const JOBS = ['a piano teacher', 'a retired detective', 'a struggling songwriter', 'a marine biologist', 'a small-town sheriff', 'a wedding singer', 'a disgraced chef', 'a lighthouse keeper', 'a session drummer', 'a night-shift nurse', 'a failed magician', 'a rodeo rider'] as const;
export const PREMISES = ['has never left home', 'is hiding a secret', 'gets one last chance', 'is drawn back into the family business', 'falls for the wrong person', 'agrees to a marriage of convenience', 'inherits a crumbling theatre', 'must win a talent show to save the town'] as const;
export const TWISTS = ['a storm cuts the town off for a week', 'an old letter turns up in a second-hand piano', 'a rival band books the same festival slot', 'a body is found in a dried-up reservoir', 'the family farm is put up for auction', 'a song goes viral for all the wrong reasons'] as const;
