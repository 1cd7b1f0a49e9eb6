//! The validated model: what `expand` turns into code. Building one means
//! every rule held, so expansion cannot fail.

use proc_macro2::TokenStream;
use syn::{Generics, Ident};

use crate::parse::{self, Field};
use crate::plan::{Check, Object, Text};

/// A type that passed every rule.
pub struct Model<'a> {
    /// The type's name.
    pub ident: &'a Ident,
    /// Its generics.
    pub generics: &'a Generics,
    /// The path of `api_errors` in generated code.
    pub krate: TokenStream,
    /// `format = "…"` as written (a format mismatch points there).
    pub format_kind: crate::parse::Spanned<crate::parse::formats::FormatKind>,
    /// Whether the format embeds errors in others (entrecode's sub-errors):
    /// the type's errors can then be embedded, and a `transparent` field's
    /// type must be embeddable too.
    pub embeds: bool,
    /// The trait that reports a `transparent` field of the wrong type, with
    /// the format's message.
    pub transparent_check: Check,
    /// Every variant, in order.
    pub variants: Vec<Variant<'a>>,
    /// Whether variants are reached as `Self::Name` (enum) or `Self` (struct).
    pub is_enum: bool,
    /// Whether the serving impls include axum's `IntoResponse` (not with
    /// `into_response = false`).
    pub into_response: bool,
    /// `framework_errors`, resolved: which variant answers each framework
    /// error.
    pub framework_errors: Option<FrameworkErrors<'a>>,
    /// The member the serving layers write the request's id under, last in
    /// the body (rfc9457's `request_id = "name"`).
    pub request_id_member: Option<String>,
}

/// The variants that answer the framework's errors (`FromFrameworkError`).
pub struct FrameworkErrors<'a> {
    /// One arm per case of `common::framework_cases`, in its order.
    pub arms: Vec<FrameworkArm<'a>>,
    /// For `FrameworkError::Status`: each status a variant without fields
    /// has, with the first such variant.
    pub by_status: Vec<(u16, &'a parse::Variant)>,
    /// Any other client error status: `invalid_body`'s variant.
    pub other_client: &'a parse::Variant,
    /// Any other server error status: `panic`'s variant.
    pub other_server: &'a parse::Variant,
}

/// The variant that answers one case.
pub struct FrameworkArm<'a> {
    /// The case.
    pub case: &'static crate::common::framework_cases::FrameworkCase,
    /// The variant.
    pub variant: &'a parse::Variant,
    /// The field that holds the name the case hands over, for cases that
    /// hand one.
    pub field: Option<&'a Field>,
}

/// A validated variant.
pub struct Variant<'a> {
    /// The parsed variant.
    pub source: &'a parse::Variant,
    /// What it is on the wire.
    pub kind: Kind<'a>,
}

/// A variant delegates to its one field, or is an error of its own.
pub enum Kind<'a> {
    /// `transparent`: everything comes from this field.
    Transparent(&'a Field),
    /// An error with its own code (boxed: it is much larger than a field
    /// reference).
    Coded(Box<Coded<'a>>),
}

/// A variant with its own code, everything resolved.
pub struct Coded<'a> {
    /// The full wire code.
    pub code: u16,
    /// The HTTP status.
    pub status: u16,
    /// The title (as written, or the documented default).
    pub title: Text<'a>,
    /// `detail`, if the variant names one.
    pub detail: Option<Detail<'a>>,
    /// The response headers it declares, in order.
    pub headers: Vec<Header<'a>>,
    /// What the format writes for it.
    pub plan: Plan<'a>,
}

/// A variant's bodies and the docs only its format knows, as the format
/// plans them.
#[derive(Default)]
pub struct Plan<'a> {
    /// The body.
    pub body: Object<'a>,
    /// The body written as a sub-error, for formats that embed errors.
    pub sub_body: Option<Object<'a>>,
    /// What the `verbose` column of the docs says ("" when the format has
    /// none).
    pub verbose_doc: String,
    /// The URI that identifies the error's type, for formats that have one.
    pub type_uri: String,
}

/// A response header a variant declares.
pub struct Header<'a> {
    /// Its name, lowercase.
    pub name: String,
    /// Its value.
    pub value: HeaderValue<'a>,
}

/// A header's value.
pub enum HeaderValue<'a> {
    /// A constant, checked to be a valid header value.
    Text(String),
    /// A field's `Display`.
    Field(&'a Field),
}

/// What `detail` holds.
pub enum Detail<'a> {
    /// A field.
    Field(&'a Field),
    /// A text, maybe interpolating fields.
    Text(Text<'a>),
}
