//! Place names that are also ordinary words (`gazetteer/needs_context.txt`): الباب is al-Bab and
//! "the door", المفرق Mafraq and "the junction". Such a name stands for the place only where
//! the words around it say a place is meant: a word of place before it (مدينة الباب، بلدات
//! البصيرة), a list with a town or site (جرابلس والباب), or a nearby place after it that
//! locates it (الباب شرقي حلب، الباب بريف حلب، المفرق في شمال الأردن). Elsewhere ("فتح الباب أمام",
//! "عند المفرق") it is the word.

use geo::{Distance, Haversine};

use super::Cue;
use crate::arabic::{self, Normalized};
use crate::gazetteer::{Gazetteer, GeoPrecision, Kind, NameMatch};

/// How near a place named after the word must be to one it could mean, in km, to locate it.
const NEAR_KM: f64 = 150.0;

/// Words of direction that place a name in what follows (الباب شرقي حلب).
const DIRECTIONS: [&str; 8] = [
    "شمال",
    "شمالي",
    "جنوب",
    "جنوبي",
    "شرق",
    "شرقي",
    "غرب",
    "غربي",
];

/// Other words that place a name in what follows (الباب بريف حلب، المفرق قرب الحدود مع سوريا).
const LOCATING: [&str; 7] = ["ريف", "ريفي", "محافظه", "منطقه", "قرب", "اطراف", "داخل"];

/// The most words a locating phrase puts between the name and the place it names.
const MAX_GAP_WORDS: usize = 3;

/// `matches` without the names that need context and have none.
pub(super) fn keep_licensed(
    g: &Gazetteer,
    norm: &Normalized,
    matches: Vec<NameMatch>,
) -> Vec<NameMatch> {
    if !matches.iter().any(|m| m.needs_context) {
        return matches;
    }
    let keep: Vec<bool> = (0..matches.len())
        .map(|i| !matches[i].needs_context || licensed(g, norm, &matches, i))
        .collect();
    matches
        .into_iter()
        .zip(keep)
        .filter_map(|(m, keep)| keep.then_some(m))
        .collect()
}

/// Whether the words around `ms[i]` say it is a place.
fn licensed(g: &Gazetteer, norm: &Normalized, ms: &[NameMatch], i: usize) -> bool {
    let t = norm.text();
    let m = &ms[i];
    if norm
        .word_before(m.normalized_span.start)
        .and_then(Cue::from_word)
        .is_some()
    {
        return true;
    }
    let prev = i
        .checked_sub(1)
        .map(|j| &ms[j])
        .filter(|p| !p.needs_context);
    if let Some(p) = prev {
        let gap = &t[p.normalized_span.end..m.normalized_span.start];
        if listed(gap) && settled(g, p) {
            return true;
        }
    }
    let Some(n) = ms.get(i + 1).filter(|n| !n.needs_context) else {
        return false;
    };
    let gap = &t[m.normalized_span.end..n.normalized_span.start];
    if listed(gap) && settled(g, n) {
        return true;
    }
    locating(gap).is_some_and(|directed| near(g, m, n, directed))
}

/// Whether `gap` joins two items of a list: "و", "،" or both, with spaces.
fn listed(gap: &str) -> bool {
    let joint: String = gap.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(joint.as_str(), "و" | "،" | "," | "،و" | ",و")
}

/// Whether `gap` is a phrase that locates a name in the place after it: `Some(true)` with a
/// word of direction or of place (شرقي، بريف), `Some(false)` with "in" alone (في، ب).
fn locating(gap: &str) -> Option<bool> {
    if gap.contains(['.', '؛', ':', '!', '?', '؟']) {
        return None;
    }
    let words: Vec<&str> = gap
        .split(|c: char| !arabic::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > MAX_GAP_WORDS {
        return None;
    }
    let mut directed = false;
    for word in words {
        // A proclitic left on its own belongs to the place after it (بالأردن): "in".
        if arabic::PROCLITICS.contains(&word) {
            continue;
        }
        let w = arabic::strip_glue(word, 2);
        if DIRECTIONS.contains(&w) || LOCATING.contains(&w) {
            directed = true;
        } else if w != "في" {
            return None;
        }
    }
    Some(directed)
}

/// Whether `other` could be a town or a site, not a country, region or governorate: a list
/// with one is a list of places ("جرابلس والباب"), wherever they are; one with a country is
/// not enough ("سوريا والباب").
fn settled(g: &Gazetteer, other: &NameMatch) -> bool {
    other
        .candidates
        .iter()
        .any(|&o| g.place(o).kind.geo_precision() != GeoPrecision::Region)
}

/// Whether a place `m` could mean is near one `other` could: within [`NEAR_KM`], or, when a
/// word of direction says so, inside the country `other` names.
fn near(g: &Gazetteer, m: &NameMatch, other: &NameMatch, directed: bool) -> bool {
    m.candidates.iter().any(|&c| {
        let c = g.place(c);
        other.candidates.iter().any(|&o| {
            let o = g.place(o);
            if o.kind == Kind::Country {
                directed && o.country == c.country
            } else {
                Haversine.distance(c.point, o.point) / 1000.0 <= NEAR_KM
            }
        })
    })
}

#[cfg(test)]
mod tests {
    /// The ids of the places `text` names.
    fn places(text: &str) -> Vec<String> {
        crate::geoparse::named(text)
            .into_iter()
            .map(|(_, id)| id)
            .collect()
    }

    #[test]
    fn a_name_that_is_a_word_is_a_place_where_the_text_says_so() {
        // al-Bab (GeoNames 174018), after a word of place, in a list, and located.
        for text in [
            "دخلت الفصائل مدينة الباب صباح اليوم.",
            "تحركت التعزيزات من اعزاز والباب نحو خطوط التماس.",
            "تقع الباب شرقي حلب بنحو أربعين كيلومتراً.",
            "وصل الرتل إلى الباب بريف حلب الشمالي.",
        ] {
            assert!(places(text).contains(&"gn_174018".to_owned()), "{text}");
        }
        // Mafraq, located in its country by a word of direction.
        assert!(places("تمركزت الكتيبة في المفرق شمالي الأردن.").contains(&"gn_250582".to_owned()));
        // al-Busayrah after a plural word of place, in a list.
        let found = places("حلّقت الطائرات فوق بلدات البصيرة والشحيل في ريف دير الزور.");
        assert!(found.contains(&"busayrah_town".to_owned()), "{found:?}");
        // Border towns whose names are also words or surnames.
        for (text, id) in [
            ("فرضت السلطات حظر التجول في مدينة جزرة.", "cizre_town"),
            ("نقل اللاجئون إلى مخيم إلبيلي في كلس.", "elbeyli_town"),
            ("سيطرت الفصائل على الراعي ومارع بريف حلب.", "al_rai_town"),
            ("قصفت المدفعية بلدة الراعي الحدودية.", "al_rai_town"),
            ("تقدم حزب الله نحو القصير بريف حمص.", "qusayr_town"),
            ("سقطت قذائف على حران قرب أقجة قلعة.", "harran_town"),
            ("انتشرت القوات في قضاء الخالص شمال بعقوبة.", "khalis_town"),
            ("تظاهر المئات في الرفاعي والشطرة.", "rifai_town"),
            (
                "عبرت دورية للتحالف بلدة الكسرة بريف دير الزور.",
                "kasrah_town",
            ),
            ("وصل الرتل إلى التبني غرب دير الزور.", "tibni_town"),
        ] {
            assert!(places(text).contains(&id.to_owned()), "{text}");
        }
    }

    #[test]
    fn the_same_word_in_its_ordinary_sense_is_no_place() {
        for text in [
            "فتح القرار الباب أمام انسحاب القوات من سوريا.",
            "وبقيت المدرعات متوقفة عند المفرق حتى ساعات المساء.",
            "توقفت الدورية عند مفرق بلدة تل تمر قبل أن تعود.",
            "ويفتح هذا الاتفاق الباب في سوريا أمام تسوية.",
            "قال إن البصيرة السياسية تقتضي الحوار مع دمشق.",
            "طرق الجنود الباب ثم دخلوا المنزل في حلب.",
            "ناقش الوفد ملف سوريا والباب مفتوح للحوار.",
            "وزّع المتطوعون جزرة وتفاحة على كل طفل في المخيم.",
            "قال البطريرك الراعي إن لبنان يحتاج إلى حكومة.",
            "سلك الرتل الطريق القصير إلى الحسكة.",
            "أعلن محمد البيلي أن الشحنة وصلت.",
            "كان يوماً حراً حران في القامشلي.",
            "باع التاجر الذهب الخالص في بغداد.",
            "قال الشيخ أحمد الرفاعي إن العشائر ترفض.",
            "أصيب الجندي بالكسرة في ساقه.",
            "ناقش البرلمان قانون التبني أمس.",
        ] {
            let found = places(text);
            let words = [
                "gn_174018",
                "gn_250582",
                "busayrah_town",
                "cizre_town",
                "al_rai_town",
                "qusayr_town",
                "elbeyli_town",
                "harran_town",
                "khalis_town",
                "rifai_town",
                "kasrah_town",
                "tibni_town",
            ];
            assert!(
                !found.iter().any(|p| words.contains(&p.as_str())),
                "{text}: {found:?}"
            );
        }
    }
}
