//! darling receivers: the shape of the input (variants, fields, their
//! attributes). `#[api]` and doc attributes are forwarded as they are, for
//! [`super::keys`] and [`super::docs`] to read.

use darling::{FromDeriveInput, FromField, FromVariant, ast};
use syn::{Attribute, Ident, Type};

/// The deriving type. Unions are turned away before darling sees them.
#[derive(FromDeriveInput)]
#[darling(forward_attrs(api, doc), supports(struct_any, enum_any))]
pub struct Container {
    pub data: ast::Data<Variant, Field>,
    pub attrs: Vec<Attribute>,
}

/// One enum variant.
#[derive(FromVariant)]
#[darling(forward_attrs(api, doc))]
pub struct Variant {
    pub ident: Ident,
    pub fields: ast::Fields<Field>,
    pub attrs: Vec<Attribute>,
}

/// One field of a variant or struct.
#[derive(FromField)]
#[darling(forward_attrs(api, doc))]
pub struct Field {
    pub ident: Option<Ident>,
    pub ty: Type,
    pub attrs: Vec<Attribute>,
}
