//! On invalid input: the errors, plus a stub `ApiError` impl so that code
//! using the type does not pile up "trait not implemented" errors on top of
//! the real ones (thiserror does the same).

use proc_macro2::TokenStream;
use quote::quote;

use crate::parse::Input;

/// A stub impl whose methods are unreachable, when the format is known.
pub fn stub(input: &Input<'_>) -> TokenStream {
    let Some(format) = input.container.format else {
        return TokenStream::new();
    };
    let format = syn::Ident::new(format.value.marker(), proc_macro2::Span::call_site());
    let krate = input.container.krate_path();
    let ident = input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
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
    }
}
