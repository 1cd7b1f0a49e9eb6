//! Titles and details that interpolate fields: `"Missing {name}"`.

use alloc::string::String;
use core::fmt::{self, Display, Write};

/// One piece of an interpolated text.
pub enum Part<'a> {
    /// Literal text from the template (braces already unescaped).
    Lit(&'static str),
    /// A field, written with its `Display`.
    Arg(&'a dyn Display),
}

/// An interpolated text: the template's pieces in order.
///
/// A field whose `Display` returns an error keeps what it wrote and the text
/// goes on, exactly as the fast path does (see `write_display`), so both
/// paths give the same bytes even then.
pub struct Text<'a>(pub &'a [Part<'a>]);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in self.0 {
            match part {
                Part::Lit(text) => f.write_str(text)?,
                Part::Arg(value) => Shielded(*value).fmt(f)?,
            }
        }
        Ok(())
    }
}

/// The `title()` of an interpolated title.
#[must_use]
pub fn text_to_string(parts: &[Part<'_>]) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail, and `Text` swallows its fields' own
    // errors, so there is nothing to report.
    let _ = write!(out, "{}", Text(parts));
    out
}

/// Writes a value's `Display`, passing on failures of the output but not the
/// value's own error (which `Display` impls should never return, and which
/// `serde_json`'s `collect_str` would turn into a panic).
pub(crate) struct Shielded<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Display + ?Sized> Display for Shielded<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut output = Tracked {
            inner: f,
            failed: false,
        };
        match write!(output, "{}", self.0) {
            Err(error) if output.failed => Err(error),
            _ => Ok(()),
        }
    }
}

/// A writer that remembers whether the underlying output failed.
struct Tracked<'a, 'b> {
    inner: &'a mut fmt::Formatter<'b>,
    failed: bool,
}

impl Write for Tracked<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let result = self.inner.write_str(text);
        self.failed |= result.is_err();
        result
    }
}
