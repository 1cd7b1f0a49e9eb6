//! Parse: the derive input as a model of items and their `#[api]` keys.
//!
//! The type's shape (variants, fields, doc comments) is read from `syn`'s
//! tree as it is, without a copy of its own; the `#[api(...)]` keys are read
//! by [`keys`], one
//! table of every key with the item it belongs on, so that every message can
//! name the key, the item and the fix. Nothing here stops at the first error:
//! each bad key is reported and parsing goes on with the rest.

mod docs;
pub mod formats;
pub mod framework_errors;
pub mod headers;
pub mod keys;
pub mod nested;
pub mod template;
pub mod value;

use crate::errors::Errors;
use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Ident, Type};

use self::keys::Item;
pub use self::keys::{ContainerAttrs, VariantAttrs};

/// The input type, parsed.
pub struct Input<'a> {
    /// The type's name.
    pub ident: &'a Ident,
    /// The type's generics.
    pub generics: &'a syn::Generics,
    /// The container keys (on the enum, or the struct's own).
    pub container: ContainerAttrs,
    /// The variants; a struct is one variant named like the type.
    pub variants: Vec<Variant>,
    /// Whether the type is an enum (`Self::Variant`) or a struct (`Self`).
    pub is_enum: bool,
}

/// A variant (or the struct itself).
pub struct Variant {
    /// Its name.
    pub ident: Ident,
    /// Its fields, in order.
    pub fields: Vec<Field>,
    /// Its `#[api]` keys.
    pub attrs: VariantAttrs,
    /// Its doc comment.
    pub docs: String,
    /// Which row of a `framework` variant it is, for one of those (which
    /// validation makes: parse reads only what was written).
    pub row: Option<Row>,
}

/// Which row of a `framework` variant a variant is.
#[derive(Clone, Copy)]
pub struct Row {
    /// The case it answers.
    pub case: &'static crate::common::framework_cases::FrameworkCase,
    /// The case's index in `common::framework_cases`: what the variant's
    /// `Answer` holds to pick this row.
    pub index: u8,
}

/// A field of a variant.
pub struct Field {
    /// Its name, or its index in a tuple variant: what a pattern or a
    /// field expression names it by (`syn::Member`).
    pub name: syn::Member,
    /// Its type.
    pub ty: Type,
    /// Its doc comment.
    pub docs: String,
}

impl Variant {
    /// Its name in the catalog: its own, or for a row of a `framework`
    /// variant the variant's with the case (`Framework(not_found)`).
    pub fn name(&self) -> String {
        match &self.row {
            Some(row) => format!("{}({})", self.ident, row.case.key),
            None => self.ident.to_string(),
        }
    }

    /// The field called `name`, if the variant has it.
    pub fn field(&self, name: &syn::Member) -> Option<&Field> {
        self.fields.iter().find(|field| field.name == *name)
    }
}

impl<'a> Input<'a> {
    /// Parses `input`, pushing every error found to `errors`. `None` only when
    /// the shape itself is wrong (a union); otherwise every item is parsed and
    /// a bad key is simply absent from the result.
    pub fn from_syn(input: &'a syn::DeriveInput, errors: &mut Errors) -> Option<Self> {
        // The rule "derive on a union" gets our own message, at `union`.
        if let syn::Data::Union(data) = &input.data {
            errors.push(
                crate::errors::error(&data.union_token, "#[derive(ApiError)] does not support unions: use an enum (one variant per error) or a struct",),
            );
            return None;
        }
        let is_enum = matches!(input.data, syn::Data::Enum(_));
        let anchor = input
            .attrs
            .iter()
            .find(|attr| attr.path().is_ident("api"))
            .map_or_else(|| input.ident.span(), |attr| attr.path().span());
        let item = if is_enum { Item::Enum } else { Item::Struct };
        let (container, struct_attrs) = keys::parse_container(&input.attrs, item, anchor, errors);
        let variants = match &input.data {
            syn::Data::Enum(data) => data
                .variants
                .iter()
                .map(|variant| {
                    let attrs = keys::parse_variant(&variant.attrs, container.format, errors);
                    Variant::new(
                        &variant.ident,
                        &variant.fields,
                        attrs,
                        &variant.attrs,
                        errors,
                    )
                })
                .collect(),
            syn::Data::Struct(data) => Vec::from([Variant::new(
                &input.ident,
                &data.fields,
                struct_attrs,
                &input.attrs,
                errors,
            )]),
            syn::Data::Union(_) => return None,
        };
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            container,
            variants,
            is_enum,
        })
    }
}

impl Variant {
    fn new(
        ident: &Ident,
        fields: &syn::Fields,
        attrs: VariantAttrs,
        raw_attrs: &[syn::Attribute],
        errors: &mut Errors,
    ) -> Self {
        let fields = fields
            .iter()
            .enumerate()
            .map(|(index, field)| {
                keys::reject_field_attrs(&field.attrs, errors);
                let name = match &field.ident {
                    Some(ident) => syn::Member::Named(ident.clone()),
                    None => syn::Member::Unnamed(syn::Index {
                        index: u32::try_from(index).unwrap_or(u32::MAX),
                        span: field.ty.span(),
                    }),
                };
                Field {
                    name,
                    docs: docs::collect(&field.attrs),
                    ty: field.ty.clone(),
                }
            })
            .collect();
        Variant {
            ident: ident.clone(),
            fields,
            attrs,
            docs: docs::collect(raw_attrs),
            row: None,
        }
    }
}

/// A value with the span of the token it came from.
#[derive(Clone, Copy, Debug)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}
