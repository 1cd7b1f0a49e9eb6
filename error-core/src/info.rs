//! [`ErrorInfo`]: one row of an error type's catalog.

use serde::{Serialize, Serializer};

/// One variant of a derived error, as documentation: returned by
/// [`ApiError::catalog`](crate::ApiError::catalog), rendered by
/// [`docs::markdown`](crate::docs::markdown) and
/// [`docs::json`](crate::docs::json).
///
/// Serialises with these field names, which are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ErrorInfo {
    /// The variant's name (the type's name for a struct).
    pub name: &'static str,
    /// The full wire code.
    pub code: u16,
    /// The HTTP status.
    pub status: u16,
    /// The title as written, `{field}` placeholders included.
    pub title: &'static str,
    /// The title for readers outside Rust, as the docs tables show it: each
    /// placeholder is `{name}`, a named field by its name, a tuple field by
    /// its doc comment (or `{value}`), and literal braces are written once
    /// (see [`docs`](crate::docs)). Equal to `title` when that has no
    /// placeholders and no braces.
    pub readable_title: &'static str,
    /// The variant's doc comment ("" when none).
    pub description: &'static str,
    /// What `detail` holds: the doc comment of the field it names, else the
    /// format's documented text for the code ("" when the variant has no
    /// `detail`).
    pub detail: &'static str,
    /// `detail` for readers outside Rust, as the docs tables show it: a text
    /// `detail` with its placeholders named like
    /// [`readable_title`](Self::readable_title)'s; a field's doc comment
    /// as it is.
    pub readable_detail: &'static str,
    /// What `verbose` holds, likewise (entrecode only; "" otherwise).
    pub verbose: &'static str,
    /// The URI that identifies the error's type, for formats whose bodies
    /// carry one (entrecode's `type`); "" otherwise.
    pub type_uri: &'static str,
}

impl Serialize for ErrorInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "ErrorInfo", {
            "name" => self.name;
            "code" => &self.code;
            "status" => &self.status;
            "title" => self.title;
            "readable_title" => self.readable_title;
            "description" => self.description;
            "detail" => self.detail;
            "readable_detail" => self.readable_detail;
            "verbose" => self.verbose;
            "type_uri" => self.type_uri;
        })
    }
}

impl ErrorInfo {
    #[doc(hidden)]
    /// Used by the derive: the struct is `#[non_exhaustive]`. `title` and
    /// `detail` are each the text as written and for readers.
    #[must_use]
    pub const fn __new(
        name: &'static str,
        [code, status]: [u16; 2],
        title: [&'static str; 2],
        description: &'static str,
        detail: [&'static str; 2],
        verbose: &'static str,
        type_uri: &'static str,
    ) -> Self {
        let [title, readable_title] = title;
        let [detail, readable_detail] = detail;
        ErrorInfo {
            name,
            code,
            status,
            title,
            readable_title,
            description,
            detail,
            readable_detail,
            verbose,
            type_uri,
        }
    }
}
