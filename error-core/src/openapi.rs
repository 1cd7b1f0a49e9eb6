//! OpenAPI descriptions through utoipa (feature `utoipa`).
//!
//! # Your errors
//!
//! Every derived type implements `utoipa::IntoResponses`, so a handler's
//! `#[utoipa::path(responses(MyError))]` documents all of its errors: one
//! response per distinct status (variants that share a status are grouped),
//! each with the format's media type, the body schema, and one named example
//! per variant. Each format's body type (Oz's [`OzBody`](crate::oz::OzBody),
//! entrecode's [`Problem`](crate::entrecode::Problem), …) implements
//! `utoipa::ToSchema` with the member descriptions of the format's page.
//!
//! ```
//! use api_errors::ApiError;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz")]
//! enum CapsuleError {
//!     #[api(code = 10, title = "Capsule {0} not found")]
//!     NotFound(u64),
//!     #[api(code = 10)]
//!     NoRoute,
//!     #[api(code = 3, title = "Missing payload.json", detail = path)]
//!     MissingPayload { path: String },
//! }
//!
//! let responses = CapsuleError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["400", "404"]);
//! let json = serde_json::to_value(&responses["404"]).unwrap();
//! let content = &json["content"]["application/json"];
//! assert_eq!(content["schema"]["$ref"], "#/components/schemas/OzBody");
//! assert_eq!(content["examples"]["NotFound"]["value"]["error_message"], "Capsule {0} not found");
//! assert_eq!(content["examples"]["NoRoute"]["value"]["error_message"], "Resource not found");
//! ```
//!
//! An example shows each variant's code and title as written, and its
//! runtime values as `"{field}"` placeholders (a serde value's shape is not
//! known to the derive); sub-errors show the embedded type's first variant.
//!
//! # The document: body schemas once, and the framework's own errors
//!
//! The responses refer to the format's body schema by `$ref`
//! (`#/components/schemas/` and the body type's name: `OzBody`, `Problem`,
//! …) rather than repeating it in every response of every operation, so
//! the document must have it in `components`: add [`ErrorDocs`] to its
//! modifiers. For a type that answers the framework's own errors (see
//! [`framework`](crate::framework)), it documents those too: each operation lists the answers that
//! its request can cause (a body, for one that reads a body; a path
//! parameter that does not parse, for one that has path parameters; a
//! panic and a timeout, for all), as examples named `framework: {case}`
//! under the status the serving integrations answer them with, and the
//! document's description says how a path no operation has (404) and a
//! method a path does not take (405) are answered: those are answers to
//! requests no operation describes, so no operation could list them.
//!
//! ```
//! use api_errors::ApiError;
//! use api_errors::openapi::{ErrorDocs, unresolved_refs};
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "oz", framework_errors)]
//! enum NotesError {
//!     #[api(code = 3, title = "Unreadable request")]
//!     Unreadable,
//!     #[api(code = 3, title = "Missing {0}", detail = 0)]
//!     Missing(String),
//!     #[api(code = 4, title = "Invalid {property}", detail = property)]
//!     Invalid { property: String },
//!     #[api(code = 5, detail = parameter)]
//!     BadParameter { parameter: String },
//!     #[api(code = 10)]
//!     NotFound,
//!     #[api(code = 1)]
//!     Method,
//!     #[api(code = 0)]
//!     Internal,
//! }
//!
//! #[derive(utoipa::ToSchema)]
//! struct NewNote {
//!     title: String,
//! }
//!
//! /// Writes a note.
//! #[utoipa::path(post, path = "/notes", request_body = NewNote,
//!     responses((status = 201, description = "Written"), NotesError))]
//! fn write_note() {}
//!
//! // utoipa takes a modifier by name: a `const` of it.
//! const ERROR_DOCS: ErrorDocs<NotesError> = ErrorDocs::new();
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(write_note), modifiers(&ERROR_DOCS))]
//! struct ApiDoc;
//!
//! let document = ApiDoc::openapi();
//! assert!(unresolved_refs(&document).is_empty(), "OzBody is in components");
//! let json = serde_json::to_value(&document).unwrap();
//! let operation = &json["paths"]["/notes"]["post"]["responses"];
//! let examples = &operation["400"]["content"]["application/json"]["examples"];
//! assert_eq!(
//!     examples["framework: missing_property"]["value"],
//!     serde_json::json!({
//!         "error_code": 3,
//!         "error_message": "Missing {property}",
//!         "details": "{property}",
//!     }),
//! );
//! // The variants' own examples stay beside the framework's.
//! assert!(examples["Unreadable"].is_object());
//! // A body over the limit: Oz keeps the framework's 413 for its code 3.
//! assert!(operation["413"]["content"]["application/json"]["examples"]
//!     ["framework: payload_too_large"].is_object());
//! let description = document.info.description.unwrap_or_default();
//! assert!(description.contains("status 405"), "{description}");
//! ```
//!
//! A service that answers some paths with one type and others with
//! another scopes each [`ErrorDocs`] with [`ErrorDocs::under`]
//! (`const OZ: ErrorDocs<CapsuleError> = ErrorDocs::new().under("/oz");`).
//! [`unresolved_refs`] checks, in a test of the service, that no `$ref` of
//! its document points at nothing, which is what a forgotten modifier
//! leaves behind.

mod framework;
mod modifiers;
mod refs;
pub(crate) mod schemas;

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use utoipa::ToSchema;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{Ref, RefOr};

pub use self::modifiers::{ErrorDocs, NestedDocs};
pub use self::refs::unresolved_refs;
use crate::__private::Example;
use crate::{ApiError, Format};

#[doc(hidden)]
/// The responses of `E`, keyed by status: what the derived
/// `IntoResponses::responses` returns (call `E::responses()`).
///
/// Each body's schema is a `$ref` to the format's body schema in
/// `components`, which [`ErrorDocs`] registers.
#[must_use]
pub fn responses<E: ApiError>() -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<Example>> = BTreeMap::new();
    for example in E::__examples() {
        by_status.entry(example.status).or_default().push(example);
    }
    by_status
        .into_iter()
        .map(|(status, examples)| (status.to_string(), response::<E>(status, &examples).into()))
        .collect()
}

/// One status's response: every variant's example under a name of its own.
fn response<E: ApiError>(status: u16, examples: &[Example]) -> Response {
    let mut named: Vec<(String, RefOr<utoipa::openapi::example::Example>)> =
        Vec::with_capacity(examples.len());
    for example in examples {
        let name = unique_name(example, &named);
        let value = ExampleBuilder::new()
            .summary(alloc::format!("{}: {}", example.code, example.title))
            .value(Some(with_request_id::<E>(body(example))))
            .build();
        named.push((name, value.into()));
    }
    // Variants that share a code share its title: name it once.
    let mut titles: Vec<&str> = Vec::with_capacity(examples.len());
    for example in examples {
        if !titles.contains(&example.title) {
            titles.push(example.title);
        }
    }
    ResponseBuilder::new()
        .description(description(status, &titles))
        .content(
            E::Format::MEDIA_TYPE,
            ContentBuilder::new()
                .schema(Some(body_schema_of::<E>()))
                .examples_from_iter(named)
                .build(),
        )
        .build()
}

/// The variant's name, or, when another variant of the same response has
/// it (a transparent type's variant, say), the name with its code and a
/// counter: no example is lost to another's key.
fn unique_name(
    example: &Example,
    taken: &[(String, RefOr<utoipa::openapi::example::Example>)],
) -> String {
    let is_taken = |name: &str| taken.iter().any(|(existing, _)| existing == name);
    if !is_taken(example.name) {
        return example.name.to_string();
    }
    // Among `taken.len() + 1` candidates one is free (pigeonhole).
    (1..=taken.len() + 1)
        .map(|counter| match counter {
            1 => alloc::format!("{} ({})", example.name, example.code),
            _ => alloc::format!("{} ({}, {counter})", example.name, example.code),
        })
        .find(|name| !is_taken(name))
        .unwrap_or_default()
}

/// The example body, with its sub-errors (the embedded type's example)
/// filled in last, where the format's body holds them.
fn body(example: &Example) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(example.body).unwrap_or_default();
    if let (Some(embedded), serde_json::Value::Object(members)) = (example.embedded, &mut value) {
        let [member, inner] = example.embedded_at;
        let mut holder = serde_json::Map::new();
        holder.insert(inner.into(), embedded());
        members.insert(member.into(), serde_json::Value::Object(holder));
    }
    value
}

/// A response's description: the status's reason, then the titles of the
/// variants that answer it, each once.
pub(crate) fn description(status: u16, titles: &[&str]) -> String {
    let reason = crate::http::status_code(status)
        .canonical_reason()
        .unwrap_or("Error");
    alloc::format!("{reason}: {}", titles.join("; "))
}

/// The id a request-id member shows in examples.
const EXAMPLE_REQUEST_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";

/// `body` with `E`'s request-id member last, when `E` has one
/// (`request_id = "name"`): examples show a body as a request with an id
/// gets it.
pub(crate) fn with_request_id<E: ApiError>(mut body: serde_json::Value) -> serde_json::Value {
    if let (Some(member), serde_json::Value::Object(members)) =
        (E::__request_id_member_of_type(), &mut body)
    {
        members.insert(member.into(), EXAMPLE_REQUEST_ID.into());
    }
    body
}

/// `E`'s body schema: the format's, by reference, and for a type with a
/// request-id member, that member beside it (`allOf`).
pub(crate) fn body_schema_of<E: ApiError>() -> RefOr<Schema> {
    let Some(member) = E::__request_id_member_of_type() else {
        return body_schema::<E::Format>();
    };
    let id = utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(
            "The request's id (its `x-request-id`), on every answer to a request that has one.",
        ))
        .examples([serde_json::Value::from(EXAMPLE_REQUEST_ID)]);
    let own = utoipa::openapi::ObjectBuilder::new().property(member, id);
    utoipa::openapi::AllOfBuilder::new()
        .item(body_schema::<E::Format>())
        .item(own)
        .into()
}

/// The format's body schema, by reference: `#/components/schemas/` and the
/// name of the format's body type, the one [`ErrorDocs`] registers.
pub(crate) fn body_schema<F: Format>() -> RefOr<Schema> {
    Ref::from_schema_name(<F::__Body as ToSchema>::name()).into()
}
