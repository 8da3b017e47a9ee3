//! The words a map writes round its features: title, legend, scale bar, north arrow, degrees
//! and attribution, in English or in Arabic (`--labels ar` makes the whole map Arabic).

use super::Labels;

/// The map's furniture words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Words {
    /// Arabic: the page is laid out right to left (legend on the left, text on the right).
    pub rtl: bool,
}

impl Words {
    /// Arabic for `--labels ar`, English otherwise (`both` keeps English furniture).
    pub fn of(labels: Labels) -> Words {
        Words {
            rtl: labels == Labels::Ar,
        }
    }

    fn pick(self, en: &'static str, ar: &'static str) -> &'static str {
        if self.rtl {
            ar
        } else {
            en
        }
    }

    /// The title when none is given.
    pub fn default_title(self) -> &'static str {
        self.pick("convoy: troop movements", "تحركات القوات · convoy")
    }

    /// The credit line every map carries.
    pub fn attribution(self) -> &'static str {
        self.pick(
            "Basemap: Made with Natural Earth · Places: convoy gazetteer (GeoNames CC BY 4.0, \
             OurAirports, Wikipedia) · Fonts: Noto (OFL)",
            "الخريطة الأساسية: Natural Earth · الأماكن: معجم convoy (GeoNames CC BY 4.0، \
             OurAirports، ويكيبيديا) · الخطوط: Noto (OFL)",
        )
    }

    pub fn nothing_found(self) -> &'static str {
        self.pick("no movements found", "لم يُعثر على تحركات")
    }

    pub fn dates_not_stated(self) -> &'static str {
        self.pick("dates not stated", "التواريخ غير مذكورة")
    }

    /// "5 articles", "مقال واحد", "5 مقالات".
    pub fn articles(self, n: usize) -> String {
        match (self.rtl, n) {
            (false, 1) => "1 article".to_owned(),
            (false, n) => format!("{n} articles"),
            (true, 1) => "مقال واحد".to_owned(),
            (true, 2) => "مقالان".to_owned(),
            (true, 3..=10) => format!("{n} مقالات"),
            (true, n) => format!("{n} مقالًا"),
        }
    }

    /// A graticule line's degrees: "36°E"; in Arabic with the hemisphere's letter, as Arabic
    /// atlases write them (ش north, ج south, ق east, غ west): "36° ق".
    pub fn degrees(self, value: f64, meridian: bool) -> String {
        let a = value.abs();
        let n = if a.fract() == 0.0 {
            format!("{a:.0}")
        } else {
            format!("{a:.1}")
        };
        let hemisphere = match (meridian, value < 0.0) {
            (true, false) => self.pick("E", " ق"),
            (true, true) => self.pick("W", " غ"),
            (false, false) => self.pick("N", " ش"),
            (false, true) => self.pick("S", " ج"),
        };
        format!("{n}°{hemisphere}")
    }

    /// The scale bar's unit.
    pub fn km(self) -> &'static str {
        self.pick("km", "كم")
    }

    /// The letter at the north arrow's tip.
    pub fn north(self) -> &'static str {
        self.pick("N", "ش")
    }

    pub fn movements_heading(self) -> &'static str {
        self.pick("Movements, by who moved", "التحركات، حسب الجهة")
    }

    /// An actor's name as the legend writes it: the lexicon's actors in Arabic too.
    pub fn actor(self, name: Option<&str>) -> String {
        let Some(name) = name else {
            return self.pick("actor not stated", "الجهة غير مذكورة").to_owned();
        };
        if !self.rtl {
            return name.to_owned();
        }
        ACTORS_AR
            .iter()
            .find(|(en, _)| *en == name)
            .map_or(name, |(_, ar)| ar)
            .to_owned()
    }

    pub fn vehicles_heading(self) -> &'static str {
        self.pick("Vehicles stated", "عدد الآليات المذكور")
    }

    /// "1 vehicle", "50 vehicles", "50 آلية".
    pub fn vehicles(self, n: u32) -> String {
        match (self.rtl, n) {
            (false, 1) => "1 vehicle".to_owned(),
            (false, n) => format!("{n} vehicles"),
            (true, 1) => "آلية واحدة".to_owned(),
            (true, 2) => "آليتان".to_owned(),
            (true, 3..=10) => format!("{n} آليات"),
            (true, n) => format!("{n} آلية"),
        }
    }

    pub fn trips_heading(self) -> &'static str {
        self.pick("Trips along one route", "رحلات على المسار نفسه")
    }

    /// "1 trip", "188 trips", "188 رحلة".
    pub fn trips(self, n: usize) -> String {
        match (self.rtl, n) {
            (false, 1) => "1 trip".to_owned(),
            (false, n) => format!("{n} trips"),
            (true, 1) => "رحلة واحدة".to_owned(),
            (true, 2) => "رحلتان".to_owned(),
            (true, 3..=10) => format!("{n} رحلات"),
            (true, n) => format!("{n} رحلة"),
        }
    }

    /// "5,640 vehicles stated": a flow's vehicles added up (`n` already grouped).
    pub fn vehicles_stated(self, n: &str) -> String {
        match self.rtl {
            false => format!("{n} vehicles stated"),
            true => format!("{n} آلية مذكورة"),
        }
    }

    pub fn number_not_stated(self) -> &'static str {
        self.pick("number not stated", "العدد غير مذكور")
    }

    pub fn planned(self) -> &'static str {
        self.pick("planned", "مخطط له")
    }

    pub fn denied(self) -> &'static str {
        self.pick("denied", "نُفي")
    }

    pub fn via(self) -> &'static str {
        self.pick("via (a stated waypoint)", "مرورًا بـ (محطة مذكورة)")
    }

    pub fn off_map(self) -> &'static str {
        self.pick("→ goes on beyond the map", "← يمتد إلى خارج الخريطة")
    }

    pub fn into_area(self) -> &'static str {
        self.pick(
            "into a country or region, not to a point",
            "إلى بلد أو منطقة، لا إلى نقطة",
        )
    }

    pub fn events_heading(self) -> &'static str {
        self.pick("Events", "الأحداث")
    }

    /// An event type as the legend writes it.
    pub fn event_type(self, t: &str) -> String {
        if !self.rtl {
            return t.to_owned();
        }
        let ar = match t {
            "withdrawal" => "انسحاب",
            "redeployment" => "إعادة انتشار",
            "relocation" => "نقل",
            "arrival" => "وصول",
            "handover" => "تسليم",
            "presence" => "تواجد",
            "attack" => "هجوم",
            other => other,
        };
        ar.to_owned()
    }

    pub fn places_heading(self) -> &'static str {
        self.pick("Places", "الأماكن")
    }

    /// A place symbol's legend words, from their English.
    pub fn place_kind(self, en: &'static str) -> &'static str {
        if !self.rtl {
            return en;
        }
        match en {
            "air base, airport" => "قاعدة جوية، مطار",
            "military base" => "قاعدة عسكرية",
            "border crossing" => "معبر حدودي",
            "oil or gas field" => "حقل نفط أو غاز",
            "city" => "مدينة",
            "town" => "بلدة",
            "village, district" => "قرية، ناحية",
            "other place" => "مكان آخر",
            "region" => "منطقة",
            other => other,
        }
    }

    pub fn projection_heading(self) -> &'static str {
        self.pick("Projection", "الإسقاط")
    }

    pub fn projection_name(self) -> &'static str {
        self.pick(
            "Lambert conformal conic, WGS 84",
            "مخروطي لامبرت المتطابق، WGS 84",
        )
    }

    /// "standard parallels 33.5° N and 35.9° N".
    pub fn parallels(self, a: &str, b: &str) -> String {
        if self.rtl {
            format!("خطا العرض القياسيان {a}° و{b}° شمالًا")
        } else {
            format!("standard parallels {a}° N and {b}° N")
        }
    }

    /// "central meridian 43° E".
    pub fn central_meridian(self, lon: &str) -> String {
        if self.rtl {
            format!("خط الطول المركزي {lon}° شرقًا")
        } else {
            format!("central meridian {lon}° E")
        }
    }
}

/// The lexicon's actors (`palette`'s table) in Arabic, for the Arabic legend.
const ACTORS_AR: [(&str, &str); 25] = [
    ("United States", "الولايات المتحدة"),
    ("International coalition", "التحالف الدولي"),
    ("Iraq", "العراق"),
    ("Syria", "سوريا"),
    ("Iran", "إيران"),
    ("Iraqi militias", "الفصائل العراقية المسلحة"),
    ("Russia", "روسيا"),
    ("Turkey", "تركيا"),
    ("Syrian Democratic Forces", "قوات سوريا الديمقراطية"),
    ("Kurdistan Region", "إقليم كردستان"),
    ("United Kingdom", "المملكة المتحدة"),
    ("France", "فرنسا"),
    ("Germany", "ألمانيا"),
    ("Spain", "إسبانيا"),
    ("Italy", "إيطاليا"),
    ("Croatia", "كرواتيا"),
    ("Slovenia", "سلوفينيا"),
    ("Australia", "أستراليا"),
    ("Canada", "كندا"),
    ("Netherlands", "هولندا"),
    ("Denmark", "الدنمارك"),
    ("Norway", "النرويج"),
    ("Czechia", "التشيك"),
    ("Jordan", "الأردن"),
    ("Kuwait", "الكويت"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_words_cover_the_legend() {
        let (en, ar) = (Words::of(Labels::En), Words::of(Labels::Ar));
        assert!(!Words::of(Labels::Both).rtl);
        assert_eq!(en.actor(Some("United States")), "United States");
        assert_eq!(ar.actor(Some("United States")), "الولايات المتحدة");
        assert_eq!(ar.actor(Some("Atlantis")), "Atlantis");
        assert_eq!(ar.actor(None), "الجهة غير مذكورة");
        // Every event type has its Arabic word.
        for t in crate::palette::EVENT_TYPES {
            assert!(
                ar.event_type(t).chars().all(|c| !c.is_ascii_alphabetic()),
                "{t}"
            );
        }
        assert_eq!(en.articles(1), "1 article");
        assert_eq!(ar.articles(5), "5 مقالات");
        assert_eq!(ar.articles(12), "12 مقالًا");
        assert_eq!(en.degrees(-3.5, true), "3.5°W");
        assert_eq!(ar.degrees(36.0, false), "36° ش");
    }
}
