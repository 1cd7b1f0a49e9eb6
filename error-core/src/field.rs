//! What the derive asks of the type of a field each key names.
//!
//! One trait per key, each holding for exactly the types its rule accepts
//! (a blanket impl over the real trait: `Display`, `serde::Serialize`, …).
//! These are the keys every format shares; a format's own keys have theirs in
//! its module ([`crate::entrecode::VerboseSerialize`],
//! [`crate::rfc9457::ProblemExtensionSerialize`], …). You never implement or
//! name them: they exist so that a field of the wrong type fails with a
//! message about the key, its rule and what to write instead, pointing at the
//! field's type, rather than with the real trait's message, which knows
//! nothing of the key:
//!
//! ```compile_fail
//! use api_errors::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "entrecode", system = 2, type_url = "https://example.com/errors/{code}",
//!       up(title = "Home", href = "https://example.com"))]
//! enum Error {
//!     #[api(code = 211, detail = properties)]
//!     InvalidProperties { properties: Vec<String> },
//! }
//! ```
//!
//! ```text
//! error[E0277]: `Vec<String>` does not implement `Display`, so `detail` cannot name it
//!   |
//! 8 |     InvalidProperties { properties: Vec<String> },
//!   |                                     ^^^^^^^^^^^ an entrecode `detail` is written with `Display`
//!   |
//!   = note: serialise the field with `verbose = field` instead of `detail`, or implement `Display` for `Vec<String>` (or, when it is another crate's type, for a type of your own that wraps it)
//! ```
//
// How the derive uses them (see its `expand::bounds`): every field type that
// names no type parameter is checked with `const _: () = <Type as
// field::Key>::OK;`, spanned on the field's type. The blanket impls are
// marked `#[diagnostic::do_not_recommend]` and the traits have no
// supertraits, so that rustc reports this trait's message and not the real
// trait's. The traits are public (not `doc(hidden)`) because rustc prints a
// trait's short name only when it is reachable through a visible path; a
// hidden one would show `api_errors::__private::…` in every such error.

use core::fmt::Display;

/// A field shown by a `{placeholder}` in `title`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so it cannot be a placeholder in `title`",
    label = "a placeholder in `title` shows this field with `Display`",
    note = "implement `Display` for `{Self}` (or, when it is another crate's type, for a type of your own that wraps it), or take its placeholder out of `title` (to put the value in the body, name the field with the key of the type's format that serialises a field with serde)"
)]
pub trait TitlePlaceholder {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> TitlePlaceholder for T {}

/// A field shown by a `{placeholder}` in a `detail = "…"` text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so it cannot be a placeholder in `detail`",
    label = "a placeholder in a `detail` text shows this field with `Display`",
    note = "implement `Display` for `{Self}` (or, when it is another crate's type, for a type of your own that wraps it), or take its placeholder out of the text (to put the value in the body, name the field with the key of the type's format that serialises a field with serde)"
)]
pub trait DetailPlaceholder {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> DetailPlaceholder for T {}

/// A field that `framework_errors` builds from the name of a property or a
/// parameter (`From<&str>`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the name that `framework_errors` hands to this variant",
    label = "`framework_errors` builds this field from a property's or parameter's name, a `&str`",
    note = "make the field a `String` (or a type that implements `From<&str>`), or name a variant whose one field is, like `framework_errors(missing_property = MissingProperty)`"
)]
pub trait FrameworkName: Sized {
    /// Named by the derive's check.
    const OK: () = ();

    #[doc(hidden)]
    /// The field, from the name (the derive's `FromFrameworkError` calls
    /// it; a bound on this trait needs no second binder for the `&str`).
    fn __from_name(name: &str) -> Self;
}

#[diagnostic::do_not_recommend]
impl<T: for<'a> From<&'a str>> FrameworkName for T {
    fn __from_name(name: &str) -> Self {
        T::from(name)
    }
}

/// The field of a variant marked `#[api(framework)]`: an
/// [`Answer`](crate::framework::Answer), which the derive builds for each
/// framework error and reads to pick the variant's row.
#[diagnostic::on_unimplemented(
    message = "a `framework` variant holds an `api_errors::framework::Answer`, not `{Self}`",
    label = "the derive builds this field for each framework error it answers",
    note = "write the variant as `Framework(api_errors::framework::Answer)`; to answer a framework error with a field of your own, name a variant for its case instead, like `framework_errors(missing_property = MissingProperty)`"
)]
pub trait FrameworkAnswer: Sized {
    /// Named by the derive's check.
    const OK: () = ();

    #[doc(hidden)]
    /// The answer to `error`, written as the row of the case at `row` in
    /// the derive's list (the derive's `FromFrameworkError` calls it).
    fn __answer(row: u8, error: crate::framework::FrameworkError<'_>) -> Self;

    #[doc(hidden)]
    /// The row to write (the derive's `__visit` reads it).
    fn __row(&self) -> u8;
}

/// A field named as the value of a response header (`headers(name =
/// field)`): written with `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, so a header's value cannot name it",
    label = "`headers(...)` writes this field's `Display` as the header's value",
    note = "implement `Display` for `{Self}` (or, when it is another crate's type, for a type of your own that wraps it), or give the header a constant value, like `www_authenticate = \"Bearer\"`"
)]
pub trait HeaderDisplay {
    /// Named by the derive's check.
    const OK: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> HeaderDisplay for T {}
