//! `utoipa::ToSchema` for [`OzBody`] (feature `utoipa`), with the member
//! descriptions of the Oz error page: the schema an OpenAPI document
//! registers once as `#/components/schemas/OzBody`.

use alloc::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema};
use utoipa::{PartialSchema, ToSchema};

use super::OzBody;
use crate::openapi::schemas::{any, integer, string};

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
