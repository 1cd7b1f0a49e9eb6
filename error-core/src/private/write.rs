//! The fast path's runtime parts: what the macro could not pre-render.

use alloc::vec::Vec;
use core::fmt::{self, Display, Write};

use serde::Serialize;

use crate::common::escape::escape_into;

/// Appends `value`'s `Display`, JSON-escaped, without quotes.
///
/// The text goes straight into `out` (no temporary `String`). A `Display`
/// that returns an error keeps what it wrote, as the serde path does.
#[inline]
pub fn write_display<T: Display + ?Sized>(out: &mut Vec<u8>, value: &T) {
    let mut escaped = EscapeWriter(out);
    // Writing into a Vec cannot fail; an error is the value's own.
    let _ = write!(escaped, "{value}");
}

struct EscapeWriter<'a>(&'a mut Vec<u8>);

impl Write for EscapeWriter<'_> {
    #[inline]
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escape_into(text, self.0);
        Ok(())
    }
}

/// Appends `value` serialised by `serde_json`, or `fallback` if its
/// `Serialize` fails (nothing of the failed attempt stays in `out`).
#[inline]
pub fn write_serde_or<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, fallback: &[u8]) {
    let mark = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(mark);
        out.extend_from_slice(fallback);
    }
}

/// Appends `key` (the member's pre-escaped `,"name":`) and `value`, or
/// nothing at all if `value`'s `Serialize` fails.
#[inline]
pub fn write_serde_or_omit<T: Serialize + ?Sized>(out: &mut Vec<u8>, key: &[u8], value: &T) {
    let mark = out.len();
    out.extend_from_slice(key);
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(mark);
    }
}
