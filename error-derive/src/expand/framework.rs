//! `impl FromFrameworkError`: one arm per framework error, building the
//! variant the declaration resolved for it.
//!
//! A row of a `framework` variant builds the variant's `Answer` from the
//! error and the row's index (through `field::FrameworkAnswer`, which
//! `bounds` checks the field's type with).
//!
//! A case that hands over a name builds the variant's one field with
//! `From<&str>` (through `FrameworkName`); `bounds` checks the field's type through
//! `api_errors::field::FrameworkName`, so that a field that cannot hold the
//! name fails at its type with a message about `framework_errors`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::Expander;
use crate::model::FrameworkErrors;
use crate::parse::Variant;

impl Expander<'_> {
    /// The `FromFrameworkError` impl and the checks of its fields' types,
    /// when the type declares `framework_errors`.
    pub(super) fn framework_errors(&self) -> TokenStream {
        let Some(framework) = &self.model.framework_errors else {
            return TokenStream::new();
        };
        let krate = self.krate();
        let error_type = quote!(#krate::framework::FrameworkError);
        let mut arms = Vec::new();
        for arm in &framework.arms {
            let case = Ident::new(arm.case.variant, Span::call_site());
            let path = self.variant_path(&arm.variant.ident);
            if arm.variant.row.is_some() {
                let build = self.unit(arm.variant);
                arms.push(quote!(#error_type::#case { .. } => #build,));
                continue;
            }
            arms.push(match (arm.case.name, arm.field) {
                (Some(name), Some(field)) => {
                    let name = Ident::new(name, Span::call_site());
                    let (field_name, ty) = (&field.name, &field.ty);
                    quote!(#error_type::#case { #name } => #path { #field_name: <#ty as #krate::field::FrameworkName>::__from_name(#name) },)
                }
                _ => quote!(#error_type::#case { .. } => #path {},),
            });
        }
        let status = self.status_arms(framework);
        let unforeseen = self.unit(framework.other_server);
        let items = quote! {
            fn from_framework_error(error: #error_type<'_>) -> Self {
                match error {
                    #(#arms)*
                    #error_type::Status(status) => #status,
                    // `FrameworkError` is non-exhaustive: a case added
                    // later answers as an unforeseen server failure.
                    _ => #unforeseen,
                }
            }
        };
        self.impl_block(&quote!(#krate::framework::FromFrameworkError), &items)
    }

    /// `match status { … }`: a variant that has the status, else the
    /// fallback of its class.
    fn status_arms(&self, framework: &FrameworkErrors<'_>) -> TokenStream {
        let arms = framework.by_status.iter().map(|(status, variant)| {
            let build = self.unit(variant);
            quote!(#status => #build,)
        });
        let server = self.unit(framework.other_server);
        let client = self.unit(framework.other_client);
        quote! {
            match status {
                #(#arms)*
                500..=599 => #server,
                _ => #client,
            }
        }
    }

    /// A variant without fields, built; or a row of a `framework` variant,
    /// its `Answer` built from `error` with the row's index.
    fn unit(&self, variant: &Variant) -> TokenStream {
        let path = self.variant_path(&variant.ident);
        match (variant.row, variant.fields.first()) {
            (Some(row), Some(field)) => {
                let krate = self.krate();
                let (name, ty, index) = (&field.name, &field.ty, row.index);
                quote!(#path { #name: <#ty as #krate::field::FrameworkAnswer>::__answer(#index, error) })
            }
            _ => quote!(#path {}),
        }
    }
}
