//! A check that a document is whole: every `$ref` in it points at
//! something in it.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;
use utoipa::openapi::OpenApi;

/// The local `$ref`s of `openapi` (those that start with `#`) that point at
/// nothing in it, sorted, each once; empty when the document is whole.
///
/// `responses(MyError)` refers to the format's body schema
/// (`#/components/schemas/` and its body type's name, such as `OzBody`),
/// which [`ErrorDocs`](super::ErrorDocs) registers; a document without
/// it names it here. A test of a service's own document can assert that
/// this is empty:
///
/// ```
/// use api_errors::ApiError;
/// use api_errors::openapi::{ErrorDocs, unresolved_refs};
/// use utoipa::OpenApi;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum ShopError {
///     #[api(code = 10)]
///     NotFound,
/// }
///
/// #[utoipa::path(get, path = "/items", responses(ShopError))]
/// fn items() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(items))]
/// struct Forgotten;
///
/// const ERROR_DOCS: ErrorDocs<ShopError> = ErrorDocs::new();
///
/// #[derive(OpenApi)]
/// #[openapi(paths(items), modifiers(&ERROR_DOCS))]
/// struct Whole;
///
/// assert_eq!(unresolved_refs(&Forgotten::openapi()), ["#/components/schemas/OzBody"]);
/// let whole = Whole::openapi();
/// assert!(unresolved_refs(&whole).is_empty());
/// // `ShopError` answers no framework error: its schema, and nothing more.
/// assert_eq!(whole.info.description, Forgotten::openapi().info.description);
/// let responses = &serde_json::to_value(&whole).unwrap()["paths"]["/items"]["get"]["responses"];
/// assert_eq!(responses.as_object().map(|responses| responses.len()), Some(1));
/// # let _ = ShopError::NotFound;
/// ```
///
/// The target is read as a JSON pointer (`~0`, `~1`), without
/// percent-decoding. A member named `$ref` inside an example's value is
/// checked as well: an example that names a local `$ref` is unusual enough
/// to be worth the question.
#[must_use]
pub fn unresolved_refs(openapi: &OpenApi) -> Vec<String> {
    let document = serde_json::to_value(openapi).unwrap_or_default();
    let mut unresolved = Vec::new();
    collect(&document, &document, &mut unresolved);
    unresolved.sort_unstable();
    unresolved.dedup();
    unresolved
}

fn collect(document: &Value, value: &Value, unresolved: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                match (key.as_str(), member) {
                    ("$ref", Value::String(target)) => {
                        if let Some(pointer) = target.strip_prefix('#')
                            && document.pointer(pointer).is_none()
                        {
                            unresolved.push(target.clone());
                        }
                    }
                    _ => collect(document, member, unresolved),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                collect(document, item, unresolved);
            }
        }
        _ => {}
    }
}
