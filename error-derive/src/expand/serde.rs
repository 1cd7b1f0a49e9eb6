//! The serde path: a plan as `Serialize` code, for `Body` and sub-errors.
//!
//! Members are serialised as a struct (JSON: an object). Whether an optional
//! member is present is decided before the struct starts, so its length is
//! exact and an absent member is a `skip_field`, as serde's own derive does.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::write::{pick, str_like};
use super::{Expander, binding, option_inner, respan};
use crate::plan::{Const, Object, OnError, Value};

/// How a member's value is serialised.
enum Serialized {
    /// Always present: this expression (a reference to a `Serialize` value).
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
        let state = quote!(&mut __api_state);
        let mut decide = Vec::new();
        let mut optional = Vec::new();
        let mut fields = Vec::new();
        let mut always = 0usize;
        for (index, member) in object.members.iter().enumerate() {
            let key = member.key;
            fields.push(match self.serialized(&member.value) {
                Serialized::Always(value) => {
                    always += 1;
                    quote!(#private::SerializeStruct::serialize_field(#state, #key, #value)?;)
                }
                Serialized::Optional { present, value } => {
                    let name = format_ident!("__api_member_{}", index);
                    decide.push(quote!(let #name = #present;));
                    optional.push(name.clone());
                    quote! {
                        match #name {
                            ::core::option::Option::Some(__api_value) => {
                                #private::SerializeStruct::serialize_field(#state, #key, #value)?;
                            }
                            ::core::option::Option::None => {
                                #private::SerializeStruct::skip_field(#state, #key)?;
                            }
                        }
                    }
                }
            });
        }
        let name = object.name;
        let usize_ = quote!(::core::primitive::usize);
        quote! {
            #(#decide)*
            let __api_len: #usize_ = #always #(
                + <#usize_ as ::core::convert::From<::core::primitive::bool>>::from(
                    ::core::option::Option::is_some(&#optional))
            )*;
            let mut __api_state = #private::Serializer::serialize_struct(__serializer, #name, __api_len)?;
            #(#fields)*
            #private::SerializeStruct::end(__api_state)
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
            Value::Const(value) => {
                let value = self.typed_constant(value);
                Serialized::Always(quote!(&#value))
            }
            Value::Text(text) => {
                let parts = self.text_parts(text);
                Serialized::Always(quote!(&#private::TextStr(&#private::Text(&[#(#parts),*]))))
            }
            Value::Display(field) => {
                let (value, span) = (binding(&field.member), field.ty.span());
                let private = respan(&private, span);
                // A string type's text as a `&str` (see `write::str_like`),
                // any other type's through its `Display`.
                let text = |value: TokenStream, ty: &syn::Type| {
                    if str_like(ty) {
                        let text = pick(&private, &value, &quote_spanned!(span=> __serde_text()));
                        quote_spanned!(span=> &#text)
                    } else {
                        quote_spanned!(span=> &#private::DisplayStr(#value))
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
                Serialized::Always(quote_spanned!(span=> &#private::SerdeOrNull(#value)))
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
                    value: quote!(&#private::entrecode::Embedded(__api_value)),
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
