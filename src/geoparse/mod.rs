//! From names in a text to the places they mean.
//!
//! The matcher finds every name and all the places each could mean. Here each mention is
//! resolved in context: the generic word before it (قاعدة، مطار، معبر، حقل، قرية، مدينة، محافظة،
//! ريف…) says what kind of place is meant; the other places in the same sentence, paragraph and
//! article say where (the candidate nearest to them wins); curated entries beat GeoNames ones.

mod homographs;
mod lists;
mod short_names;

use std::ops::Range;
use std::sync::OnceLock;

use geo::{Distance, Haversine};
use rustc_hash::FxHashMap;

use crate::arabic;
use crate::document::Document;
use crate::gazetteer::{Candidates, Gazetteer, Kind, PlaceIndex, Tier};

/// The generic word written before a name, which says what sort of place follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// قاعدة، حامية، قواعد
    Base,
    /// مطار
    Airport,
    /// معبر، منفذ
    Crossing,
    /// حقل، حقول
    Field,
    /// قرية
    Village,
    /// بلدة، بلدات
    Town,
    /// مدينة، مدن
    City,
    /// ناحية، قضاء، منطقة
    District,
    /// محافظة، ولاية (a Turkish province)
    Governorate,
    /// إقليم
    Region,
    /// ريف، أطراف، ضواحي: the countryside around a place, not the place.
    Countryside,
    /// مخيم، معسكر
    Camp,
}

/// The words that say what kind of place a name is, normalised.
const CUE_WORDS: [(&str, Cue); 38] = [
    ("قاعده", Cue::Base),
    ("قاعدتي", Cue::Base),
    ("قواعد", Cue::Base),
    ("حاميه", Cue::Base),
    ("قاعدتها", Cue::Base),
    ("مطار", Cue::Airport),
    ("مطاري", Cue::Airport),
    ("مهبط", Cue::Airport),
    ("معبر", Cue::Crossing),
    ("معبري", Cue::Crossing),
    ("منفذ", Cue::Crossing),
    ("منفذي", Cue::Crossing),
    ("حقل", Cue::Field),
    ("حقلي", Cue::Field),
    ("حقول", Cue::Field),
    ("قريه", Cue::Village),
    ("قريتي", Cue::Village),
    ("قري", Cue::Village),
    ("بلده", Cue::Town),
    ("بلدتي", Cue::Town),
    ("بلدات", Cue::Town),
    ("مدينه", Cue::City),
    ("مدينتي", Cue::City),
    ("مدن", Cue::City),
    ("ناحيه", Cue::District),
    ("قضاء", Cue::District),
    ("منطقه", Cue::District),
    ("حي", Cue::District),
    ("محافظه", Cue::Governorate),
    ("محافظتي", Cue::Governorate),
    ("ولايه", Cue::Governorate),
    ("اقليم", Cue::Region),
    ("ريف", Cue::Countryside),
    ("ريفي", Cue::Countryside),
    ("اطراف", Cue::Countryside),
    ("ضواحي", Cue::Countryside),
    ("مخيم", Cue::Camp),
    ("معسكر", Cue::Camp),
];

impl Cue {
    /// Reads a word (normalised, possibly with proclitics and the article) as a cue.
    ///
    /// # Examples
    /// ```
    /// use convoy::geoparse::Cue;
    /// assert_eq!(Cue::from_word("بريف"), Some(Cue::Countryside));
    /// assert_eq!(Cue::from_word("لقاعده"), Some(Cue::Base));
    /// assert_eq!(Cue::from_word("القوات"), None);
    /// ```
    pub fn from_word(word: &str) -> Option<Cue> {
        // Every way a cue word can be written, read once: this runs for every name.
        static WRITTEN: OnceLock<FxHashMap<String, Cue>> = OnceLock::new();
        let written = WRITTEN.get_or_init(|| {
            let mut written = FxHashMap::default();
            for (cue_word, _) in CUE_WORDS {
                for article in ["", "ال", "ل"] {
                    for p in std::iter::once("").chain(arabic::PROCLITICS) {
                        let w = format!("{p}{article}{cue_word}");
                        if let Some(cue) = Cue::read(&w) {
                            written.insert(w, cue);
                        }
                    }
                }
            }
            written
        });
        written.get(word).copied()
    }

    /// [`Cue::from_word`], worked out: a word can only be a cue word with a proclitic, the
    /// article (or the ل left of it after ل) or both before it, so these are all its forms.
    fn read(word: &str) -> Option<Cue> {
        use arabic::PROCLITICS;
        // The word, without each proclitic it may carry, then each of those without the
        // article (or the ل left of it after ل).
        let mut forms = [""; 2 * (PROCLITICS.len() + 1)];
        forms[0] = word;
        let mut n = 1;
        for p in PROCLITICS {
            if let Some(rest) = word.strip_prefix(p) {
                forms[n] = rest;
                n += 1;
            }
        }
        for i in 0..n {
            if let Some(rest) = forms[i]
                .strip_prefix("ال")
                .or_else(|| forms[i].strip_prefix("ل"))
            {
                forms[n + i] = rest;
            }
        }
        let candidates = forms[..2 * n].iter().copied().filter(|f| !f.is_empty());
        candidates
            .into_iter()
            .find_map(|w| CUE_WORDS.iter().find(|(c, _)| *c == w).map(|(_, cue)| *cue))
    }

    /// How well a place of `kind` fits this cue: 1.0 fits, 0.0 says nothing, below 0 misfits.
    fn fit(self, kind: Kind) -> f64 {
        use Kind::*;
        let fits: &[Kind] = match self {
            Cue::Base => &[Base, Airbase],
            Cue::Airport => &[Airbase, Poi],
            Cue::Crossing => &[Crossing],
            Cue::Field => &[Oilfield],
            Cue::Village => &[Village, Town],
            Cue::Town => &[Town, Village, City],
            Cue::City => &[City, Town],
            Cue::District => &[District, Town, City, Village],
            Cue::Governorate => &[Governorate],
            Cue::Region => &[Region, Governorate],
            Cue::Countryside => &[City, Town, Governorate, District, Village],
            Cue::Camp => &[Base, Poi, Town, Village],
        };
        if fits.contains(&kind) {
            1.0
        } else {
            -0.5
        }
    }
}

/// A place name in a document, resolved to one place.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte range of the name in the document text (proclitics excluded).
    pub span: Range<usize>,
    /// Byte range of the name in the normalised text.
    pub normalized_span: Range<usize>,
    /// Every place the words could mean, curated first.
    pub candidates: Candidates,
    /// The place chosen in context.
    pub place: PlaceIndex,
    /// The generic word before the name, if any.
    pub cue: Option<Cue>,
    /// Index of the sentence that holds the mention (see [`arabic::sentences`]).
    pub sentence: usize,
    /// Index of the paragraph that holds the mention.
    pub paragraph: usize,
}

impl Mention {
    /// The name as written.
    pub fn surface<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.span.clone()]
    }
}

/// Finds and resolves every place name in `doc`.
///
/// # Examples
/// ```
/// use convoy::{geoparse, Document, Gazetteer};
/// let g = Gazetteer::embedded().unwrap();
/// let doc = Document::from_text("a.txt", "اتجهت الشاحنات إلى معبر الوليد قرب التنف في الأنبار");
/// let m = geoparse::resolve(&g, &doc);
/// assert_eq!(g.place(m[0].place).id.as_str(), "al_waleed_crossing_anbar");
/// ```
pub fn resolve(gazetteer: &Gazetteer, doc: &Document) -> Vec<Mention> {
    let norm = arabic::normalize(&doc.text);
    parse(gazetteer, doc, &norm).mentions
}

/// A document read for places: its sentences, paragraphs and mentions, for the stages
/// downstream that need more than the mentions.
#[derive(Debug)]
pub struct Parsed {
    /// Sentence byte ranges in the document text.
    pub sentences: Vec<Range<usize>>,
    /// Paragraph byte ranges in the document text.
    pub paragraphs: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
}

/// Splits `doc` into sentences and paragraphs and resolves the places it names, given its
/// normalised text.
pub fn parse(gazetteer: &Gazetteer, doc: &Document, norm: &arabic::Normalized) -> Parsed {
    let sentences = arabic::sentences(&doc.text);
    let paragraphs = arabic::paragraphs(&doc.text);
    let found = gazetteer.matcher().find_normalized(norm);
    let mut mentions: Vec<Mention> = homographs::keep_licensed(gazetteer, norm, found)
        .into_iter()
        .map(|m| {
            let cue = norm
                .word_before(m.normalized_span.start)
                .and_then(Cue::from_word);
            Mention {
                sentence: 0,
                paragraph: 0,
                place: m.candidates[0],
                span: m.span,
                normalized_span: m.normalized_span,
                candidates: m.candidates,
                cue,
            }
        })
        .collect();
    lists::carry_heads(gazetteer, norm, &mut mentions);
    for m in &mut mentions {
        m.sentence = containing(&sentences, m.span.start);
        m.paragraph = containing(&paragraphs, m.span.start);
    }
    // Twice: the first round's choices become context for the second.
    let mut distances = Distances::default();
    for _ in 0..2 {
        let chosen: Vec<Anchor> = mentions
            .iter()
            .map(|m| Anchor::new(gazetteer, m.place))
            .collect();
        for i in 0..mentions.len() {
            if mentions[i].candidates.len() == 1 {
                continue;
            }
            let best = mentions[i]
                .candidates
                .iter()
                .map(|&c| {
                    let s = score(gazetteer, &mentions, &chosen, i, c, &mut distances);
                    (s, c)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            if let Some((_, c)) = best {
                mentions[i].place = c;
            }
        }
    }
    let mut short = short_names::find(gazetteer, norm, &mentions);
    if !short.is_empty() {
        for m in &mut short {
            m.sentence = containing(&sentences, m.span.start);
            m.paragraph = containing(&paragraphs, m.span.start);
        }
        mentions.append(&mut short);
        mentions.sort_by_key(|m| m.span.start);
    }
    Parsed {
        sentences,
        paragraphs,
        mentions,
    }
}

/// Each name the embedded gazetteer finds in `text`, as written, and the id of the place it
/// is resolved to: what the geoparse tests look at.
#[cfg(test)]
pub(crate) fn named(text: &str) -> Vec<(String, String)> {
    let g = Gazetteer::embedded().unwrap();
    let doc = Document::from_text("t.txt", text);
    resolve(&g, &doc)
        .iter()
        .map(|m| {
            (
                m.surface(&doc).to_owned(),
                g.place(m.place).id.as_str().to_owned(),
            )
        })
        .collect()
}

/// How many names before and after a mention give it context.
const CONTEXT: usize = 100;

/// How well candidate `c` fits mention `i` in its context; higher is better.
fn score(
    g: &Gazetteer,
    mentions: &[Mention],
    chosen: &[Anchor],
    i: usize,
    c: PlaceIndex,
    distances: &mut Distances,
) -> f64 {
    let place = g.place(c);
    let me = &mentions[i];
    let mut s = match place.tier {
        Tier::Curated => 2.0,
        Tier::Geonames => (place.population.max(1) as f64).log10() * 0.1,
    };
    if let Some(cue) = me.cue {
        s += 3.0 * cue.fit(place.kind);
    } else {
        // A bare name is a settlement more often than the province named after it.
        s += match place.kind {
            Kind::City | Kind::Town => 0.3,
            Kind::Governorate => -0.3,
            _ => 0.0,
        };
    }
    // Context: other mentions' places, nearer in the text weigh more; a candidate near them wins.
    // Candidates that lie close together (a city and the province named after it) are told
    // apart by kind, not by context, so context counts in proportion to how far apart they are.
    let spread_km = me
        .candidates
        .iter()
        .map(|&o| distances.get(g, c, o).0)
        .fold(0.0, f64::max);
    let mut context = 0.0;
    // The names around it, as far as a reader keeps in mind: an article's worth, so that a
    // text of any length costs in proportion to its length.
    let window = i.saturating_sub(CONTEXT)..(i + CONTEXT + 1).min(mentions.len());
    for (j, other) in mentions
        .iter()
        .enumerate()
        .take(window.end)
        .skip(window.start)
    {
        if j == i {
            continue;
        }
        let weight = if other.sentence == me.sentence {
            3.0
        } else if other.paragraph == me.paragraph {
            2.0
        } else {
            1.0
        };
        let anchor = chosen[j];
        if anchor.place == c {
            // One sense per discourse: the same place named unambiguously elsewhere.
            if other.candidates.len() == 1 {
                s += 1.0 * weight;
            }
            continue;
        }
        if other.candidates.contains(&c) {
            continue;
        }
        let Some(kind_weight) = anchor.kind_weight else {
            continue;
        };
        // Candidates within a kilometre of each other gain nothing from context: skip the
        // distance (most homonyms are a city and its province at one point).
        if spread_km < 1.0 {
            continue;
        }
        let (_, closeness) = distances.get(g, c, anchor.place);
        context += kind_weight * weight / (other.candidates.len() as f64) * closeness;
    }
    context *= (spread_km / 100.0).min(1.0);
    s + context
}

/// A mention's chosen place as context for the others, and how much its nearness counts (not
/// at all for a country, which holds everything).
#[derive(Debug, Clone, Copy)]
struct Anchor {
    place: PlaceIndex,
    kind_weight: Option<f64>,
}

impl Anchor {
    fn new(g: &Gazetteer, place: PlaceIndex) -> Anchor {
        Anchor {
            place,
            kind_weight: match g.place(place).kind {
                Kind::Country => None,
                Kind::Region | Kind::Governorate => Some(0.5),
                _ => Some(1.0),
            },
        }
    }
}

/// Great-circle distances in km between places, and how close that is (1 at the place, 1/e
/// at 150 km), each worked out once per article: scoring asks for the same pairs again in its
/// second round and for every repeat of a name.
#[derive(Default)]
struct Distances(FxHashMap<(PlaceIndex, PlaceIndex), (f64, f64)>);

impl Distances {
    fn get(&mut self, g: &Gazetteer, a: PlaceIndex, b: PlaceIndex) -> (f64, f64) {
        *self.0.entry((a, b)).or_insert_with(|| {
            let km = Haversine.distance(g.place(a).point, g.place(b).point) / 1000.0;
            (km, (-km / 150.0).exp())
        })
    }
}

/// The index of the range (of sorted, disjoint `ranges`) that holds `at`, or `ranges.len()`.
fn containing(ranges: &[Range<usize>], at: usize) -> usize {
    let i = ranges.partition_point(|r| r.end <= at);
    if ranges.get(i).is_some_and(|r| r.start <= at) {
        i
    } else {
        ranges.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GeoPrecision;

    #[test]
    fn containing_finds_the_range_or_says_none() {
        let ranges = [0..5, 7..9, 9..12];
        let found: Vec<usize> = [0, 4, 5, 6, 7, 9, 11, 12, 40]
            .iter()
            .map(|&at| containing(&ranges, at))
            .collect();
        assert_eq!(found, [0, 0, 3, 3, 1, 2, 2, 3, 3]);
        assert_eq!(containing(&[], 0), 0);
    }

    #[test]
    fn cues_are_looked_up_as_they_are_worked_out() {
        // Every word of the seed and test articles, the word before a name or not, and each
        // cue word with every proclitic and article.
        let mut words: Vec<String> = Vec::new();
        for dir in ["seeds", "tests/articles"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let norm = arabic::normalize(&text);
                    words.extend(norm.tokens().map(|t| t.text.to_owned()));
                }
            }
        }
        assert!(words.len() > 2000, "{}", words.len());
        for (c, _) in CUE_WORDS {
            for p in ["", "و", "ول", "فب", "ال", "وال", "لل", "بال"] {
                words.push(format!("{p}{c}"));
            }
        }
        let mut cues = 0;
        for w in &words {
            assert_eq!(Cue::from_word(w), Cue::read(w), "{w}");
            cues += usize::from(Cue::read(w).is_some());
        }
        assert!(cues > 300, "{cues}");
    }

    #[test]
    fn waleed_follows_its_context() {
        let g = Gazetteer::embedded().unwrap();
        let north = Document::from_text(
            "n.txt",
            "اتجهت الشاحنات إلى قرية السويدية القريبة من معبر الوليد في ريف اليعربية",
        );
        let m = resolve(&g, &north);
        let waleed = m
            .iter()
            .find(|m| m.surface(&north).contains("الوليد"))
            .unwrap();
        assert_eq!(g.place(waleed.place).id.as_str(), "al_waleed_crossing_ne");
        let south = Document::from_text(
            "s.txt",
            "وصل الرتل إلى معبر الوليد الحدودي في محافظة الأنبار قادما من التنف",
        );
        let m = resolve(&g, &south);
        let waleed = m
            .iter()
            .find(|m| m.surface(&south).contains("الوليد"))
            .unwrap();
        assert_eq!(
            g.place(waleed.place).id.as_str(),
            "al_waleed_crossing_anbar"
        );
    }

    #[test]
    fn an_agreement_named_after_a_city_is_no_place_but_the_city_is() {
        let ids =
            |text: &str| -> Vec<String> { named(text).into_iter().map(|(_, id)| id).collect() };
        assert!(ids("سُيّرت الدورية تطبيقاً لتفاهمات سوتشي بين البلدين.").is_empty());
        assert_eq!(ids("اجتمع الرئيسان في سوتشي أمس."), ["sochi_city"]);
    }

    #[test]
    fn border_towns_are_found_as_reporters_write_them() {
        // Names GeoNames gives no Arabic for (or not the one reports use), curated from their
        // GeoNames records: Turkish towns facing Syria and Iraq, Kuwait's Abdali crossing.
        for (text, id) in [
            (
                "وصلت قافلة إلى قضاء جيلان بينار المقابل لمدينة رأس العين.",
                "ceylanpinar_town",
            ),
            ("عبرت الشاحنات من أكجة قلعة إلى تل أبيض.", "akcakale_town"),
            ("نقل الجرحى إلى مستشفى في قزل تبه.", "kiziltepe_town"),
            (
                "انطلقت الدبابات من سيلوبي نحو الحدود العراقية.",
                "silopi_town",
            ),
            ("وصل الوفد إلى ولاية شرناق جنوب شرقي تركيا.", "sirnak_city"),
            (
                "تجمعت التعزيزات التركية في أورفة قبل دخولها سوريا.",
                "sanliurfa_city",
            ),
            (
                "أرسلت أنقرة تعزيزات إلى ولاية هاتاي المحاذية لإدلب.",
                "antakya_city",
            ),
            (
                "عبر الرتل نهر الفرات من قرقميش إلى جرابلس.",
                "karkamis_town",
            ),
            (
                "تمركزت القوات في ويران شهر شمال رأس العين.",
                "viransehir_town",
            ),
            ("أقلعت المسيّرة من قاعدة قرب ديار بكر.", "diyarbakir_city"),
            (
                "دخلت الشاحنات الكويتية العراق عبر منفذ العبدلي.",
                "abdali_kuwait",
            ),
            (
                "انتشرت قوات الجيش في قضاء الدجيل جنوب سامراء.",
                "dujayl_town",
            ),
            ("وصلت تعزيزات إلى ناحية العلم شرق تكريت.", "al_alam_town"),
            (
                "انسحبت القوات من قضاء البغدادي غرب الأنبار.",
                "khan_al_baghdadi_town",
            ),
            (
                "مرت الدورية بقبور البيض في ريف القامشلي.",
                "qahtaniyah_town",
            ),
        ] {
            let found = named(text);
            assert!(found.iter().any(|(_, p)| p == id), "{text}: {found:?}");
        }
    }

    #[test]
    fn airfields_are_found_as_themselves_not_as_their_city() {
        // Airports and air bases of airportsdata that reports name, each with its own point.
        for (text, id) in [
            (
                "قصفت المدمرات الأمريكية مطار الشعيرات بصواريخ توماهوك.",
                "shayrat_airbase",
            ),
            (
                "هبطت طائرة شحن روسية في مطار دمشق الدولي.",
                "damascus_intl_airport",
            ),
            (
                "انسحبت القوات الروسية من مطار كويرس شرق حلب.",
                "kuweires_airbase",
            ),
            (
                "استهدفت مسيّرة مطار السليمانية الدولي.",
                "sulaymaniyah_intl_airport",
            ),
            (
                "نقلت التعزيزات إلى مطار دير الزور العسكري.",
                "deir_ez_zor_airport",
            ),
        ] {
            let found = named(text);
            assert!(found.iter().any(|(_, p)| p == id), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_name_with_an_administrative_word_before_it_is_still_that_place() {
        // Every Arabic name of a curated settlement or site, after each word reporters put
        // before a place name: the name is found, as its place, a homonym, the site of that
        // name a few km away, or the place the gazetteer gives the whole phrase (معبر البوكمال
        // is the crossing by the town, معبر التنف the border crossing 28 km from the base).
        let g = Gazetteer::embedded().unwrap();
        let words = [
            "قضاء",
            "ناحية",
            "بلدة",
            "مدينة",
            "ولاية",
            "محافظة",
            "مخيم",
            "معبر",
            "منفذ",
        ];
        let mut checked = 0;
        for place in g
            .places()
            .iter()
            .filter(|p| p.tier == Tier::Curated && p.kind.geo_precision() != GeoPrecision::Region)
        {
            for name in &place.aliases_ar {
                let first = name.split(' ').next().unwrap_or_default();
                if Cue::from_word(&arabic::normalize_name(first)).is_some() {
                    continue;
                }
                for word in words {
                    let text = format!("وصلت التعزيزات إلى {word} {name} صباح اليوم.");
                    let doc = Document::from_text("t.txt", &text);
                    let at = doc.text.find(name.as_str()).unwrap();
                    let m = resolve(&g, &doc);
                    let Some(m) = m.iter().find(|m| m.span.start <= at && at < m.span.end) else {
                        panic!("{text}: the name is not found");
                    };
                    let got = g.place(m.place);
                    let km = Haversine.distance(got.point, place.point) / 1000.0;
                    assert!(
                        got.id == place.id
                            || place.homonyms.contains(&got.id)
                            || km < 15.0
                            || m.span.start < at,
                        "{text}: {} ({km:.0} km away)",
                        got.id
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn cue_picks_the_governorate() {
        let g = Gazetteer::embedded().unwrap();
        let doc = Document::from_text("g.txt", "في محافظة الحسكة");
        let m = resolve(&g, &doc);
        assert_eq!(g.place(m[0].place).kind, Kind::Governorate);
        let doc = Document::from_text("c.txt", "في الحسكة");
        let m = resolve(&g, &doc);
        assert_eq!(g.place(m[0].place).kind, Kind::City);
    }
}
