//! Where an article's decoded text lies in its file.
//!
//! The output contract gives offsets into the article file's bytes, but convoy reads decoded
//! UTF-8 text: a byte-order mark is dropped, a bad byte becomes U+FFFD (three bytes), and an
//! Arabic letter from Windows-1256 (one byte) becomes two. [`FileOffsets`] maps text offsets
//! back to file offsets; it holds a point only where the two stop moving in step, so a plain
//! UTF-8 file needs none.

/// Maps byte offsets in an article's decoded text to byte offsets in its file.
///
/// # Examples
/// ```
/// use convoy::document::FileOffsets;
/// // A UTF-8 byte-order mark (3 bytes) before the text: everything moves by 3.
/// let mut offsets = FileOffsets::default();
/// offsets.push(0, 3);
/// assert_eq!(offsets.file_offset(10), 13);
/// assert_eq!(FileOffsets::default().file_offset(10), 10);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileOffsets {
    /// From each text offset on, how far the file offset is ahead of it (file − text), in
    /// increasing text order; before the first, nothing.
    shifts: Vec<(usize, isize)>,
}

impl FileOffsets {
    /// Records that text offset `text` is file offset `file`, and so are the offsets after it,
    /// one for one, until the next point pushed. Points come in increasing text order.
    pub fn push(&mut self, text: usize, file: usize) {
        let shift = file as isize - text as isize;
        match self.shifts.last_mut() {
            Some(last) if last.0 == text => last.1 = shift,
            Some(last) if last.1 == shift => {}
            None if shift == 0 => {}
            _ => self.shifts.push((text, shift)),
        }
    }

    /// The file offset of text offset `at` (a character boundary).
    pub fn file_offset(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|&(t, _)| t <= at);
        let shift = i.checked_sub(1).map_or(0, |i| self.shifts[i].1);
        at.checked_add_signed(shift).unwrap_or(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_that_move_in_step_are_not_kept() {
        let mut o = FileOffsets::default();
        o.push(0, 0);
        o.push(5, 5);
        assert!(o.shifts.is_empty());
        // Two-byte letters from one-byte ones: the file falls behind by one per letter.
        o.push(5, 5);
        o.push(7, 6);
        o.push(9, 7);
        o.push(10, 8);
        assert_eq!(o.shifts, vec![(7, -1), (9, -2)]);
        assert_eq!(
            [0, 5, 7, 9, 10, 12].map(|t| o.file_offset(t)),
            [0, 5, 6, 7, 8, 10]
        );
    }
}
