//! Excerpts: the part of a long sentence written as evidence or context, bounded in size.
//!
//! A feature's evidence is the sentence that states it. A news sentence is a few hundred bytes,
//! but a text with no full stops is one sentence of any length, and writing it whole with each
//! of its features makes the output grow with the square of the input. So a sentence longer
//! than [`MAX_EXCERPT_BYTES`] is cut to a window of at most that many bytes around the words
//! the feature rests on, cut between words (never inside a UTF-8 sequence).

use std::ops::Range;

/// The most bytes of a sentence written as one feature's evidence or one name's context:
/// above every sentence of the seeds and the development corpus (the longest is 739 bytes).
pub const MAX_EXCERPT_BYTES: usize = 1000;

/// Of the room around the focus, the share given to the words before it (one part in this
/// many); the rest goes after it, where an Arabic verb's places follow.
const BEFORE_SHARE: usize = 3;

/// The part of `text[within]` written for something resting on the bytes `focus`: all of it
/// when it is at most `max` bytes, else a window of at most `max` bytes that holds as much of
/// `focus` as fits (from its start), with a third of the rest of the room before it and the
/// remainder after, less where the sentence ends sooner. The window starts and ends between
/// words, or at a character boundary where a word alone is longer than the window.
pub fn excerpt(text: &str, within: Range<usize>, focus: Range<usize>, max: usize) -> Range<usize> {
    if within.len() <= max {
        return within;
    }
    let at = floor_char_boundary(text, focus.start.clamp(within.start, within.end));
    let to = floor_char_boundary(text, focus.end.clamp(at, within.end).min(at + max));
    let room = max - (to - at);
    let mut before = (room / BEFORE_SHARE).min(at - within.start);
    let after = (room - before).min(within.end - to);
    before = (room - after).min(at - within.start);
    let start = word_start(text, at - before, at, within.start);
    let end = word_end(text, to, to + after, within.end);
    start..end
}

/// Where a window that may start at `from` (not after `limit`) begins: at `from` when a word
/// starts there (or the sentence does), else at the next word before `limit`, else at the
/// first character boundary; never on whitespace.
fn word_start(text: &str, from: usize, limit: usize, sentence_start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut s = from;
    if from > sentence_start && !bytes[from - 1].is_ascii_whitespace() {
        match bytes[from..limit].iter().position(u8::is_ascii_whitespace) {
            Some(i) => s = from + i,
            None => return ceil_char_boundary(text, from),
        }
    }
    while s < limit && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    s
}

/// Where a window that may end at `to` (not before `limit`) ends: at `to` when a word ends
/// there (or the sentence does), else at the end of the last word after `limit`, else at the
/// last character boundary; never on whitespace.
fn word_end(text: &str, limit: usize, to: usize, sentence_end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut e = to;
    if to < sentence_end && !bytes[to].is_ascii_whitespace() {
        match bytes[limit..to].iter().rposition(u8::is_ascii_whitespace) {
            Some(i) => e = limit + i,
            None => return floor_char_boundary(text, to),
        }
    }
    while e > limit && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    e
}

/// The first character boundary at or after `i`.
fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The last character boundary at or before `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_sentence_is_written_whole() {
        let text = "انسحبت القوات من التنف.";
        assert_eq!(excerpt(text, 0..text.len(), 0..12, 100), 0..text.len());
    }

    #[test]
    fn a_long_sentence_is_cut_between_words_around_the_focus() {
        let text = "كلمة ".repeat(1000) + "انسحبت القوات من التنف " + &"ثم ".repeat(1000);
        let focus_at = text.find("انسحبت").unwrap();
        let focus = focus_at..focus_at + "انسحبت".len();
        let cut = excerpt(&text, 0..text.len(), focus.clone(), 200);
        assert!(cut.len() <= 200, "{}", cut.len());
        assert!(cut.start <= focus.start && focus.end <= cut.end);
        let words = &text[cut.clone()];
        assert!(words.contains("انسحبت القوات من التنف"));
        // Whole words only, no space at either end.
        assert!(
            words.starts_with("كلمة") && words.ends_with("ثم"),
            "{words}"
        );
        // A third of the room before the focus, the rest after.
        assert!(focus.start - cut.start < cut.end - focus.end);
    }

    #[test]
    fn the_window_fills_from_the_other_side_at_a_sentence_end() {
        let text = "ب".repeat(10) + " " + &"كلمة ".repeat(500);
        let cut = excerpt(&text, 0..text.len(), 0..2, 101);
        assert_eq!(cut.start, 0);
        assert!(cut.len() <= 101 && cut.len() > 90, "{}", cut.len());
        let end = text.len() - 1;
        let cut = excerpt(&text, 0..end, end - 2..end, 101);
        assert_eq!(cut.end, end);
        assert!(cut.len() <= 101 && cut.len() > 90, "{}", cut.len());
    }

    #[test]
    fn a_word_longer_than_the_window_is_cut_on_a_character_boundary() {
        // Two-byte letters: an odd cap must not split one.
        let text = "ب".repeat(5000);
        for (focus, max) in [(0..2, 101), (2000..2002, 333), (9998..10000, 999)] {
            let cut = excerpt(&text, 0..text.len(), focus, max);
            assert!(cut.len() <= max && cut.len() >= max - 1, "{cut:?}");
            assert!(text.is_char_boundary(cut.start) && text.is_char_boundary(cut.end));
        }
    }

    #[test]
    fn a_focus_longer_than_the_window_keeps_its_start() {
        let text = "ب ".repeat(3000);
        let cut = excerpt(&text, 0..text.len(), 99..4998, 500);
        assert_eq!(cut.start, 99);
        assert!(cut.len() <= 500);
    }
}
