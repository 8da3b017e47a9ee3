//! Lists under one head noun: in "قاعدة عين الأسد والقيارة" and "قواعد عين الأسد في الأنبار
//! وحرير في أربيل" the word قاعدة heads every conjunct, so القيارة is the base, not the town,
//! and حرير (silk, no name on its own) is قاعدة حرير. A site named without its head noun
//! ("أبرزها عين الأسد") heads its list by its kind, and a list ending in a base makes the names
//! before it that could be bases bases ("بعد القائم والقيارة وكي وان").

use super::{Cue, Mention};
use crate::arabic::{Normalized, Token};
use crate::gazetteer::{Candidates, Gazetteer, Kind};

/// The most words a conjunct's name has after its head noun (قاعدة كي وان).
const MAX_CONJUNCT_WORDS: usize = 3;

/// Carries each site list's head noun to its conjuncts: a conjunct already found takes the head
/// as its cue; one the gazetteer knows only with the head ("قاعدة حرير") is added. `mentions`
/// are in text order and stay so.
pub(super) fn carry_heads(g: &Gazetteer, norm: &Normalized, mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    let tokens: Vec<Token> = norm.tokens().collect();
    let mut i = 0;
    while i < mentions.len() {
        if let Some(cue) = head(g, norm, &mentions[i]) {
            carry(g, norm, &tokens, mentions, i, cue);
        }
        i += 1;
    }
    // Back along each list, from its last item: an item with no cue of its own that could be
    // a site of the kind the next item is takes that kind.
    for i in (0..mentions.len()).rev() {
        if mentions[i].cue.is_some() {
            continue;
        }
        let Some(start) = conjunct_start(&tokens, mentions, i) else {
            continue;
        };
        let Some(k) = mentions
            .iter()
            .position(|m| m.normalized_span.start == start)
        else {
            continue;
        };
        let cue = head(g, norm, &mentions[k]).filter(|&cue| {
            (mentions[i].candidates.iter()).any(|&c| site_cue(g.place(c).kind) == Some(cue))
        });
        mentions[i].cue = cue;
    }
}

/// The site cue that heads a list starting at `m`: the word before it, its own first word
/// (قاعدة عين الأسد), or the kind all it may mean share.
fn head(g: &Gazetteer, norm: &Normalized, m: &Mention) -> Option<Cue> {
    let own_first = norm.text()[m.normalized_span.clone()]
        .split(' ')
        .next()
        .and_then(Cue::from_word);
    let written = m.cue.or(own_first).filter(|c| head_words(*c).is_some());
    written.or_else(|| {
        let mut kinds = m.candidates.iter().map(|&c| site_cue(g.place(c).kind));
        let first = kinds.next()??;
        kinds.all(|k| k == Some(first)).then_some(first)
    })
}

/// The cue a site of `kind` is written with, for the sites whose lists this reads.
fn site_cue(kind: Kind) -> Option<Cue> {
    match kind {
        Kind::Airbase | Kind::Base => Some(Cue::Base),
        Kind::Crossing => Some(Cue::Crossing),
        Kind::Oilfield => Some(Cue::Field),
        _ => None,
    }
}

/// The head nouns, normalised and in the singular, that a site cue puts before a conjunct's
/// name; `None` for cues whose lists are not read here.
fn head_words(cue: Cue) -> Option<&'static [&'static str]> {
    match cue {
        Cue::Base => Some(&["قاعده"]),
        Cue::Airport => Some(&["مطار"]),
        Cue::Crossing => Some(&["معبر", "منفذ"]),
        Cue::Field => Some(&["حقل"]),
        Cue::Camp => Some(&["معسكر", "مخيم"]),
        _ => None,
    }
}

/// Gives the conjunct after `mentions[i]`, if there is one, the head `cue`.
fn carry(
    g: &Gazetteer,
    norm: &Normalized,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    i: usize,
    cue: Cue,
) {
    let Some(start) = conjunct_start(tokens, mentions, i) else {
        return;
    };
    if let Some(k) = mentions
        .iter()
        .position(|m| m.normalized_span.start == start)
    {
        mentions[k].cue.get_or_insert(cue);
        return;
    }
    let Some((end, candidates)) = headed_name(g, norm, tokens, start, cue) else {
        return;
    };
    let at = mentions.partition_point(|m| m.normalized_span.start < start);
    if mentions
        .get(at)
        .is_some_and(|m| m.normalized_span.start < end)
    {
        return;
    }
    mentions.insert(
        at,
        Mention {
            span: norm.original_span(start..end),
            normalized_span: start..end,
            place: candidates[0],
            candidates,
            cue: Some(cue),
            sentence: 0,
            paragraph: 0,
        },
    );
}

/// Where the name of the conjunct after `mentions[i]` starts: past an optional "in" phrase
/// (في الأنبار، بالأنبار) and a comma, after the و of the next word.
fn conjunct_start(tokens: &[Token], mentions: &[Mention], i: usize) -> Option<usize> {
    let mut end = mentions[i].normalized_span.end;
    let mut ti = tokens.partition_point(|t| t.norm.0 < end);
    // "في X" or "بX", X the next mention: where the list's item is.
    let next = mentions.get(i + 1).map(|m| m.normalized_span.clone());
    if let (Some(tok), Some(next)) = (tokens.get(ti), next) {
        let in_phrase = (tok.text == "في"
            && tokens.get(ti + 1).is_some_and(|t| t.norm.0 == next.start))
            || (tok.norm.0 + "ب".len() == next.start && tok.text.starts_with('ب'));
        if in_phrase {
            end = next.end;
            ti = tokens.partition_point(|t| t.norm.0 < end);
        }
    }
    if tokens
        .get(ti)
        .is_some_and(|t| t.text == "،" || t.text == ",")
    {
        ti += 1;
    }
    let tok = tokens.get(ti).filter(|t| t.is_word)?;
    let rest = tok.text.strip_prefix('و')?;
    (!rest.is_empty()).then_some(tok.norm.0 + "و".len())
}

/// The name written from `start` that the gazetteer knows with one of `cue`'s head nouns
/// before it, longest first: its end and its places.
fn headed_name(
    g: &Gazetteer,
    norm: &Normalized,
    tokens: &[Token],
    start: usize,
    cue: Cue,
) -> Option<(usize, Candidates)> {
    let first = tokens.partition_point(|t| t.norm.1 <= start);
    let words: Vec<&Token> = tokens[first..]
        .iter()
        .take(MAX_CONJUNCT_WORDS)
        .take_while(|t| t.is_word)
        .collect();
    (1..=words.len()).rev().find_map(|n| {
        let end = words[n - 1].norm.1;
        let name = &norm.text()[start..end];
        head_words(cue)?
            .iter()
            .find_map(|h| g.matcher().phrase(&format!("{h} {name}")))
            .map(|c| (end, c))
    })
}

#[cfg(test)]
mod tests {
    use crate::geoparse::named as names;

    #[test]
    fn the_head_noun_carries_to_each_conjunct() {
        let found = names("تنتشر القوات في قاعدتي عين الأسد والقيارة منذ عام 2020.");
        assert!(
            found.contains(&("القيارة".into(), "qayyarah_airfield_west".into())),
            "{found:?}"
        );
        let found = names("وتبقى قوات التحالف في قاعدة التاجي وحرير حتى نهاية العام.");
        assert!(
            found.contains(&("حرير".into(), "harir_airbase".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_site_heads_its_list_by_its_kind_past_where_it_is() {
        let found = names("أهم المواقع المتبقية عين الأسد في الأنبار وحرير في أربيل.");
        assert!(
            found.contains(&("حرير".into(), "harir_airbase".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_list_ending_in_a_base_is_a_list_of_bases() {
        let found = names("سلّم التحالف القائم والقيارة وكي وان إلى القوات العراقية.");
        assert!(
            found.contains(&("القيارة".into(), "qayyarah_airfield_west".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("القائم".into(), "al_qaim_base".into())),
            "{found:?}"
        );
        // Names that cannot be bases keep what they are.
        let found = names("زار الوفد بغداد وقاعدة عين الأسد.");
        assert_eq!(found[0].1, "baghdad_city", "{found:?}");
    }

    #[test]
    fn no_head_no_carried_name() {
        // A town heads no list of bases; حرير stays silk.
        let found = names("اشترى التجار من أربيل وحرير القماش.");
        assert!(!found.iter().any(|(s, _)| s == "حرير"), "{found:?}");
        // "والحرير" after a base is no base when the gazetteer has no such base name either.
        let found = names("زار قاعدة عين الأسد والوفد المرافق له.");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
