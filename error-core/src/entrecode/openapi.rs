//! `utoipa::ToSchema` for [`Problem`] (feature `utoipa`), with the member
//! descriptions of the entrecode error page: the schema an OpenAPI document
//! registers once as `#/components/schemas/Problem`.

use alloc::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use super::Problem;
use crate::openapi::schemas::{any, integer, string, uri};

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
