//! `utoipa::ToSchema` for [`ProblemDetails`] (feature `utoipa`), with the
//! member descriptions of RFC 9457 §3.1: the schema an OpenAPI document
//! registers once as `#/components/schemas/ProblemDetails`.

use alloc::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use super::ProblemDetails;

/// JSON Schema's `"format": "uri-reference"` (not among utoipa's known
/// formats).
fn uri_reference() -> utoipa::openapi::SchemaFormat {
    utoipa::openapi::SchemaFormat::Custom("uri-reference".into())
}

fn member(schema_type: Type, description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(schema_type)
        .description(Some(description))
}

impl PartialSchema for ProblemDetails {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .description(Some(
                "An RFC 9457 problem details object (application/problem+json). \
                 Members other than the five below are extension members.",
            ))
            .property(
                "type",
                member(
                    Type::String,
                    "A URI reference that identifies the problem type; about:blank (the problem has no semantics beyond its HTTP status) when absent.",
                )
                .format(Some(uri_reference()))
                .default(Some("about:blank".into())),
            )
            .required("type")
            .property(
                "title",
                member(
                    Type::String,
                    "A short, human-readable summary of the problem type; for about:blank, the HTTP status's reason phrase.",
                ),
            )
            .property(
                "status",
                member(
                    Type::Integer,
                    "The HTTP status code of this occurrence of the problem, the same as the response's.",
                )
                .minimum(Some(400))
                .maximum(Some(599)),
            )
            .property(
                "detail",
                member(
                    Type::String,
                    "A human-readable explanation specific to this occurrence of the problem.",
                ),
            )
            .property(
                "instance",
                member(
                    Type::String,
                    "A URI reference that identifies this occurrence of the problem.",
                )
                .format(Some(uri_reference())),
            )
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
            .into()
    }
}

impl ToSchema for ProblemDetails {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ProblemDetails")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use utoipa::{PartialSchema, ToSchema};

    use super::ProblemDetails;

    #[test]
    fn test_the_schema_is_named_problem_details() {
        assert_eq!(ProblemDetails::name(), "ProblemDetails");
    }

    #[test]
    fn test_the_schema_has_the_five_members_and_allows_extensions() {
        let schema = serde_json::to_value(ProblemDetails::schema()).unwrap();
        assert_eq!(schema["type"], "object");
        let properties = schema["properties"].as_object().unwrap();
        let mut names: alloc::vec::Vec<_> = properties
            .keys()
            .map(alloc::string::String::as_str)
            .collect();
        names.sort_unstable();
        assert_eq!(names, ["detail", "instance", "status", "title", "type"]);
        assert_eq!(schema["required"], json!(["type"]));
        assert_eq!(schema["additionalProperties"], true);
        assert_eq!(
            properties["type"],
            json!({
                "type": "string",
                "format": "uri-reference",
                "default": "about:blank",
                "description": "A URI reference that identifies the problem type; about:blank (the problem has no semantics beyond its HTTP status) when absent."
            })
        );
        assert_eq!(properties["instance"]["format"], "uri-reference");
        assert_eq!(
            (
                &properties["status"]["type"],
                &properties["status"]["minimum"],
                &properties["status"]["maximum"]
            ),
            (&json!("integer"), &json!(400), &json!(599))
        );
        for name in ["title", "detail"] {
            assert_eq!(properties[name]["type"], "string", "{name}");
        }
    }
}
