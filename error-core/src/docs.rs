//! Documentation rendered from an error type's [`catalog`](crate::ApiError::catalog).
//!
//! # Placeholders, for readers outside Rust
//!
//! A title such as `"Capsule {0} not found"` means something to the Rust
//! code that fills it in, and nothing to the API's consumers, who never see
//! a tuple index. The tables and the JSON catalog therefore show each
//! title, and each text `detail`, with its placeholders *named*
//! ([`ErrorInfo::readable_title`](crate::ErrorInfo::readable_title),
//! [`readable_detail`](crate::ErrorInfo::readable_detail)):
//!
//! - a named field is its name: `"Missing {property}"` stays
//!   `Missing {property}`;
//! - a tuple field is the first paragraph of its doc comment, without its
//!   full stop, so that `NotFound(u64)` with the field documented
//!   `/// capsule id` and the title `"Capsule {0} not found"` reads
//!   `Capsule {capsule id} not found`: a short doc comment on a tuple
//!   field is its name in the docs;
//! - a tuple field without a doc comment is `{value}` when it is the
//!   variant's only field, else `{value 1}`, `{value 2}`, … by position;
//! - `{{` and `}}` are written as single braces.
//!
//! Braces around a name are the convention readers of API documentation
//! already know from OpenAPI path templates (`/capsules/{id}`); they need
//! no escaping in markdown (angle brackets would be taken for HTML), and
//! they read the same in the JSON catalog. The JSON catalog carries
//! both forms: `title` and `detail` as written (a Rust reader's, and
//! [`ErrorInfo`]'s contract), `readable_title` and
//! `readable_detail` for everyone else. In a markdown table a title's `<`
//! is escaped (`\<`), so that a title is never taken for HTML, and `|` is
//! escaped in every cell.
//!
//! # One row per code, where a code means one error
//!
//! In a format where a code means one error (one title, one status, which
//! the derive enforces: entrecode's codes, say), variants that share a
//! code are one row of the markdown table and of the JSON catalog, where
//! the first of them appeared: its title and status, the variants'
//! distinct doc comments as the description, one paragraph each (likewise
//! their distinct `detail` and `verbose` texts), and in the JSON catalog
//! their names joined with `", "`. Where a code is a category that several
//! messages share (an Oz code), each variant keeps its row.
//! [`catalog`](crate::ApiError::catalog) itself always has one row per
//! variant, and so have the OpenAPI examples.

use alloc::borrow::Cow;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Serialize, Serializer};

use crate::{ApiError, ErrorInfo, Format};

/// The format's documentation table for `E`, in the shape of its error page.
///
/// For example, Oz: `| Error code | Error message | Description |` (a
/// variant without a doc comment gets the code's documented description);
/// entrecode: `| Code | Description | Detail | Verbose | HTTP Status Code |`,
/// the description being the title in bold followed by the doc comment,
/// one row per code. Titles and details show their placeholders named (see
/// the [module documentation](self)).
///
/// ```
/// use api_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum CapsuleError {
///     /// The container could not be unpacked.
///     #[api(code = 14, title = "Invalid signature")]
///     BadSignature,
/// }
///
/// assert_eq!(
///     api_errors::docs::markdown::<CapsuleError>(),
///     "| Error code | Error message | Description |\n\
///      | --- | --- | --- |\n\
///      | 14 | Invalid signature | The container could not be unpacked. |\n",
/// );
/// ```
#[must_use]
pub fn markdown<E: ApiError>() -> String {
    <E::Format as Format>::__markdown(&E::catalog())
}

/// `E`'s catalog as pretty-printed JSON, for consumers outside Rust:
/// `{"format": …, "media_type": …, "errors": [row, …]}`, each row with the
/// fields of [`ErrorInfo`], one row per code for a format whose code means
/// one error, such as entrecode (see the [module documentation](self)).
///
/// ```
/// use api_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum CapsuleError {
///     #[api(code = 10)]
///     NotFound,
/// }
///
/// let json: serde_json::Value = serde_json::from_str(&api_errors::docs::json::<CapsuleError>()).unwrap();
/// assert_eq!(json["format"], "oz");
/// assert_eq!(json["errors"][0]["title"], "Resource not found");
/// assert_eq!(json["errors"][0]["status"], 404);
/// ```
#[must_use]
pub fn json<E: ApiError>() -> String {
    let document = JsonCatalog {
        format: <E::Format as Format>::NAME,
        media_type: <E::Format as Format>::MEDIA_TYPE,
        errors: rows(&E::catalog(), <E::Format as Format>::__ONE_ROW_PER_CODE),
    };
    // Strings and numbers always serialise.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// The document [`json`] writes: a struct, not a `serde_json::Value`, so
/// that its members keep their order whatever `serde_json`'s features.
struct JsonCatalog {
    format: &'static str,
    media_type: &'static str,
    errors: Vec<Row>,
}

impl Serialize for JsonCatalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "JsonCatalog", {
            "format" => self.format;
            "media_type" => self.media_type;
            "errors" => &self.errors;
        })
    }
}

/// The variant table of `E` as text: what each variant writes, for a
/// reviewer of the derive's expansion (which holds it as data, not code).
///
/// One block per variant: its code and status, its title's pieces, its
/// body's write program (`write_json`: the pre-escaped constant bytes, and
/// the runtime parts between them, each naming the field it reads) and its
/// serde members in wire order (`body()`: each with where its value comes
/// from and when it is left out), and the same for its body as a sub-error
/// when its format embeds errors. A `transparent` variant is one line: its
/// field's type has a table of its own.
///
/// ```
/// use api_errors::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum CapsuleError {
///     #[api(code = 4, title = "Invalid {field}", detail = reason)]
///     Invalid { field: String, reason: Vec<String> },
/// }
///
/// print!("{}", api_errors::docs::variant_table::<CapsuleError>());
/// assert_eq!(
///     api_errors::docs::variant_table::<CapsuleError>(),
///     r#"Invalid: code 4, status 400
///   title: "Invalid " {field}
///   write_json:
///     bytes `{"error_code":4,"error_message":"Invalid `
///     display field
///     bytes `","details":`
///     serde reason, null if absent or failing
///     bytes `}`
///   serde (struct OzBody):
///     error_code: 4
///     error_message: text "Invalid " {field}
///     details: serde reason, null if absent or failing
/// "#
/// );
/// ```
#[cfg(feature = "describe")]
#[cfg_attr(docsrs, doc(cfg(feature = "describe")))]
#[must_use]
pub fn variant_table<E: ApiError>() -> String {
    E::__table()
        .map(|table| table.describe())
        .unwrap_or_default()
}

/// A markdown table: a header row, the separator, one line per row.
pub(crate) fn table(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    push_row(&mut out, headers.iter().copied());
    push_row(&mut out, headers.iter().map(|_| "---"));
    for row in rows {
        push_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        push_cell(out, cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// A cell's text: pipes escaped, line breaks as `<br>` (doc comments span
/// lines; a table row cannot).
fn push_cell(out: &mut String, text: &str) {
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            out.push_str("<br>");
        }
        out.push_str(&line.replace('|', "\\|"));
    }
}

/// A row of the docs: one variant's, or one code's, merged from the
/// variants that share it. Serialises with [`ErrorInfo`]'s field names, in
/// its order.
pub(crate) struct Row {
    /// The variant's name, or the names of the merged variants.
    pub(crate) name: Cow<'static, str>,
    pub(crate) code: u16,
    pub(crate) status: u16,
    pub(crate) title: &'static str,
    pub(crate) readable_title: &'static str,
    pub(crate) description: Cow<'static, str>,
    pub(crate) detail: Cow<'static, str>,
    pub(crate) readable_detail: Cow<'static, str>,
    pub(crate) verbose: Cow<'static, str>,
    /// Left out for formats without type URIs (Oz).
    pub(crate) type_uri: &'static str,
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::object::serialize_object!(serializer, "Row", {
            "name" => &self.name;
            "code" => &self.code;
            "status" => &self.status;
            "title" => self.title;
            "readable_title" => self.readable_title;
            "description" => &self.description;
            "detail" => &self.detail;
            "readable_detail" => &self.readable_detail;
            "verbose" => &self.verbose;
            "type_uri" => self.type_uri, if !self.type_uri.is_empty();
        })
    }
}

/// The rows of `catalog`: one per variant, or one per code when
/// `one_per_code` (each where its code first appears).
pub(crate) fn rows(catalog: &[ErrorInfo], one_per_code: bool) -> Vec<Row> {
    let mut groups: Vec<Vec<&ErrorInfo>> = Vec::new();
    let mut group_of_code: BTreeMap<u16, usize> = BTreeMap::new();
    for info in catalog {
        match group_of_code.get(&info.code) {
            Some(&group) if one_per_code => groups[group].push(info),
            _ => {
                group_of_code.entry(info.code).or_insert(groups.len());
                groups.push(Vec::from([info]));
            }
        }
    }
    groups.iter().map(|group| merge(group)).collect()
}

/// One row for `group` (not empty): the first variant's code, status and
/// title, the distinct texts of all of them.
fn merge(group: &[&ErrorInfo]) -> Row {
    let first = group[0];
    let joined = |column: fn(&ErrorInfo) -> &'static str, separator: &str| {
        let mut distinct: Vec<&'static str> = Vec::new();
        for text in group.iter().map(|info| column(info)) {
            if !text.is_empty() && !distinct.contains(&text) {
                distinct.push(text);
            }
        }
        match distinct.as_slice() {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(*one),
            many => Cow::Owned(many.join(separator)),
        }
    };
    Row {
        name: joined(|info| info.name, ", "),
        code: first.code,
        status: first.status,
        title: first.title,
        readable_title: first.readable_title,
        description: joined(|info| info.description, "\n"),
        detail: joined(|info| info.detail, "\n"),
        readable_detail: joined(|info| info.readable_detail, "\n"),
        verbose: joined(|info| info.verbose, "\n"),
        type_uri: first.type_uri,
    }
}

/// A plain text (a title) for a markdown cell: `<` escaped, so that no
/// part of it is taken for an HTML tag.
pub(crate) fn plain(text: &str) -> Cow<'_, str> {
    if text.contains('<') {
        Cow::Owned(text.replace('<', "\\<"))
    } else {
        Cow::Borrowed(text)
    }
}
