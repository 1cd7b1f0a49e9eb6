//! On invalid input: the errors, plus a stand-in for everything the derive
//! would have implemented, so that code using the type reports nothing on
//! top of the real errors (thiserror does the same for `Display`).
//!
//! The stand-in is the `ApiError` impl with unreachable methods and the same
//! serving impls as the real expansion (axum's `IntoResponse`, utoipa's
//! `IntoResponses`, through `serve_impls!`): without them, a handler that
//! returns the type fails at its route with axum's `Handler<_, _>` error, a
//! second error far from the mistake. It never runs: the crate does not
//! compile.

use proc_macro2::TokenStream;
use quote::quote;

use crate::parse::Input;
use crate::parse::formats::FormatKind;

/// The stand-in impls of `input`'s type.
pub fn stub(input: &Input<'_>) -> TokenStream {
    // A missing or unknown format was reported; the stand-in needs a marker
    // all the same, and code that names `E::Format` is rare enough that the
    // first format's serves.
    let format = input
        .container
        .format
        .map_or(FormatKind::Oz, |format| format.value);
    let format = syn::Ident::new(format.marker(), proc_macro2::Span::call_site());
    let krate = input.container.krate_path();
    let ident = input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let into_response = if input.container.into_response == Some(false) {
        TokenStream::new()
    } else {
        quote!(into_response)
    };
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications, unused_variables)]
        impl #impl_generics #krate::ApiError for #ident #type_generics #where_clause {
            type Format = #krate::#format;
            fn code(&self) -> ::core::primitive::u16 { ::core::unreachable!() }
            fn status(&self) -> ::core::primitive::u16 { ::core::unreachable!() }
            fn title(&self) -> #krate::__private::Cow<'_, ::core::primitive::str> { ::core::unreachable!() }
            fn write_json(&self, __out: &mut #krate::__private::Vec<::core::primitive::u8>) { ::core::unreachable!() }
            fn catalog() -> #krate::__private::Vec<#krate::ErrorInfo> { ::core::unreachable!() }
            fn __visit<__V: #krate::__private::Visitor>(&self, __visitor: __V) -> <__V as #krate::__private::Visitor>::Out {
                ::core::unreachable!()
            }
        }
        #krate::__private::serve_impls! {
            [#impl_generics]
            [#ident #type_generics]
            [#where_clause]
            [#into_response]
        }
    }
}
