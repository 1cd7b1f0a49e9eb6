//! What the derive asks of the type of a field that an Oz key names, beyond
//! the keys every format shares ([`crate::field`]).
//
// The traits are public, and re-exported from the format's module, because
// rustc prints a trait's short name only when it is reachable through a
// visible path; the blanket impls are `#[diagnostic::do_not_recommend]` and
// the traits have no supertraits, so that rustc reports the key's message and
// not the real trait's (see [`crate::field`]).

use serde::Serialize;

use super::Oz;
use crate::ApiError;

/// An Oz `detail = field`: serialised with serde.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Serialize`, so `detail` cannot name it",
    label = "an Oz `detail` field is serialised with serde",
    note = "derive or implement `serde::Serialize` for `{Self}` (when it is another crate's type: turn on its `serde` feature if it has one, or wrap it in a type of your own), or write `detail` as a text that shows the field with `Display` instead, like `detail = \"invalid: {{field}}\"`"
)]
pub trait DetailSerialize {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> DetailSerialize for T {}

/// The field of a `transparent` variant of an Oz type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `ApiError` of the `oz` format, so a `transparent` variant of an Oz type cannot wrap it",
    label = "`transparent` hands everything to this field",
    note = "derive `ApiError` with `format = \"oz\"` for `{Self}`, or give the variant its own `code` instead of `transparent`"
)]
pub trait TransparentOz {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: ApiError<Format = Oz> + ?Sized> TransparentOz for T {}
