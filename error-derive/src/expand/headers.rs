//! `__headers`: the response headers each variant declares, handed to the
//! serving integration one by one. Written only for types that declare a
//! header or wrap another type (whose variants may); every other type keeps
//! the trait's empty default and costs nothing.

use proc_macro2::TokenStream;
use quote::quote;

use super::{ArmBody, Expander, binding, option_inner};
use crate::model::{HeaderValue, Kind};
use crate::parse::Field;

impl Expander<'_> {
    /// The `__headers` method, or nothing.
    pub(super) fn headers(&self) -> TokenStream {
        let declares = self
            .model
            .variants
            .iter()
            .any(|variant| match &variant.kind {
                Kind::Transparent(_) => true,
                Kind::Coded(coded) => !coded.headers.is_empty(),
            });
        if !declares {
            return TokenStream::new();
        }
        let krate = self.krate();
        let body = self.each_variant(
            |_, coded| {
                let mut fields: Vec<&Field> = Vec::new();
                let calls = coded.headers.iter().map(|header| {
                    let name = &header.name;
                    match &header.value {
                        HeaderValue::Text(text) => quote!(__header(#name, &#text);),
                        HeaderValue::Field(field) => {
                            if !fields.iter().any(|seen| std::ptr::eq(*seen, *field)) {
                                fields.push(field);
                            }
                            let value = binding(&field.name);
                            if option_inner(&field.ty).is_some() {
                                // `None` sends no header.
                                quote! {
                                    if let ::core::option::Option::Some(__value) = #value {
                                        __header(#name, __value);
                                    }
                                }
                            } else {
                                quote!(__header(#name, #value);)
                            }
                        }
                    }
                });
                let calls: Vec<TokenStream> = calls.collect();
                ArmBody {
                    body: quote!({ #(#calls)* }),
                    fields,
                    note: None,
                }
            },
            |inner| quote!(#krate::ApiError::__headers(#inner, __header)),
        );
        quote! {
            fn __headers(
                &self,
                __header: &mut dyn ::core::ops::FnMut(&'static ::core::primitive::str, &dyn ::core::fmt::Display),
            ) {
                #body
            }
        }
    }
}
