//! The serde path: a plan as `Serialize` code, for `Body` and sub-errors.
//!
//! A variant's body is one expression: a tuple of its members handed to the
//! runtime's `Members` struct serialiser,
//!
//! ```text
//! Serialize::serialize(&Members("OzBody", (
//!     Field("error_code", 4u16),
//!     Field("error_message", "Invalid value"),
//!     Field("details", SerdeOrNull(__api_details)),
//! )), __serializer)
//! ```
//!
//! rather than a `serialize_struct` call and a `serialize_field(…)?` per
//! member in every variant: the state handling is written (and type-checked)
//! once in error-core, so a large enum costs its users far less compile time
//! (BENCHMARKS.md, "compile time"), and after inlining the code is the same.
//! An optional member is a `MaybeField` holding an `Option`, decided before
//! the struct starts, so its length is exact and an absent member is a
//! `skip_field`, as serde's own derive does.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::write::{pick, str_like};
use super::{Expander, binding, option_inner, respan};
use crate::plan::{Const, Object, OnError, Value};

/// How many members one tuple holds; longer lists nest (the runtime
/// implements `Members` for tuples up to this length, and for tuples of
/// tuples).
const TUPLE_MAX: usize = 8;

/// How a member's value is serialised.
enum Serialized {
    /// Always present: this expression (a `Serialize` value).
    Always(TokenStream),
    /// Present when `present` (an `Option`) is `Some(__api_value)`; then
    /// `value` is serialised.
    Optional {
        present: TokenStream,
        value: TokenStream,
    },
}

impl Expander<'_> {
    /// Code serialising `object` with `__serializer`.
    pub fn serialize_object(&self, object: &Object<'_>) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        let fields: Vec<TokenStream> = object
            .members
            .iter()
            .map(|member| {
                let key = member.key;
                match self.serialized(&member.value) {
                    Serialized::Always(value) => quote!(#private::Field(#key, #value)),
                    Serialized::Optional { present, value } => quote! {
                        #private::MaybeField(#key, match #present {
                            ::core::option::Option::Some(__api_value) => ::core::option::Option::Some(#value),
                            ::core::option::Option::None => ::core::option::Option::None,
                        })
                    },
                }
            })
            .collect();
        let members = nest(fields);
        let name = object.name;
        quote! {
            #private::serde::Serialize::serialize(&#private::Members(#name, #members), __serializer)
        }
    }

    /// How one value is serialised. Calls on a field are spanned on its type,
    /// so that a type error lands there.
    fn serialized(&self, value: &Value<'_>) -> Serialized {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        let some = quote!(::core::option::Option::Some);
        let none = quote!(::core::option::Option::None);
        match value {
            Value::Const(value) => Serialized::Always(self.typed_constant(value)),
            Value::Text(text) => {
                let parts = self.text_parts(text);
                Serialized::Always(quote!(#private::TextStr(&#private::Text(&[#(#parts),*]))))
            }
            Value::Display(field) => {
                let (value, span) = (binding(&field.member), field.ty.span());
                let private = respan(&private, span);
                // A string type's text as a `&str` (see `write::str_like`),
                // any other type's through its `Display`.
                let text = |value: TokenStream, ty: &syn::Type| {
                    if str_like(ty) {
                        pick(&private, &value, &quote_spanned!(span=> __serde_text()))
                    } else {
                        quote_spanned!(span=> #private::DisplayStr(#value))
                    }
                };
                if let Some(inner) = option_inner(&field.ty) {
                    Serialized::Optional {
                        present: quote!(::core::option::Option::as_ref(#value)),
                        value: text(quote!(__api_value), inner),
                    }
                } else {
                    Serialized::Always(text(quote!(#value), &field.ty))
                }
            }
            Value::Serde(field, OnError::Null) => {
                let (value, span) = (binding(&field.member), field.ty.span());
                let private = respan(&private, span);
                Serialized::Always(quote_spanned!(span=> #private::SerdeOrNull(#value)))
            }
            Value::Serde(field, OnError::Omit) => {
                let (value, span) = (binding(&field.member), field.ty.span());
                let private = respan(&private, span);
                let present = if option_inner(&field.ty).is_some() {
                    quote_spanned! {span=>
                        match #value {
                            #some(__api_some) if #private::serializes(__api_some) => #some(__api_some),
                            _ => #none,
                        }
                    }
                } else {
                    quote_spanned!(span=> if #private::serializes(#value) { #some(#value) } else { #none })
                };
                Serialized::Optional {
                    present,
                    value: quote!(__api_value),
                }
            }
            Value::Embed(field) => {
                let (value, span) = (binding(&field.member), field.ty.span());
                let private = respan(&private, span);
                Serialized::Optional {
                    present: quote_spanned! {span=>
                        if #private::entrecode::Embed::is_empty(#value) { #none } else { #some(#value) }
                    },
                    value: quote!(#private::entrecode::Embedded(__api_value)),
                }
            }
        }
    }

    /// A constant as a typed value where its type is uniform: a number as a
    /// `u16`, a string as a `&str`, an object whose values have one shape
    /// as a `ConstMap` (entrecode's `_links`). Those serialise with no
    /// `match` at run time; anything else is a `Const`.
    fn typed_constant(&self, value: &Const) -> TokenStream {
        let krate = self.krate();
        match value {
            // `None`, not `()`: `null` for every serializer, as `Const::Null`.
            Const::Null => quote!(::core::option::Option::<()>::None),
            Const::Int(number) => quote!(#number),
            Const::Str(text) => quote!(#text),
            Const::Object(members) if shape(value).is_some() => {
                let members = members.iter().map(|(key, value)| {
                    let value = self.typed_constant(value);
                    quote!((#key, #value))
                });
                quote!(#krate::__private::ConstMap(&[#(#members),*]))
            }
            Const::Object(_) => self.constant(value),
        }
    }

    /// A constant as a runtime `Const`.
    fn constant(&self, value: &Const) -> TokenStream {
        let krate = self.krate();
        let constant = quote!(#krate::__private::Const);
        match value {
            Const::Null => quote!(#constant::Null),
            Const::Int(number) => quote!(#constant::Int(#number)),
            Const::Str(text) => quote!(#constant::Str(#text)),
            Const::Object(members) => {
                let members = members.iter().map(|(key, value)| {
                    let value = self.constant(value);
                    quote!((#key, #value))
                });
                quote!(#constant::Object(&[#(#members),*]))
            }
        }
    }
}

/// The type a constant becomes in `typed_constant`, as a string to compare:
/// `None` for an object whose values differ in type, or an empty one, which
/// stay `Const`s.
fn shape(value: &Const) -> Option<String> {
    match value {
        Const::Null => Some("null".to_owned()),
        Const::Int(_) => Some("u16".to_owned()),
        Const::Str(_) => Some("str".to_owned()),
        Const::Object(members) => {
            let mut shapes = members.iter().map(|(_, value)| shape(value));
            let first = shapes.next()??;
            shapes
                .all(|other| other.as_ref() == Some(&first))
                .then(|| format!("map<{first}>"))
        }
    }
}

/// `(a, b, …)` of at most `TUPLE_MAX` members, nested when longer.
fn nest(mut members: Vec<TokenStream>) -> TokenStream {
    while members.len() > TUPLE_MAX {
        members = members
            .chunks(TUPLE_MAX)
            .map(|chunk| quote!((#(#chunk,)*)))
            .collect();
    }
    quote!((#(#members,)*))
}
