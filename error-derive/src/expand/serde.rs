//! The serde path: a plan as `Serialize` code, for `Body` and sub-errors.
//!
//! Members are serialised as a struct (JSON: an object); optional members
//! are decided before the struct starts, so its length is exact and a
//! skipped member is `skip_field`, as serde's own derive does.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::{Bindings, Expander, binding, option_inner};
use crate::plan::{Const, Object, OnError, Value};

impl Expander<'_> {
    /// Code serialising `object` with `__serializer`.
    pub fn serialize_object(&self, object: &Object<'_>, _bindings: &Bindings) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        let state = quote!(&mut __api_state);
        let mut decide = Vec::new();
        let mut optional = Vec::new();
        let mut fields = Vec::new();
        let mut always = 0usize;
        for (index, member) in object.members.iter().enumerate() {
            let key = member.key;
            let field = |value: TokenStream| quote!(#private::SerializeStruct::serialize_field(#state, #key, #value)?;);
            // An optional member: `__api_member_N` is `Some(value)` when present.
            let mut optional_member = |present: TokenStream, value: TokenStream| {
                let name = format_ident!("__api_member_{}", index);
                decide.push(quote!(let #name = #present;));
                optional.push(name.clone());
                quote! {
                    match #name {
                        ::core::option::Option::Some(__api_value) => {
                            #private::SerializeStruct::serialize_field(#state, #key, #value)?;
                        }
                        ::core::option::Option::None => #private::SerializeStruct::skip_field(#state, #key)?,
                    }
                }
            };
            let code = match &member.value {
                Value::Const(value) => {
                    always += 1;
                    let value = self.constant(value);
                    field(quote!(&#value))
                }
                Value::Text(text) => {
                    always += 1;
                    let parts = self.text_parts(text);
                    field(quote!(&#private::DisplayStr(&#private::Text(&[#(#parts),*]))))
                }
                Value::Display(source) => {
                    let value = binding(&source.member);
                    let span = source.ty.span();
                    if option_inner(&source.ty).is_some() {
                        optional_member(
                            quote!(::core::option::Option::as_ref(#value)),
                            quote_spanned!(span=> &#private::DisplayStr(__api_value)),
                        )
                    } else {
                        always += 1;
                        field(quote_spanned!(span=> &#private::DisplayStr(#value)))
                    }
                }
                Value::Serde(source, OnError::Null) => {
                    always += 1;
                    let value = binding(&source.member);
                    field(quote_spanned!(source.ty.span()=> &#private::SerdeOrNull(#value)))
                }
                Value::Serde(source, OnError::Omit) => {
                    let value = binding(&source.member);
                    let span = source.ty.span();
                    let present = if option_inner(&source.ty).is_some() {
                        quote_spanned!(span=> match #value {
                            ::core::option::Option::Some(__api_some) if #private::serializes(__api_some) =>
                                ::core::option::Option::Some(__api_some),
                            _ => ::core::option::Option::None,
                        })
                    } else {
                        quote_spanned!(span=> if #private::serializes(#value) {
                            ::core::option::Option::Some(#value)
                        } else {
                            ::core::option::Option::None
                        })
                    };
                    optional_member(present, quote!(__api_value))
                }
                Value::Embed(source) => {
                    let value = binding(&source.member);
                    let present = quote_spanned! {source.ty.span()=>
                        if #private::entrecode::Embed::is_empty(#value) {
                            ::core::option::Option::None
                        } else {
                            ::core::option::Option::Some(#value)
                        }
                    };
                    optional_member(present, quote!(&#private::entrecode::Embedded(__api_value)))
                }
            };
            fields.push(code);
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
