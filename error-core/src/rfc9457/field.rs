//! What the derive asks of the type of a field that an rfc9457 key names:
//! one trait per key, as [`crate::field`] has for the keys every format
//! shares, so that a field of the wrong type fails with a message about the
//! key and what to write instead, pointing at the field's type.
//
// The traits are public, and re-exported from `api_errors::rfc9457`, because
// rustc prints a trait's short name only when it is reachable through a
// visible path. Their names are unique in the crate for the same reason: a
// name that two modules export is printed with its full path. The blanket
// impls are `#[diagnostic::do_not_recommend]` and the traits have no
// supertraits, so that rustc reports the key's message and not the real
// trait's.

use core::fmt::Display;

use serde::Serialize;

use super::Rfc9457;
use crate::ApiError;

/// An rfc9457 `detail = field`: written with `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so `detail` cannot name it",
    label = "an rfc9457 `detail` is written with `Display`",
    note = "serialise the field as an extension member with `extensions(field)` instead of `detail`, or implement `Display` for `{Self}` (or, when it is another crate's type, for a type of your own that wraps it)"
)]
pub trait ProblemDetailDisplay {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> ProblemDetailDisplay for T {}

/// An rfc9457 `instance = field`: written with `Display` (a URI reference
/// that identifies the occurrence, such as a request or trace id).
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so `instance` cannot name it",
    label = "an rfc9457 `instance` is written with `Display`, as a URI reference",
    note = "serialise the field as an extension member with `extensions(field)` instead of `instance`, or implement `Display` for `{Self}`, writing the occurrence's URI (such as a request id) (or, when it is another crate's type, for a type of your own that wraps it)"
)]
pub trait ProblemInstanceDisplay {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> ProblemInstanceDisplay for T {}

/// A field named by a placeholder of an rfc9457 `instance` text
/// (`instance = "/orders/{id}"`): written with `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so it cannot be a placeholder in `instance`",
    label = "a placeholder in an `instance` text shows this field with `Display`",
    note = "implement `Display` for `{Self}` (or, when it is another crate's type, for a type of your own that wraps it), or take its placeholder out of `instance` (to put the value in the body, name the field in `extensions(...)`, which serialises it with serde)"
)]
pub trait ProblemInstancePlaceholder {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> ProblemInstancePlaceholder for T {}

/// A field shown by a `{placeholder}` in an rfc9457 extension's text
/// (`extensions(error = "no note {id}")`): written with `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so it cannot be a placeholder in an extension's text",
    label = "a placeholder in an extension's text shows this field with `Display`",
    note = "implement `Display` for `{Self}` (or, when it is another crate's type, for a type of your own that wraps it), or name the field as the member's value instead of a text (`extensions(member = field)`), which serialises it with serde"
)]
pub trait ProblemExtensionPlaceholder {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> ProblemExtensionPlaceholder for T {}

/// A field named in an rfc9457 `extensions(...)`: serialised with serde as
/// a member of the body.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Serialize`, so `extensions(...)` cannot name it",
    label = "an rfc9457 extension member is serialised with serde",
    note = "derive or implement `serde::Serialize` for `{Self}` (when it is another crate's type: turn on its `serde` feature if it has one, or wrap it in a type of your own), or write the field with `Display` as `detail = field` or in a text, like `detail = \"invalid: {{field}}\"`"
)]
pub trait ProblemExtensionSerialize {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> ProblemExtensionSerialize for T {}

/// The field of a `transparent` variant of an rfc9457 type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `ApiError` of the `rfc9457` format, so a `transparent` variant of an rfc9457 type cannot wrap it",
    label = "`transparent` hands everything to this field",
    note = "derive `ApiError` with `format = \"rfc9457\"` for `{Self}`, or give the variant its own `status` (and `type`) instead of `transparent`"
)]
pub trait TransparentRfc9457 {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: ApiError<Format = Rfc9457> + ?Sized> TransparentRfc9457 for T {}
