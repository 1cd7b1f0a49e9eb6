//! OpenAPI descriptions through utoipa (feature `utoipa`).
//!
//! Every derived type implements `utoipa::IntoResponses`, so a handler's
//! `#[utoipa::path(responses(MyError))]` documents all of its errors: one
//! response per distinct status (variants that share a status are grouped),
//! each with the format's media type, the body schema, and one named example
//! per variant. [`OzBody`] and [`Problem`] implement `utoipa::ToSchema` with
//! the field descriptions of the format pages.
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
//! let examples = &json["content"]["application/json"]["examples"];
//! assert_eq!(examples["NotFound"]["value"]["error_message"], "Capsule {0} not found");
//! assert_eq!(examples["NoRoute"]["value"]["error_message"], "Resource not found");
//! ```
//!
//! An example shows each variant's code and title as written, and its
//! runtime values as `"{field}"` placeholders (a serde value's shape is not
//! known to the derive); sub-errors show the embedded type's first variant.

use alloc::borrow::Cow;
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use utoipa::openapi::RefOr;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{
    ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type,
};
use utoipa::{PartialSchema, ToSchema};

use crate::__private::Example;
use crate::entrecode::Problem;
use crate::oz::OzBody;
use crate::{ApiError, Format};

/// The responses of `E`, keyed by status: what the derived
/// `IntoResponses::responses` returns.
#[must_use]
pub fn responses<E: ApiError>() -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<Example>> = BTreeMap::new();
    for example in E::__examples() {
        by_status.entry(example.status).or_default().push(example);
    }
    by_status
        .into_iter()
        .map(|(status, examples)| {
            (
                status.to_string(),
                response::<E::Format>(status, &examples).into(),
            )
        })
        .collect()
}

/// One status's response: every variant's example under a name of its own.
fn response<F: Format>(status: u16, examples: &[Example]) -> Response {
    let mut named: Vec<(String, RefOr<utoipa::openapi::example::Example>)> =
        Vec::with_capacity(examples.len());
    for example in examples {
        let name = unique_name(example, &named);
        let value = ExampleBuilder::new()
            .summary(alloc::format!("{}: {}", example.code, example.title))
            .value(Some(body(example)))
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
    let reason = crate::http::status_code(status)
        .canonical_reason()
        .unwrap_or("Error");
    ResponseBuilder::new()
        .description(alloc::format!("{reason}: {}", titles.join("; ")))
        .content(
            F::MEDIA_TYPE,
            ContentBuilder::new()
                .schema(Some(F::__schema()))
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

/// The example body, with `_embedded` filled in last.
fn body(example: &Example) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(example.body).unwrap_or_default();
    if let (Some(embedded), serde_json::Value::Object(members)) = (example.embedded, &mut value) {
        members.insert(
            "_embedded".into(),
            serde_json::json!({ "error": embedded() }),
        );
    }
    value
}

/// JSON Schema's `"format": "uri"` (not among utoipa's known formats).
fn uri() -> utoipa::openapi::SchemaFormat {
    utoipa::openapi::SchemaFormat::Custom("uri".into())
}

fn integer(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .description(Some(description))
}

fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

fn any(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::AnyValue)
        .description(Some(description))
}

impl PartialSchema for OzBody {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .description(Some("An Oz error response body."))
            .property("error_code", integer("Integer error code.").minimum(Some(0)).maximum(Some(14)))
            .required("error_code")
            .property("error_message", string("Text error description."))
            .required("error_message")
            .property("details", any("Additional error details (the format is specific to each case). Can be empty (null)."))
            .required("details")
            .into()
    }
}

impl ToSchema for OzBody {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("OzBody")
    }
}

fn link(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .description(Some(description))
        .property("title", ObjectBuilder::new().schema_type(Type::String))
        .required("title")
        .property(
            "href",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(uri())),
        )
        .required("href")
}

fn code() -> ObjectBuilder {
    integer("A four digit error code: the system (first digit) and the error.")
        .minimum(Some(1000))
        .maximum(Some(9999))
}

fn title() -> ObjectBuilder {
    string("The generic, short description of the error code.")
}

fn type_url() -> ObjectBuilder {
    string("The URL to the description of the error code.").format(Some(uri()))
}

fn detail() -> ObjectBuilder {
    string("The name of the object the error occurred on (e.g. the invalid property).")
}

/// An error sub-resource: the subset `code`, `title`, `type`, `detail`.
fn sub_error() -> ObjectBuilder {
    ObjectBuilder::new()
        .description(Some(
            "An error sub-resource: a subset of the properties of the main error.",
        ))
        .property("code", code())
        .required("code")
        .property("title", title())
        .required("title")
        .property("type", type_url())
        .required("type")
        .property("detail", detail())
}

impl PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        let links = ObjectBuilder::new()
            .description(Some("A HAL link object with the `up` and `describedby` relations; `describedby` is the same URL as `type`."))
            .property("up", link("The API's home."))
            .required("up")
            .property("describedby", link("The error code's description."))
            .required("describedby");
        let errors = OneOfBuilder::new()
            .item(sub_error())
            .item(ArrayBuilder::new().items(sub_error()))
            .description(Some("One error sub-resource, or a list of them."));
        let embedded = ObjectBuilder::new()
            .description(Some("A HAL embed object that may include `error` sub-resources: more errors that occurred or would have occurred."))
            .property("error", errors);
        ObjectBuilder::new()
            .description(Some(
                "An entrecode error response body: Problem Details and HAL.",
            ))
            .property(
                "status",
                integer(
                    "The HTTP status code of the error, the same as the actual HTTP response's.",
                )
                .minimum(Some(400))
                .maximum(Some(599)),
            )
            .required("status")
            .property("code", code())
            .required("code")
            .property("title", title())
            .required("title")
            .property("type", type_url())
            .required("type")
            .property("detail", detail())
            .property(
                "verbose",
                any("Any additional information about the error."),
            )
            .property("_links", links)
            .required("_links")
            .property("_embedded", embedded)
            .into()
    }
}

impl ToSchema for Problem {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Problem")
    }
}
