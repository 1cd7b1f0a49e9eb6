//! Documentation rendered from an error type's [`catalog`](crate::ApiError::catalog).

use alloc::string::String;
use alloc::vec::Vec;

use crate::{ApiError, Format};

/// The format's documentation table for `E`, in the shape of its error page.
///
/// Oz: `| Error code | Error message | Description |` (a variant without a
/// doc comment gets the code's documented description).
/// entrecode: `| Code | Description | Detail | Verbose | HTTP Status Code |`,
/// the description being the title in bold followed by the doc comment.
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

/// `E`'s catalogue as pretty-printed JSON, for consumers outside Rust:
/// `{"format": …, "media_type": …, "errors": [row, …]}`, each row with the
/// fields of [`ErrorInfo`](crate::ErrorInfo).
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
    let document = serde_json::json!({
        "format": <E::Format as Format>::NAME,
        "media_type": <E::Format as Format>::MEDIA_TYPE,
        "errors": E::catalog(),
    });
    // A `Value` of strings and numbers always serialises.
    serde_json::to_string_pretty(&document).unwrap_or_default()
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
