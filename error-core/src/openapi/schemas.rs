//! Builders the formats' body schemas share (each format's `ToSchema` is
//! in its own module: `oz/openapi.rs`, `entrecode/openapi.rs`, …).

use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};

/// JSON Schema's `"format": "uri"` (not among utoipa's known formats).
pub(crate) fn uri() -> utoipa::openapi::SchemaFormat {
    utoipa::openapi::SchemaFormat::Custom("uri".into())
}

/// An integer member, described.
pub(crate) fn integer(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .description(Some(description))
}

/// A string member, described.
pub(crate) fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

/// A member of any JSON type, described.
pub(crate) fn any(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::AnyValue)
        .description(Some(description))
}
