//! The fast path's runtime parts: what the macro could not pre-render.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;
use core::fmt::{self, Display, Write};

use serde::Serialize;

use super::json_value::{Json, JsonValue};
use super::serde_check::serializes;
use super::slots::Arg;
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

/// Appends a serde slot's value as JSON: after `key` (a member's
/// pre-escaped `,"name":`), or alone. If its `Serialize` fails, nothing of
/// the attempt stays in `out`, and a value without a key becomes `null`
/// (a member with a key is left out).
///
/// The value is first asked whether it serialises ([`serializes`], which
/// formats nothing and allocates nothing): a `Serialize` that fails builds a
/// `serde_json::Error`, a heap allocation, which the question avoids. The
/// rollback stays for the case the two ever disagreed.
#[inline]
pub fn write_serde<T: Serialize + ?Sized>(out: &mut Vec<u8>, key: Option<&[u8]>, value: &T) {
    let mark = out.len();
    if serializes(value) {
        if let Some(key) = key {
            out.extend_from_slice(key);
        }
        if value
            .serialize(JsonValue(&mut Json::new(&mut *out)))
            .is_ok()
        {
            return;
        }
        out.truncate(mark);
    }
    if key.is_none() {
        out.extend_from_slice(b"null");
    }
}

/// A text field of a string type (`String`, `&str`, `Cow<str>`, …): its
/// `&str` goes to the table as [`Arg::Str`], written (escaped) or
/// serialised without the `fmt` machinery.
///
/// Generated code calls `(&Pick(field)).__arg()` only for fields whose type
/// is written like a string type. Method resolution takes [`PickStr`],
/// implemented for those types, when it applies, and falls back on
/// [`PickDisplay`] (one more auto-reference away) for every other `Display`
/// type, a local type named `String` included: the choice is made by the
/// compiler on the real type, so the text is always the `Display`.
pub struct Pick<'a, T: ?Sized>(pub &'a T);

/// [`Pick`] for a string type: the string itself.
pub trait PickStr<'a> {
    /// The text.
    fn __arg(&self) -> Arg<'a>;
}

/// [`Pick`] for any other `Display` type: through its `Display`.
pub trait PickDisplay<'a> {
    /// The `Display`.
    fn __arg(&self) -> Arg<'a>;
}

impl<'a, T: Display> PickDisplay<'a> for &Pick<'a, T> {
    #[inline]
    fn __arg(&self) -> Arg<'a> {
        Arg::Display(self.0)
    }
}

/// `PickStr` for string types, each with how it gives its `&str`.
macro_rules! pick_str {
    ($(impl<$($lifetime:lifetime),*> for $ty:ty => |$value:ident| $text:expr;)*) => {$(
        impl<'a, $($lifetime),*> PickStr<'a> for Pick<'a, $ty> {
            #[inline]
            fn __arg(&self) -> Arg<'a> {
                let $value = self.0;
                Arg::Str($text)
            }
        }
    )*};
}

pick_str! {
    impl<'b> for &'b str => |text| text;
    impl<> for String => |text| text.as_str();
    impl<'b> for Cow<'b, str> => |text| text;
    impl<> for Box<str> => |text| text;
    impl<> for Rc<str> => |text| text;
    impl<> for Arc<str> => |text| text;
}
