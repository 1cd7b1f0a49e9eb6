//! Writing a field's `Display` into a text (`"Missing {name}"`) without
//! letting the field's own error escape.

use core::fmt::{self, Display, Write};

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
