//! The words extraction reads: verbs and nouns of movement, handover, attack and presence;
//! prepositions that give a place its role; counts, actors, status and locator words.
//!
//! Entries are written as they appear in text and normalised once (أ→ا, ة→ه, ى→ي…), so a
//! token is looked up as it stands, then without the proclitics glued to its front (و ف ب ل ك),
//! then without the article. Verb forms are listed whole, conjugations included: Arabic verbs
//! inflect at both ends and a list is easier to check than a stemmer.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::arabic;

/// What a trigger word says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// انسحب، سحب، أخلى، غادر، خرج: leaving a place.
    Withdraw,
    /// نقل، انتقل، اتجه، توجه، تحرك: going somewhere.
    Move,
    /// وصل، دخل، عاد: arriving.
    Arrive,
    /// إعادة انتشار / تموضع.
    Redeploy,
    /// سلّم، تسليم: handing over (the subject gives).
    HandOver,
    /// تسلّم، استلم: taking over (the subject receives).
    TakeOver,
    /// استهداف، قصف، هجوم، صواريخ.
    Attack,
    /// لا تزال، ما زال، بقاء: forces that remain.
    Remain,
}

impl Trigger {
    /// Triggers of one class share a frame: "خرجت ... واتجهت إلى" is one trip.
    pub fn is_movement(self) -> bool {
        matches!(
            self,
            Trigger::Withdraw | Trigger::Move | Trigger::Arrive | Trigger::Redeploy
        )
    }

    /// Verbs whose direct object is the place left: غادر قاعدته، أخلى القاعدة، سحب قواته \[من\].
    pub fn object_is_origin(self) -> bool {
        matches!(self, Trigger::Withdraw)
    }
}

/// The role a preposition gives the place after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Origin,
    Destination,
    Via,
    /// في، بـ: where something is.
    Location,
    /// قرب، القريبة من، بالقرب من: near a place (it locates another, or is approximate).
    Near,
}

/// How exact a stated count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    About,
    AtLeast,
    Dozens,
    Hundreds,
    Some,
}

impl Qualifier {
    /// The contract's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::Dozens => "dozens",
            Qualifier::Hundreds => "hundreds",
            Qualifier::Some => "some",
        }
    }
}

/// A word's meaning for extraction; a word can have several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lex {
    Trigger(Trigger),
    /// The future prefix or a modal: what follows is planned.
    Planned,
    /// بدأ، جارية، مستمرة: under way.
    InProgress,
    /// كاذب، نفى، عار عن الصحة: the text calls it false.
    Denied,
    Role(Role),
    /// المتمركزة، المنتشرين، الموجودة في: where the subject is stationed.
    Stationed,
    /// الواقعة، التابعة: the place after it locates the one before.
    Locator,
    /// شمال، جنوب، شرق، غرب...: a direction from a place.
    Direction,
    /// ريف، أطراف، ضواحي: the countryside of a place.
    Countryside,
    /// الواصل، المؤدي، الرابط: the way continues to the place after it.
    PathNext,
    /// تمهيدا: a purpose clause (planned) follows.
    Purpose,
    /// كما، فيما، بالإضافة إلى: a new event begins.
    FrameBreak,
    /// رسالة، بيان، مصدر: "من" after it names a source, not an origin.
    Source,
    /// قوات، جنود، رتل: a force.
    Force,
    /// The coalition.
    Coalition,
    /// A nationality: its index in [`NATIONS`].
    Nation(u8),
    Vehicles,
    Personnel,
    Qualify(Qualifier),
    Number(u32),
    /// "القاعدة", "منها": refers back to the base named before.
    Anaphor,
    /// A generic place noun (قاعدة، مطار، معبر...): skipped when finding a place's role.
    PlaceNoun,
    /// ended (their) presence on: the place after it was left.
    EndPresence,
    /// Weapons (صواريخ): a movement verb with these as subject is not troops moving.
    Weapon,
    /// وزارة، حكومة، وزير: a country after these (وزارة الدفاع في سلوفينيا) is a party.
    Office,
    /// الشهر، العام، الأسبوع: "من" before these is "since", not "from a place".
    Time,
    /// معتقلين، لاجئين، عائلات: people moved who are no military force.
    Civilian,
    /// معدات، عتاد، تعزيزات، طائرات: what a force moves or moves in; its nationality names the
    /// actor.
    Cargo,
    /// تابعة، التابع: belonging to; the force after it owns what comes before.
    Belonging,
    /// وزير، سفير، وفد، الهدوء، المفاوضات: who or what travels as the subject of a verb of
    /// motion without being a force (a minister's visit, calm returning, talks reaching a stage).
    Bystander,
}

impl Lex {
    /// Whether the meaning holds a value (which trigger, role, nation...), so that its kind
    /// alone does not say it.
    pub fn holds_value(self) -> bool {
        matches!(
            self,
            Lex::Trigger(_) | Lex::Role(_) | Lex::Nation(_) | Lex::Qualify(_) | Lex::Number(_)
        )
    }

    /// One bit per kind of meaning (the variant, whatever it holds), so a word can say at once
    /// that it has no meaning of a kind: most words have none.
    pub fn kind_bit(self) -> u64 {
        let kind = match self {
            Lex::Trigger(_) => 0,
            Lex::Planned => 1,
            Lex::InProgress => 2,
            Lex::Denied => 3,
            Lex::Role(_) => 4,
            Lex::Stationed => 5,
            Lex::Locator => 6,
            Lex::Direction => 7,
            Lex::Countryside => 8,
            Lex::PathNext => 9,
            Lex::Purpose => 10,
            Lex::FrameBreak => 11,
            Lex::Source => 12,
            Lex::Force => 13,
            Lex::Coalition => 14,
            Lex::Nation(_) => 15,
            Lex::Vehicles => 16,
            Lex::Personnel => 17,
            Lex::Qualify(_) => 18,
            Lex::Number(_) => 19,
            Lex::Anaphor => 20,
            Lex::PlaceNoun => 21,
            Lex::EndPresence => 22,
            Lex::Weapon => 23,
            Lex::Office => 24,
            Lex::Time => 25,
            Lex::Civilian => 26,
            Lex::Cargo => 27,
            Lex::Belonging => 28,
            Lex::Bystander => 29,
        };
        1 << kind
    }
}

/// Nationalities: (adjective forms, English actor name, English forces name).
pub const NATIONS: &[(&[&str], &str, &str)] = &[
    (
        &[
            "الأمريكية",
            "الأميركية",
            "الأمريكي",
            "الأميركي",
            "الأمريكيين",
            "الأميركيين",
            "الأمريكيون",
            "الأميركيون",
            "أمريكية",
            "أميركية",
            "أمريكي",
            "أميركي",
            "أمريكيين",
            "أميركيين",
            "أمريكيا",
            "أميركيا",
            "المارينز",
            "البنتاغون",
            "البنتاجون",
            "واشنطن",
            "الولايات المتحدة",
            "أمريكا",
            "أميركا",
            "u s",
            "american",
            "americans",
            "pentagon",
        ],
        "United States",
        "US forces",
    ),
    (
        &[
            "العراقية",
            "العراقي",
            "العراقيين",
            "عراقية",
            "عراقي",
            "iraqi",
        ],
        "Iraq",
        "Iraqi forces",
    ),
    (
        &["السورية", "السوري", "السوريين", "سورية", "syrian"],
        "Syria",
        "Syrian forces",
    ),
    (
        &[
            "البريطانية",
            "البريطاني",
            "البريطانيين",
            "بريطانيا",
            "british",
        ],
        "United Kingdom",
        "British forces",
    ),
    (
        &["الفرنسية", "الفرنسي", "الفرنسيين", "فرنسا", "french"],
        "France",
        "French forces",
    ),
    (
        &["الألمانية", "الألماني", "الألمان", "ألمانيا", "german"],
        "Germany",
        "German forces",
    ),
    (
        &["الإسبانية", "الإسباني", "الإسبان", "إسبانيا", "spanish"],
        "Spain",
        "Spanish forces",
    ),
    (
        &["الإيطالية", "الإيطالي", "الإيطاليين", "إيطاليا", "italian"],
        "Italy",
        "Italian forces",
    ),
    (
        &["الكرواتية", "الكرواتي", "الكرواتيين", "كرواتيا", "croatian"],
        "Croatia",
        "Croatian forces",
    ),
    (
        &["السلوفينية", "السلوفيني", "سلوفينيا", "slovenian"],
        "Slovenia",
        "Slovenian forces",
    ),
    (
        &[
            "الأسترالية",
            "الأسترالي",
            "الأستراليين",
            "أستراليا",
            "australian",
        ],
        "Australia",
        "Australian forces",
    ),
    (
        &["الكندية", "الكندي", "الكنديين", "كندا", "canadian"],
        "Canada",
        "Canadian forces",
    ),
    (
        &["الهولندية", "الهولندي", "هولندا", "dutch"],
        "Netherlands",
        "Dutch forces",
    ),
    (
        &["الدنماركية", "الدنماركي", "الدنمارك", "danish"],
        "Denmark",
        "Danish forces",
    ),
    (
        &["النرويجية", "النرويجي", "النرويج", "norwegian"],
        "Norway",
        "Norwegian forces",
    ),
    (
        &["التشيكية", "التشيكي", "التشيك", "تشيكيا", "czech"],
        "Czechia",
        "Czech forces",
    ),
    (
        &["التركية", "التركي", "الأتراك", "تركيا", "turkish"],
        "Turkey",
        "Turkish forces",
    ),
    (
        &["الروسية", "الروسي", "الروس", "روسيا", "russian"],
        "Russia",
        "Russian forces",
    ),
    (
        &[
            "الإيرانية",
            "الإيراني",
            "إيران",
            "الحرس الثوري",
            "حرس الثورة",
            "iranian",
        ],
        "Iran",
        "Iranian forces",
    ),
    (
        &["الأردنية", "الأردني", "jordanian"],
        "Jordan",
        "Jordanian forces",
    ),
    (
        &["الكويتية", "الكويتي", "kuwaiti"],
        "Kuwait",
        "Kuwaiti forces",
    ),
    (
        &["البيشمركة", "البيشمركه", "الكردية", "peshmerga"],
        "Kurdistan Region",
        "Peshmerga",
    ),
    (
        &[
            "السلوفاكية",
            "السلوفاكي",
            "السلوفاكيين",
            "سلوفاكيا",
            "slovak",
        ],
        "Slovakia",
        "Slovak forces",
    ),
    (
        &["الرومانية", "الروماني", "الرومانيين", "رومانيا", "romanian"],
        "Romania",
        "Romanian forces",
    ),
    (
        &["المجرية", "المجري", "المجريين", "المجر", "hungarian"],
        "Hungary",
        "Hungarian forces",
    ),
    (
        &["البولندية", "البولندي", "البولنديين", "بولندا", "polish"],
        "Poland",
        "Polish forces",
    ),
    (
        &["البلجيكية", "البلجيكي", "البلجيكيين", "بلجيكا", "belgian"],
        "Belgium",
        "Belgian forces",
    ),
    (
        &["الفنلندية", "الفنلندي", "الفنلنديين", "فنلندا", "finnish"],
        "Finland",
        "Finnish forces",
    ),
    (
        &["السويدية", "السويدي", "السويديين", "السويد", "swedish"],
        "Sweden",
        "Swedish forces",
    ),
    (
        &["النيوزيلندية", "النيوزيلندي", "نيوزيلندا", "new zealand"],
        "New Zealand",
        "New Zealand forces",
    ),
    (
        &["البرتغالية", "البرتغالي", "البرتغال", "portuguese"],
        "Portugal",
        "Portuguese forces",
    ),
    (
        &["اليونانية", "اليوناني", "اليونان", "greek"],
        "Greece",
        "Greek forces",
    ),
    (
        &["البلغارية", "البلغاري", "بلغاريا", "bulgarian"],
        "Bulgaria",
        "Bulgarian forces",
    ),
    (
        &["الإستونية", "الإستوني", "إستونيا", "estonian"],
        "Estonia",
        "Estonian forces",
    ),
    (
        &["الليتوانية", "الليتواني", "ليتوانيا", "lithuanian"],
        "Lithuania",
        "Lithuanian forces",
    ),
    (
        &["اللاتفية", "اللاتفي", "لاتفيا", "latvian"],
        "Latvia",
        "Latvian forces",
    ),
    (
        &["الإسرائيلية", "الإسرائيلي", "الإسرائيليين", "israeli"],
        "Israel",
        "Israeli forces",
    ),
    (&["قسد", "sdf"], "Syrian Democratic Forces", "SDF"),
    (
        &[
            "الفصائل",
            "المليشيات",
            "الميليشيات",
            "فصائل",
            "مليشيات",
            "ميليشيات",
            "الحشد الشعبي",
            "militias",
        ],
        "Iraqi militias",
        "Iraqi militias",
    ),
];

/// The actor name of nation `i`.
pub fn nation_actor(i: u8) -> &'static str {
    NATIONS[i as usize].1
}

/// The forces name of nation `i` ("Iraqi forces").
pub fn nation_forces(i: u8) -> &'static str {
    NATIONS[i as usize].2
}

fn entries() -> Vec<(&'static str, Lex)> {
    use self::Trigger as T;
    use Lex::*;
    let mut e: Vec<(&'static str, Lex)> = Vec::new();
    let mut add = |words: &[&'static str], lex: Lex| {
        for w in words {
            e.push((w, lex));
        }
    };
    add(
        &[
            "انسحب",
            "انسحبت",
            "انسحبوا",
            "ينسحب",
            "تنسحب",
            "ينسحبون",
            "انسحاب",
            "الانسحاب",
            "سحب",
            "سحبت",
            "سحبوا",
            "يسحب",
            "تسحب",
            "يسحبون",
            "أخلت",
            "أخلى",
            "أخلوا",
            "يخلي",
            "تخلي",
            "إخلاء",
            "إخلائها",
            "غادر",
            "غادرت",
            "غادروا",
            "يغادر",
            "تغادر",
            "يغادرون",
            "مغادرة",
            "خرج",
            "خرجت",
            "خرجوا",
            "يخرج",
            "تخرج",
            "خروج",
            "إخراج",
            "رحيل",
            "أخرج",
            "أخرجت",
            "أخرجوا",
            "تخرج",
            "منسحب",
            "منسحبة",
            "منسحبين",
            "منسحبا",
            "المنسحب",
            "المنسحبة",
            "المنسحبين",
            "غادرتها",
            "غادرها",
            "أخلتها",
            "أخلته",
            "يخلى",
            "تخلى",
            "تخلو",
            "سحبتها",
            "يستقلون",
            "استقلوا",
            "أنهت",
            "أنهى",
            "أنهوا",
            "ينهي",
            "تنهي",
            "إنهاء",
            "withdraw",
            "withdrew",
            "withdrawn",
            "withdrawing",
            "withdrawal",
            "left",
            "leave",
            "leaving",
            "depart",
            "departed",
            "departing",
            "departure",
            "pulled",
            "pullout",
            "evacuated",
            "evacuate",
        ],
        Trigger(T::Withdraw),
    );
    add(
        &[
            "اتجه",
            "اتجهت",
            "اتجهوا",
            "يتجه",
            "تتجه",
            "توجه",
            "توجهت",
            "توجهوا",
            "يتوجه",
            "تتوجه",
            "نقل",
            "نقلت",
            "نقلوا",
            "ينقل",
            "تنقل",
            "انتقل",
            "انتقلت",
            "انتقلوا",
            "ينتقل",
            "تنتقل",
            "ينتقلون",
            "انتقال",
            "تحرك",
            "تحركت",
            "يتحرك",
            "تتحرك",
            "تحركات",
            "عبرت",
            "تعبر",
            "يعبر",
            "يعبرون",
            "سيرت",
            "سيروا",
            "تسيير",
            "عبر رتل",
            "مضى",
            "متجها",
            "متجهة",
            "متجهين",
            "متجهون",
            "متوجها",
            "متوجهة",
            "متوجهين",
            "سلك",
            "سلكت",
            "سالكا",
            "سالكة",
            "دفع",
            "دفعت",
            "يدفع",
            "تدفع",
            "استقدم",
            "استقدمت",
            "أرسل",
            "أرسلت",
            "يرسل",
            "ترسل",
            "انطلق",
            "انطلقت",
            "ينطلق",
            "تنطلق",
            "انطلاق",
            "تقدمت",
            "نقلته",
            "نقلتهم",
            "ينقلوا",
            "اجتاز",
            "اجتازت",
            "اجتازوا",
            "يجتاز",
            "سيجتاز",
            "اجتياز",
            "عبروا",
            "قاصدة",
            "قاصدا",
            "في طريقه",
            "في طريقها",
            "في طريقهم",
            "moved",
            "move",
            "moving",
            "relocated",
            "relocate",
            "relocation",
            "headed",
            "heading",
            "convoy",
        ],
        Trigger(T::Move),
    );
    add(
        &[
            "وصل",
            "وصلت",
            "وصلوا",
            "يصل",
            "تصل",
            "وصول",
            "دخل",
            "دخلت",
            "دخلوا",
            "يدخل",
            "تدخل",
            "دخول",
            "عاد",
            "عادت",
            "عادوا",
            "يعود",
            "تعود",
            "يعودون",
            "عودة",
            "إعادتها",
            "إعادتهم",
            "رجع",
            "رجعت",
            "رجعوا",
            "بلغ",
            "بلغت",
            "يبلغ",
            "تبلغ",
            "ولج",
            "ولجت",
            "أدخل",
            "أدخلت",
            "يدخلها",
            "عائدة",
            "عائدا",
            "عائدين",
            "داخلا",
            "داخلة",
            "داخلين",
            "وصولا",
            "استقرت",
            "استقر",
            "arrived",
            "arriving",
            "arrive",
            "arrival",
            "returned",
            "return",
            "entered",
            // "وجهة الرتل قاعدة حرير": the destination named as a noun.
            "وجهة",
            "الوجهة",
            "وجهته",
            "وجهتها",
            "وجهتهم",
        ],
        Trigger(T::Arrive),
    );
    // A verb of restoring is a redeployment only with a noun of placing after it (أعادت
    // القوات تموضعها، إعادة انتشار); the reading of a sentence drops it otherwise.
    add(
        &[
            "أعاد",
            "أعادت",
            "أعادوا",
            "يعيد",
            "تعيد",
            "يعيدون",
            "نعيد",
            "إعادة",
            "أعيد",
            "أعيدت",
            "يعاد",
            "تعاد",
            "redeployed",
            "redeployment",
            "repositioned",
        ],
        Trigger(T::Redeploy),
    );
    add(
        &[
            "سلم",
            "سلمت",
            "سلموا",
            "يسلم",
            "تسليم",
            "تسليمها",
            "تسليمه",
            "سلمتها",
            "سلمها",
            "يسلمه",
            "يسلمها",
            "سلمه",
            "handed",
            "handover",
        ],
        Trigger(T::HandOver),
    );
    add(
        &[
            "تسلمت",
            "تسلم",
            "تتسلم",
            "يتسلم",
            "تسلمها",
            "تسلمته",
            "استلم",
            "استلمت",
            "استلام",
            "استلامها",
            "took over",
        ],
        Trigger(T::TakeOver),
    );
    add(
        &[
            "استهداف",
            "استهدف",
            "استهدفت",
            "يستهدف",
            "تستهدف",
            "استهدافها",
            "قصف",
            "قصفت",
            "قصفها",
            "يقصف",
            "تقصف",
            "هجوم",
            "هجمات",
            "الهجوم",
            "الهجمات",
            "هاجم",
            "هاجمت",
            "ضربة",
            "ضربات",
            "غارة",
            "غارات",
            "غارتين",
            "غارتان",
            "هجومين",
            "هجومان",
            "ضربتين",
            "ضربتان",
            "أسقطت",
            "أسقط",
            "إسقاط",
            "تحييد",
            "تطهير",
            "تطهيرها",
            "سقطت",
            "سقط",
            "سقطا",
            "سقطتا",
            "سقوط",
            "تفجير",
            "تفجيرا",
            "انفجار",
            "انفجارا",
            "انفجرت",
            "انفجر",
            "هجوما",
            "اعتداء",
            "الاعتداء",
            // Soldiers killed at a place, a leader assassinated near one: an attack there.
            "مقتل",
            "اغتيال",
            "attack",
            "attacked",
            "attacks",
            "struck",
            "strike",
            "rockets",
        ],
        Trigger(T::Attack),
    );
    add(
        &[
            "لا تزال",
            "لا يزال",
            "يظل",
            "تظل",
            "ظلت",
            "يظلون",
            "توجد",
            "يوجد",
            "تتواجد",
            "يتواجد",
            "ما زالت",
            "ما زال",
            "مازالت",
            "مازال",
            "ما زالوا",
            "لا يزالون",
            "بقاء",
            "الإبقاء على",
            "إبقاء",
            "ستبقى",
            "تبقى",
            "يبقى",
            "لم يبق",
            "لم يتبق",
            "تنتشر",
            "ينتشر",
            "ينتشرون",
            "تتمركز",
            "يتمركز",
            "يتمركزون",
            "تتواجد",
            "يتواجدون",
            "سيظل",
            "ستظل",
            "يظل",
            "تظل",
            "يرابط",
            "يرابطون",
            "يخدمون",
            "يخدم",
            "تخدم",
            "ترابط",
            "تتوزع",
            "يتوزع",
            "تتجمع",
            "يتجمع",
            "تجمعت",
            "تجمعوا",
            "نشرت",
            "نشر",
            "ينشر",
            "تنشر",
            "رفعت",
            "رفع",
            "رفعوا",
            "يرفع",
            "ترفع",
            "يحتل",
            "تحتل",
            "أبقى",
            "أبقت",
            "أبقوا",
            "يبقي",
            "تبقي",
            "سيبقي",
            "سيبقى",
            "سيبقون",
            "انتشار",
            "سيطرتها على",
            "سيطرتهم على",
            "سيطرته على",
            "السيطرة على",
            "اتخذت مواقع",
            "يتواجد",
            "يحتفظ",
            "تحتفظ",
            "احتفظ",
            "احتفظت",
            "الاحتفاظ",
            "remain",
            "remained",
            "stay",
        ],
        Trigger(T::Remain),
    );
    add(
        &[
            "من",
            "منها",
            "منه",
            "منهما",
            "from",
            "out of",
            "قادمة من",
            "قادما من",
            "قادمين من",
            "قادم من",
            "القادم من",
            "القادمة من",
            "القادمين من",
            "آتيا من",
            "آتية من",
            "آتين من",
        ],
        Role(self::Role::Origin),
    );
    add(
        &[
            "إلى",
            "الى",
            "نحو",
            "باتجاه",
            "اتجاه",
            "تجاه",
            "صوب",
            "حتى",
            "to",
            "into",
            "toward",
            "towards",
        ],
        Role(self::Role::Destination),
    );
    add(
        &[
            "عبر",
            "مرورا",
            "مروراً",
            "عن طريق",
            "من خلال",
            "via",
            "through",
            // A stop on the way: "بعد أن توقفت في قاعدة X".
            "توقف",
            "توقفت",
            "توقفوا",
            "توقفتا",
            "توقفا",
            "يتوقف",
            "تتوقف",
            "متوقفا",
            "متوقفة",
        ],
        Role(self::Role::Via),
    );
    add(
        &["في", "داخل", "in", "at", "on"],
        Role(self::Role::Location),
    );
    add(
        &[
            "قرب",
            "بالقرب من",
            "القريبة من",
            "القريب من",
            "قريبة من",
            "قريب من",
            "بجوار",
            "محيط",
            "بمحاذاة",
            "near",
            "close to",
        ],
        Role(self::Role::Near),
    );
    add(
        &[
            "المتمركزة",
            "المتمركزين",
            "المتمركز",
            "المنتشرة",
            "المنتشرين",
            "المنتشر",
            "الموجودة",
            "الموجودين",
            "الموجود",
            "المتواجدة",
            "المتواجدين",
            "العاملة",
            "العاملين",
            "المرابطة",
            "المرابطين",
            "موزعين",
            "موزعة",
            "موزعا",
            // Took position (past): "انسحبت من Y وتمركزت في X" is where it went.
            "تمركزت",
            "تمركزوا",
            "تموضعت",
            "تموضعوا",
            "متمركزة",
            "متمركزين",
            "متمركزا",
            "منتشرة",
            "منتشرين",
            "موجودة",
            "موجودين",
            "موجودون",
            "متواجدة",
            "متواجدين",
            "متواجدون",
            "stationed",
            "based",
        ],
        Stationed,
    );
    add(
        &[
            "الواقعة",
            "الواقع",
            "التابعة",
            "التابع",
            "الكائنة",
            "يقابله",
            "يقابلها",
            "قبالة",
            "مقابل",
            "located",
        ],
        Locator,
    );
    add(
        &[
            "شمال",
            "جنوب",
            "شرق",
            "غرب",
            "شمالي",
            "جنوبي",
            "شرقي",
            "غربي",
            "وسط",
            "north",
            "south",
            "east",
            "west",
        ],
        Direction,
    );
    add(&["ريف", "ريفي", "أطراف", "ضواحي"], Countryside);
    add(
        &[
            "الواصل",
            "الواصلة",
            "المؤدي",
            "المؤدية",
            "الرابط",
            "الرابطة",
        ],
        PathNext,
    );
    add(&["تمهيدا", "تمهيداً", "استعدادا", "in preparation"], Purpose);
    add(
        &[
            "كما",
            "فيما",
            "بينما",
            "بالإضافة",
            "بالإضافة إلى",
            "إضافة إلى",
            "إضافة",
            "كذلك",
            "أيضا",
            "في حين",
        ],
        FrameBreak,
    );
    add(
        &[
            "رسالة",
            "بيان",
            "مصدر",
            "مصادر",
            "وفد",
            "تصريح",
            "تصريحات",
            "اتصال",
            "مسؤول",
            "مسؤولين",
            "متحدث",
            "مراسل",
            "مراسلنا",
            "مراسلة",
            "مراسلو",
            "شهود",
            "ناشطون",
            "ناشطين",
            "قال",
            "وكالة",
            "قناة",
            "صحيفة",
            "نقلا",
            "نقلاً",
            "جزءا",
            "جزء",
            "بعضا",
            "عددا",
            "عدد",
            "حماية",
            "مكونة",
            "مؤلف",
            "مؤلفة",
            "مكون",
            "المدعومة",
            "المدعوم",
            "مدعومة",
            "مدعوم",
            "بدعم",
            "بزعامة",
            "بقيادة",
            "بتمويل",
        ],
        Source,
    );
    add(
        &[
            "قوات",
            "القوات",
            "قواتها",
            "قواته",
            "قواتهما",
            "قواتهم",
            "الجيش",
            "جيش",
            "الجنود",
            "جنود",
            "العسكريين",
            "عسكريين",
            "الكتيبة",
            "كتيبة",
            "كتيبتها",
            "وحدات",
            "الوحدات",
            "القوة",
            "قوة",
            "الرتل",
            "رتل",
            "رتلا",
            "رتلان",
            "رتلين",
            "الجانب",
            "قافلة",
            "قوافل",
            "دورية",
            "دوريات",
            "الأرتال",
            "أرتال",
            "troops",
            "forces",
            "soldiers",
        ],
        Force,
    );
    add(&["التحالف", "التحالف الدولي", "coalition"], Coalition);
    add(
        &[
            "معدات",
            "عتاد",
            "تعزيزات",
            "إمدادات",
            "تجهيزات",
            "لوجستية",
            "طائرات",
            "طائرة",
            "مروحيات",
            "مروحية",
            "مقاتلات",
            // Duals: "هبطت طائرتان روسيتان"، "مروحيتين أمريكيتين".
            "طائرتان",
            "طائرتين",
            "مروحيتان",
            "مروحيتين",
            "مقاتلتان",
            "مقاتلتين",
            "equipment",
            "supplies",
            "reinforcements",
        ],
        Cargo,
    );
    add(
        &["تابعة", "تابع", "تابعين", "التابعة", "التابع", "التابعين"],
        Belonging,
    );
    add(
        &[
            "شاحنة",
            "شاحنات",
            "آلية",
            "آليات",
            "عربة",
            "عربات",
            "مركبة",
            "مركبات",
            "مدرعة",
            "مدرعات",
            "دبابة",
            "دبابات",
            "دبابتان",
            "دبابتين",
            "سيارة",
            "سيارات",
            "صهريج",
            "صهاريج",
            "ناقلة",
            "ناقلات",
            "حافلة",
            "حافلات",
            "عجلة",
            "عجلات",
            "trucks",
            "vehicles",
            "lorries",
        ],
        Vehicles,
    );
    add(
        &[
            "جندي",
            "جنديا",
            "جنود",
            "عسكري",
            "عسكريا",
            "عسكريين",
            "عسكريون",
            "مقاتل",
            "مقاتلا",
            "مقاتلين",
            "عنصر",
            "عنصرا",
            "عناصر",
            "فرد",
            "أفراد",
            "مستشار",
            "مستشارا",
            "مستشارين",
            "troops",
            "soldiers",
            "personnel",
            "marines",
        ],
        Personnel,
    );
    add(
        &[
            "نحو",
            "حوالي",
            "حوالى",
            "قرابة",
            "زهاء",
            "ما يقارب",
            "تقريبا",
            "قرابه",
            "around",
            "about",
            "approximately",
            "some",
        ],
        Qualify(Qualifier::About),
    );
    add(
        &[
            "أكثر من",
            "ما يزيد عن",
            "ما يزيد على",
            "أزيد من",
            "ما لا يقل عن",
            "more than",
            "over",
            "at least",
        ],
        Qualify(Qualifier::AtLeast),
    );
    add(&["عشرات", "dozens"], Qualify(Qualifier::Dozens));
    add(&["مئات", "hundreds"], Qualify(Qualifier::Hundreds));
    add(
        &["عدد من", "عددا من", "بعض", "بعضا من", "عدد", "several"],
        Qualify(Qualifier::Some),
    );
    add(
        &[
            "القاعدة",
            "هذه القاعدة",
            "القاعدة العسكرية",
            "منها",
            "منه",
            "منهما",
            "فيها",
            "عليها",
            "the base",
            "إليها",
            "إليه",
            "المعسكر",
            "الموقع",
            "المطار",
            "المعبر",
            "المنفذ",
            "الحقل",
            "المدينة",
            "البلدة",
            "القاعدتين",
            "القاعدتان",
            "الموقعين",
            "الموقعان",
            "موقعيها",
            "موقعيه",
            "قاعدتيها",
        ],
        Anaphor,
    );
    add(
        &[
            "قاعدة",
            "قاعدتها",
            "قاعدته",
            "قاعدتي",
            "قاعدتين",
            "قواعد",
            "مطار",
            "معبر",
            "منفذ",
            "حقل",
            "حقلي",
            "حقول",
            "قرية",
            "بلدة",
            "مدينة",
            "قريتي",
            "بلدتي",
            "مدينتي",
            "بلدات",
            "قرى",
            "ناحية",
            "محافظة",
            "منطقة",
            "مخيم",
            "معسكر",
            "حامية",
            "إقليم",
            "مقر",
            "مقرات",
            "مواقع",
            "موقع",
            "موقعا",
            "المعسكر",
            "الموقع",
            "المطار",
            "مناطق",
            "الأراضي",
        ],
        PlaceNoun,
    );
    add(
        &[
            "أنهت وجودها",
            "أنهت وجودها في",
            "ended their presence",
            "presence on",
        ],
        EndPresence,
    );
    add(
        &[
            "صاروخ",
            "صواريخ",
            "صاروخين",
            "قذيفة",
            "قذائف",
            "كاتيوشا",
            "مسيرة",
            "مسيرات",
        ],
        Weapon,
    );
    add(
        &[
            "بدأت",
            "بدأ",
            "تبدأ",
            "يبدأ",
            "جارية",
            "مستمرة",
            "تستمر",
            "يستمر",
            "تتواصل",
            "متواصلة",
            "يجري",
            "تجري",
            "جار",
            "سير",
            "في طريقه",
            "في طريقها",
            "في طريقهم",
            "underway",
            "ongoing",
        ],
        InProgress,
    );
    add(
        &[
            "كاذب",
            "كاذبة",
            "نفى",
            "نفت",
            "ينفي",
            "تنفي",
            "نفي",
            "عار عن الصحة",
            "لا أساس له",
            "غير صحيح",
            "غير صحيحة",
            "مفبرك",
            "مفبركة",
            "denied",
            "denies",
            "false",
        ],
        Denied,
    );
    add(
        &[
            "تعتزم",
            "يعتزم",
            "تنوي",
            "ينوي",
            "من المقرر",
            "من المتوقع",
            "تخطط",
            "يخطط",
            "قررت",
            "قرر",
            "سيكون",
            "ستكون",
            "سيتم",
            "ستتم",
            "سوف",
            "تدرس",
            "يدرس",
            "خيارات",
            "ينتظر أن",
            "يرتقب أن",
            "يرتقب",
            "ستبدأ",
            "سيبدأ",
            "خطة",
            "المقبلة",
            "المقبلين",
            "المقبل",
            "will",
            "scheduled",
            "plans",
            "planned",
        ],
        Planned,
    );
    add(
        &[
            "وزارة",
            "وزير",
            "وزيرة",
            "حكومة",
            "رئيس",
            "رئيسة",
            "برلمان",
            "سلطات",
            "مديرية",
            "الدفاع",
            "الخارجية",
            "ministry",
            "government",
        ],
        Office,
    );
    add(
        &[
            "الشهر",
            "العام",
            "عام",
            "السنة",
            "الأسبوع",
            "اليوم",
            "الأيام",
            "أيام",
            "أشهر",
            "شهرين",
            "الساعات",
            "ساعات",
            "بداية",
            "نهاية",
            "منتصف",
            "قبل",
            "بعد",
            "وقت",
            "تواجدها",
            "تواجده",
            "وجودها",
            "وجوده",
        ],
        Time,
    );
    add(
        &[
            "معتقل",
            "معتقلا",
            "معتقلين",
            "معتقلون",
            "المعتقلين",
            "معتقلي",
            "محتجزي",
            // A company's staff and contractors are civilians.
            "موظفي",
            "موظفيها",
            "موظفيه",
            "موظفين",
            "الموظفين",
            "متعاقدين",
            "المتعاقدين",
            "نازحي",
            "سجين",
            "سجينا",
            "سجناء",
            "السجناء",
            "محتجز",
            "محتجزين",
            "المحتجزين",
            "أسرى",
            "الأسرى",
            "عائلة",
            "عائلات",
            "العائلات",
            "أسرة",
            "الأسر",
            "نازح",
            "نازحين",
            "النازحين",
            "لاجئ",
            "لاجئين",
            "اللاجئين",
            "مدنيين",
            "المدنيين",
            "رعايا",
            "رعاياها",
            "رعاياه",
            "مواطنيه",
            "مواطنيها",
            "قاطني",
            "سكان",
            "الأهالي",
            "أهالي",
            "prisoners",
            "detainees",
            "refugees",
            "civilians",
            "families",
        ],
        Civilian,
    );
    add(
        &[
            "وزير",
            "وزيرة",
            "سفير",
            "سفيرة",
            "رئيس",
            "وفد",
            "مبعوث",
            // Officials and emergency crews going to where an attack struck are no force.
            "محافظ",
            "الدفاع المدني",
            "فرق الدفاع المدني",
            "فرق الإنقاذ",
            "سيارات الإسعاف",
            "الهدوء",
            "المعارك",
            "الاشتباكات",
            "المفاوضات",
            "المحادثات",
            "مظاهرات",
            "الاحتجاجات",
            "minister",
            "ambassador",
            "delegation",
            "envoy",
        ],
        Bystander,
    );
    let numbers: &[(&[&'static str], u32)] = &[
        (&["واحد", "واحدة"], 1),
        (&["اثنان", "اثنين", "اثنتين"], 2),
        (&["ثلاث", "ثلاثة"], 3),
        (&["أربع", "أربعة"], 4),
        (&["خمس", "خمسة"], 5),
        (&["ست", "ستة"], 6),
        (&["سبع", "سبعة"], 7),
        (&["ثماني", "ثمانية", "ثمان"], 8),
        (&["تسع", "تسعة"], 9),
        (&["عشر", "عشرة"], 10),
        (&["عشرون", "عشرين"], 20),
        (&["ثلاثون", "ثلاثين"], 30),
        (&["أربعون", "أربعين"], 40),
        (&["خمسون", "خمسين"], 50),
        (&["ستون", "ستين"], 60),
        (&["سبعون", "سبعين"], 70),
        (&["ثمانون", "ثمانين"], 80),
        (&["تسعون", "تسعين"], 90),
        (&["مئة", "مائة"], 100),
        (&["مئتين", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي"], 200),
        (&["ثلاثمئة", "ثلاثمائة"], 300),
        (&["أربعمئة", "أربعمائة"], 400),
        (&["خمسمئة", "خمسمائة"], 500),
        (&["ألف", "الف"], 1000),
        (&["ألفين", "ألفا", "ألفي"], 2000),
    ];
    for (words, n) in numbers {
        for w in *words {
            e.push((w, Number(*n)));
        }
    }
    e
}

/// Verbs of motion by their stems: (past, third person masculine singular; present, without
/// its prefix), conjugated by [`conjugations`]. Only verbs whose forms follow the stems
/// regularly are here (sound, hollow and doubled roots: سار/يسير، مرّ/يمرّ); verbs with a weak
/// last letter (أخلى/يخلي) are listed form by form in [`entries`].
const VERBS: &[(&str, &str, Trigger)] = &[
    ("انسحب", "نسحب", Trigger::Withdraw),
    ("سحب", "سحب", Trigger::Withdraw),
    ("غادر", "غادر", Trigger::Withdraw),
    ("خرج", "خرج", Trigger::Withdraw),
    ("أخرج", "خرج", Trigger::Withdraw),
    ("اتجه", "تجه", Trigger::Move),
    ("توجه", "توجه", Trigger::Move),
    ("نقل", "نقل", Trigger::Move),
    ("انتقل", "نتقل", Trigger::Move),
    ("تحرك", "تحرك", Trigger::Move),
    ("سلك", "سلك", Trigger::Move),
    ("سار", "سير", Trigger::Move),
    ("مر", "مر", Trigger::Move),
    ("توغل", "توغل", Trigger::Arrive),
    ("دفع", "دفع", Trigger::Move),
    ("أرسل", "رسل", Trigger::Move),
    ("انطلق", "نطلق", Trigger::Move),
    ("استقدم", "ستقدم", Trigger::Move),
    ("اجتاز", "جتاز", Trigger::Move),
    ("شحن", "شحن", Trigger::Move),
    // Going on one's way ("أكمل طريقه إلى"، "واصلت سيرها نحو"): a verb of motion only with the
    // way after it (واصل alone goes on with anything), which the frames check
    // (`reading::goes_on`).
    ("أكمل", "كمل", Trigger::Move),
    ("واصل", "واصل", Trigger::Move),
    ("تابع", "تابع", Trigger::Move),
    ("وصل", "صل", Trigger::Arrive),
    ("دخل", "دخل", Trigger::Arrive),
    ("أدخل", "دخل", Trigger::Arrive),
    ("عاد", "عود", Trigger::Arrive),
    ("رجع", "رجع", Trigger::Arrive),
    ("بلغ", "بلغ", Trigger::Arrive),
    // Joining others where they are: "التحق آخرون بزملائهم في X"، "لحقت بالرتل في X".
    ("التحق", "لتحق", Trigger::Arrive),
    ("لحق", "لحق", Trigger::Arrive),
    ("انضم", "نضم", Trigger::Arrive),
    // Aircraft: take off from, land in.
    ("أقلع", "قلع", Trigger::Withdraw),
    ("هبط", "هبط", Trigger::Arrive),
    ("حط", "حط", Trigger::Arrive),
];

/// The verbs of [`VERBS`] whose object is what is moved or the place left, written with an
/// object pronoun too (نقلتها، استقدمتها، غادروها). Not those whose forms with a pronoun are
/// other words (بلغه "told him", عاده).
const TRANSITIVE: &[&str] = &[
    "سحب",
    "غادر",
    "أخرج",
    "نقل",
    "دفع",
    "أرسل",
    "استقدم",
    "اجتاز",
    "شحن",
    "أدخل",
    "سلك",
];

/// Verbal nouns of motion, whose possessed forms (انسحابها، مغادرتهم، وصوله) are generated by
/// [`possessed`]: "بعد مغادرتهم قاعدة X" leaves X as "مغادرة" does.
const VERBAL_NOUNS: &[(&str, Trigger)] = &[
    ("انسحاب", Trigger::Withdraw),
    ("سحب", Trigger::Withdraw),
    ("مغادرة", Trigger::Withdraw),
    ("خروج", Trigger::Withdraw),
    ("إخراج", Trigger::Withdraw),
    ("رحيل", Trigger::Withdraw),
    ("انتقال", Trigger::Move),
    ("نقل", Trigger::Move),
    ("شحن", Trigger::Move),
    ("تحرك", Trigger::Move),
    ("توجه", Trigger::Move),
    ("انطلاق", Trigger::Move),
    ("اجتياز", Trigger::Move),
    ("إرسال", Trigger::Move),
    ("وصول", Trigger::Arrive),
    ("دخول", Trigger::Arrive),
    ("عودة", Trigger::Arrive),
    ("إقلاع", Trigger::Withdraw),
    ("هبوط", Trigger::Arrive),
];

/// The forms of [`VERBAL_NOUNS`] with a possessive pronoun (its, his, their, their two); ة
/// becomes ت before it (مغادرة → مغادرتها).
fn possessed() -> Vec<(String, Lex)> {
    let mut forms = Vec::new();
    for &(noun, trigger) in VERBAL_NOUNS {
        let stem = match noun.strip_suffix('ة') {
            Some(s) => format!("{s}ت"),
            None => noun.to_owned(),
        };
        for pronoun in ["ها", "ه", "هم", "هما"] {
            forms.push((format!("{stem}{pronoun}"), Lex::Trigger(trigger)));
        }
    }
    forms
}

/// The finite forms of [`VERBS`] that news reports use: past (he, she or a plural of things,
/// they) and present (he, she, they, and we where it is no noun); the future prefix is added to every word when the
/// lexicon is expanded.
fn conjugations() -> Vec<(String, Lex)> {
    let mut forms = Vec::new();
    for &(past, present, trigger) in VERBS {
        let lex = Lex::Trigger(trigger);
        let written = [
            past.to_owned(),
            format!("{past}ت"),
            format!("{past}وا"),
            // Two aircraft, two vehicles: "أقلعتا"، "حطتا".
            format!("{past}تا"),
            format!("ي{present}"),
            format!("ت{present}"),
            format!("ي{present}ون"),
        ];
        forms.extend(written.into_iter().map(|w| (w, lex)));
        // "تعزيزات استقدمتها من ريف حلب": with the thing moved as a pronoun.
        if TRANSITIVE.contains(&past) {
            for subject in [past.to_owned(), format!("{past}ت"), format!("{past}و")] {
                for object in ["ها", "ه", "هم", "هما"] {
                    forms.push((format!("{subject}{object}"), lex));
                }
            }
        }
        // "We" of a two-letter stem is a noun as often as a verb (نمر, a tiger and a name).
        if present.chars().count() >= 3 {
            forms.push((format!("ن{present}"), lex));
        }
    }
    forms
}

/// A phrase: its words and their meanings.
type Phrase = (Vec<String>, Meanings);

/// The meanings of a listed word or phrase, with their kinds (see [`Lex::kind_bit`]) worked
/// out once, not for every word of every article.
#[derive(Debug, Default)]
pub struct Meanings {
    lex: Vec<Lex>,
    kinds: u64,
}

impl Meanings {
    fn new(lex: Vec<Lex>) -> Meanings {
        let kinds = lex.iter().fold(0, |k, l| k | l.kind_bit());
        Meanings { lex, kinds }
    }

    pub fn lex(&self) -> &[Lex] {
        &self.lex
    }

    /// The [`Lex::kind_bit`]s of the meanings.
    pub fn kinds(&self) -> u64 {
        self.kinds
    }
}

/// What a word not in the lexicon means.
static NOTHING: Meanings = Meanings {
    lex: Vec::new(),
    kinds: 0,
};

/// The lexicon: normalised word or phrase → meanings.
///
/// Every written form of a listed word (as listed, after a proclitic, with the article, with a
/// possessive suffix) is expanded when the lexicon is built, so reading a word of an article
/// costs one hash lookup whatever its spelling.
pub struct Lexicon {
    forms: HashMap<String, Form>,
    /// Meanings of the listed single words.
    meanings: Vec<Meanings>,
    phrases: Vec<Phrase>,
}

/// What one written form of a word can be.
#[derive(Debug, Default)]
pub struct Form {
    /// The listed word it is a form of (index into `meanings`) and the length in bytes of the
    /// proclitic glued to its front.
    word: Option<(u32, u8)>,
    /// Phrases that may start with it (indices into `phrases`), in the order they are tried.
    phrase_starts: Vec<u32>,
}

/// The article, alone or after a proclitic: "السيارات", "بالشاحنات".
const ARTICLES: [&str; 5] = ["ال", "وال", "بال", "فال", "كال"];
/// Possessive suffixes on a noun: "عناصرها", "مقراته".
const POSSESSIVES: [&str; 5] = ["هما", "هم", "ها", "نا", "ه"];

/// The shared lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: HashMap<String, Vec<Lex>> = HashMap::default();
        let mut phrases: HashMap<Vec<String>, Vec<Lex>> = HashMap::default();
        // The meanings of a word or phrase, as they are gathered.
        fn slot<'m>(
            words: &'m mut HashMap<String, Vec<Lex>>,
            phrases: &'m mut HashMap<Vec<String>, Vec<Lex>>,
            text: &str,
        ) -> &'m mut Vec<Lex> {
            let norm = arabic::normalize_name(text);
            let parts: Vec<String> = norm.split(' ').map(str::to_owned).collect();
            if parts.len() == 1 {
                words.entry(norm).or_default()
            } else {
                phrases.entry(parts).or_default()
            }
        }
        let listed = entries().into_iter().map(|(t, l)| (t.to_owned(), l));
        let all = listed.chain(conjugations()).chain(possessed());
        for (text, lex) in all {
            let slot = slot(&mut words, &mut phrases, &text);
            if !slot.contains(&lex) {
                slot.push(lex);
            }
        }
        for (i, (forms, _, _)) in NATIONS.iter().enumerate() {
            // Adjectives come with and without the article: الإيراني / إيراني.
            let bare = forms.iter().filter_map(|f| {
                let rest = f.strip_prefix("ال")?;
                (!rest.contains(' ') && rest.chars().count() >= 4).then_some(rest)
            });
            for f in forms.iter().copied().chain(bare) {
                slot(&mut words, &mut phrases, f).push(Lex::Nation(i as u8));
                // The plural in the subject case: الإيطاليين → الإيطاليون.
                if let Some(stem) = f.strip_suffix("يين") {
                    let nominative = format!("{stem}يون");
                    slot(&mut words, &mut phrases, &nominative).push(Lex::Nation(i as u8));
                }
                // The dual of an adjective of relation: أمريكي → أمريكيان، أمريكية → أمريكيتان.
                let dual = if let Some(stem) = f.strip_suffix("ية") {
                    Some(format!("{stem}يتان"))
                } else if f.ends_with('ي') && !f.contains(' ') {
                    Some(format!("{f}ان"))
                } else {
                    None
                };
                if let Some(dual) = dual {
                    slot(&mut words, &mut phrases, &dual).push(Lex::Nation(i as u8));
                }
            }
        }
        let mut words: Vec<(String, Vec<Lex>)> = words.into_iter().collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        let mut phrases: Vec<Phrase> = phrases
            .into_iter()
            .map(|(words, lex)| (words, Meanings::new(lex)))
            .collect();
        // Longest first, so the longest phrase that fits is found first.
        phrases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Lexicon {
            forms: expand(&words, &phrases),
            meanings: words.into_iter().map(|(_, l)| Meanings::new(l)).collect(),
            phrases,
        }
    })
}

/// All written forms of the listed words and phrase starts. A form that several rules make
/// keeps the first rule's reading, in the order: as listed, proclitic, article, suffix.
fn expand(words: &[(String, Vec<Lex>)], phrases: &[Phrase]) -> HashMap<String, Form> {
    let mut forms: HashMap<String, Form> = HashMap::default();
    let mut add = |form: String, ix: usize, glue: usize| {
        forms
            .entry(form)
            .or_default()
            .word
            .get_or_insert((ix as u32, glue as u8));
    };
    let long = |w: &str, n: usize| w.chars().count() >= n;
    for (ix, (w, _)) in words.iter().enumerate() {
        add(w.clone(), ix, 0);
    }
    // The proclitics of names, and the future prefix of verbs, alone or after a conjunction:
    // "وانسحبت", "ستنسحب", "وستنسحب".
    for p in arabic::PROCLITICS.into_iter().chain(["س", "وس", "فس"]) {
        for (ix, (w, _)) in words.iter().enumerate() {
            if long(w, 2) {
                add([p, w].concat(), ix, p.len());
            }
        }
        // ل + ال → لل: "للانسحاب" is ل + "الانسحاب".
        if p.ends_with('ل') {
            for (ix, (w, _)) in words.iter().enumerate() {
                if let Some(rest) = w.strip_prefix('ا').filter(|r| r.starts_with('ل')) {
                    if long(rest, 2) {
                        add([p, rest].concat(), ix, p.len());
                    }
                }
            }
        }
    }
    // Not for verbs: a verb never takes the article, and "طائرات النقل" is transport, not a
    // transfer (the verbal nouns that do act with it, "الانسحاب", are listed as written).
    for p in ARTICLES {
        for (ix, (w, l)) in words.iter().enumerate() {
            if long(w, 3) && !l.iter().any(|x| matches!(x, Lex::Trigger(_))) {
                add([p, w].concat(), ix, p.len() - "ال".len());
            }
        }
    }
    for s in POSSESSIVES {
        for (ix, (w, l)) in words.iter().enumerate() {
            let noun = l.iter().all(|x| {
                matches!(
                    x,
                    Lex::Personnel | Lex::Force | Lex::PlaceNoun | Lex::Vehicles
                )
            });
            if long(w, 3) && noun {
                add([w, s].concat(), ix, 0);
            }
        }
    }
    // A phrase's first word may carry one proclitic of its own.
    let mut starts: HashMap<&str, Vec<u32>> = HashMap::default();
    for (ix, (parts, _)) in phrases.iter().enumerate() {
        starts.entry(parts[0].as_str()).or_default().push(ix as u32);
    }
    let mut keys: Vec<String> = starts.keys().map(|k| k.to_string()).collect();
    for k in starts.keys() {
        keys.extend(arabic::GLUE.map(|p| [p, k].concat()));
    }
    for key in keys {
        let stripped = strip_glue(&key);
        let mut list = starts.get(key.as_str()).cloned().unwrap_or_default();
        if stripped != key {
            list.extend(starts.get(stripped).into_iter().flatten());
        }
        if !list.is_empty() {
            forms.entry(key).or_default().phrase_starts = list;
        }
    }
    forms
}

impl Lexicon {
    /// The form `word` (normalised) is of, if any listed word or phrase start has it.
    pub fn form(&self, word: &str) -> Option<&Form> {
        self.forms.get(word)
    }

    /// The meanings of one normalised word, trying it as written, then without a proclitic,
    /// then without the article. Returns the meanings and the proclitic that was glued on.
    pub fn word<'w>(&self, word: &'w str) -> (&Meanings, &'w str) {
        self.meanings_of(self.form(word), word)
    }

    /// [`Lexicon::word`] for a form already looked up.
    pub fn meanings_of<'w>(&self, form: Option<&Form>, word: &'w str) -> (&Meanings, &'w str) {
        match form.and_then(|f| f.word) {
            Some((ix, glue)) => (&self.meanings[ix as usize], &word[..glue as usize]),
            None => (&NOTHING, ""),
        }
    }

    /// The longest phrase starting at `words[0]`: its length in words and meanings.
    pub fn phrase(&self, words: &[&str]) -> Option<(usize, &Meanings)> {
        self.phrase_of(self.form(words.first()?), words)
    }

    /// How many words the longest listed phrase has.
    pub fn longest_phrase(&self) -> usize {
        // Phrases are sorted longest first.
        self.phrases.first().map_or(1, |(parts, _)| parts.len())
    }

    /// [`Lexicon::phrase`] for the first word's form, already looked up.
    pub fn phrase_of(&self, form: Option<&Form>, words: &[&str]) -> Option<(usize, &Meanings)> {
        form?.phrase_starts.iter().find_map(|&ix| {
            let (parts, lex) = &self.phrases[ix as usize];
            let n = parts.len();
            (words.len() >= n
                && parts
                    .iter()
                    .zip(words)
                    // A word with a proclitic ends with the listed word: test that first.
                    .all(|(p, w)| p == w || w.ends_with(p.as_str()) && strip_glue(w) == p))
            .then_some((n, lex))
        })
    }
}

impl Form {
    /// Whether some phrase may start with this form.
    pub fn starts_phrase(&self) -> bool {
        !self.phrase_starts.is_empty()
    }
}

/// A word without one leading proclitic (و ف ب ل), for matching the first word of a phrase.
fn strip_glue(w: &str) -> &str {
    arabic::strip_glue(w, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, lex: Lex) -> bool {
        let n = arabic::normalize_name(word);
        lexicon().word(&n).0.lex().contains(&lex)
    }

    #[test]
    fn words_are_found_through_spelling_and_proclitics() {
        assert!(has("انسحبت", Lex::Trigger(Trigger::Withdraw)));
        assert!(has("وانسحبت", Lex::Trigger(Trigger::Withdraw)));
        assert!(has("بإخلاء", Lex::Trigger(Trigger::Withdraw)));
        assert!(has("للانسحاب", Lex::Trigger(Trigger::Withdraw)));
        assert!(has("سينتقلون", Lex::Trigger(Trigger::Move)));
        assert!(has("الاميركية", Lex::Nation(0)));
        assert!(has("باتجاه", Lex::Role(Role::Destination)));
        assert!(has("شاحنة", Lex::Vehicles));
        assert!(!has("القوات", Lex::Trigger(Trigger::Move)));
    }

    #[test]
    fn expanded_forms_keep_the_rules_and_their_order() {
        let lex = lexicon();
        let word = |w: &str| {
            let n = arabic::normalize_name(w);
            let (l, glue) = lex.word(&n);
            (l.lex().to_vec(), glue.to_owned())
        };
        // The proclitic glued on is returned with the meanings.
        assert_eq!(word("وانسحبت").1, "و");
        assert_eq!(word("للانسحاب").1, "ل");
        // The article, after a proclitic: the proclitic is the glue, not the article.
        let (l, glue) = word("بالشاحنات");
        assert!(l.contains(&Lex::Vehicles));
        assert_eq!(glue, "ب");
        // A possessive suffix on a noun, but not on a verb.
        assert!(
            word("عناصرها").0.contains(&Lex::Personnel) || word("عناصرها").0.contains(&Lex::Force)
        );
        assert!(word("انسحبها").0.is_empty());
        // A verb never takes the article: "النقل" is transport.
        assert!(!word("النقل").0.contains(&Lex::Trigger(Trigger::Move)));
        // A word listed as written wins over reading it as proclitic + word.
        assert_eq!(word("قوات").1, "");
        // Words that are none of these have no meaning.
        assert_eq!(word("الطقس"), (Vec::new(), String::new()));
        // A phrase may start with a glued proclitic.
        let words = ["ولا", "تزال"];
        assert!(lex
            .phrase(&words)
            .is_some_and(|(n, l)| n == 2 && l.lex().contains(&Lex::Trigger(Trigger::Remain))));
    }

    #[test]
    fn phrases_match_word_lists() {
        let lex = lexicon();
        let words = ["بالقرب", "من", "الحسكه"];
        let (n, l) = lex.phrase(&words).unwrap();
        assert_eq!(n, 2);
        assert!(l.lex().contains(&Lex::Role(Role::Near)));
        let words = ["لا", "تزال", "موجوده"];
        assert!(lex
            .phrase(&words)
            .unwrap()
            .1
            .lex()
            .contains(&Lex::Trigger(Trigger::Remain)));
    }
}
