//! What the derive asks of the type of a field that an entrecode key names,
//! beyond the keys every format shares ([`crate::field`]).
//
// The traits are public, and re-exported from the format's module, because
// rustc prints a trait's short name only when it is reachable through a
// visible path; the blanket impls are `#[diagnostic::do_not_recommend]` and
// the traits have no supertraits, so that rustc reports the key's message and
// not the real trait's (see [`crate::field`]).

use core::fmt::Display;

use serde::Serialize;

use super::Entrecode;
use crate::__private::sub_errors::{Embed, Embeddable};

/// An entrecode `detail = field`: written with `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so `detail` cannot name it",
    label = "an entrecode `detail` is written with `Display`",
    note = "serialise the field with `verbose = field` instead of `detail`, or implement `Display` for `{Self}` (or, when it is another crate's type, for a type of your own that wraps it)"
)]
pub trait DetailDisplay {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> DetailDisplay for T {}

/// An entrecode `verbose = field`: serialised with serde.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Serialize`, so `verbose` cannot name it",
    label = "`verbose` is serialised with serde",
    note = "derive or implement `serde::Serialize` for `{Self}` (when it is another crate's type: turn on its `serde` feature if it has one, or wrap it in a type of your own), or name the field with `detail = field` instead, which writes it with `Display`"
)]
pub trait VerboseSerialize {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> VerboseSerialize for T {}

/// An entrecode `embed = field`: one sub-error, an `Option` or a list.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not entrecode sub-errors, so `embed` cannot name it",
    label = "`embed` writes this field under `_embedded.error`",
    note = "an `embed` field is `E`, `Option<E>`, `Vec<E>`, `&[E]` or `Box<[E]>` of an `E` that derives `ApiError` with `format = \"entrecode\"`; to serialise another value, name it with `verbose = field` instead"
)]
pub trait EmbedErrors {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Embed<Format = Entrecode> + ?Sized> EmbedErrors for T {}

/// The field of a `transparent` variant of an entrecode type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `ApiError` of the `entrecode` format, so a `transparent` variant of an entrecode type cannot wrap it",
    label = "`transparent` hands everything to this field",
    note = "derive `ApiError` with `format = \"entrecode\"` for `{Self}`, or give the variant its own `code` instead of `transparent`"
)]
pub trait TransparentEntrecode {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Embeddable<Format = Entrecode> + ?Sized> TransparentEntrecode for T {}
