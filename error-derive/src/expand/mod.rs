//! Expand: a validated [`Model`] into the `ApiError` impl. Cannot fail.
//!
//! The format supplies each variant's body as a [`plan`](crate::plan); the
//! [`write`] and [`serde`] modules turn any plan into the fast path
//! (`write_json`) and the serde path (`Body`'s `Serialize`), so the two agree
//! by construction and no format writes serialisation code of its own.

mod bounds;
mod example;
mod serde;
mod write;

pub use self::example::example;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Member, Type};

use crate::model::{Detail, Kind, Model, Own, Piece};
use crate::parse::Field;

/// The `ApiError` impl of `model`, and whatever its format adds.
pub fn expand(model: &Model<'_>) -> TokenStream {
    let expander = Expander { model };
    let api_error = expander.api_error();
    let extra = model.format.extra(&expander);
    let serving = expander.serving();
    quote! {
        #api_error
        #extra
        #serving
    }
}

/// Builds the pieces of generated code for one model; formats use it for
/// their extra impls.
pub struct Expander<'a> {
    model: &'a Model<'a>,
}

impl Expander<'_> {
    /// The model being expanded.
    pub fn model(&self) -> &Model<'_> {
        self.model
    }

    /// The path of `error_core` in generated code.
    pub fn krate(&self) -> &TokenStream {
        &self.model.krate
    }

    /// `match self { … }` with one arm per variant: `own` writes the arm of a
    /// variant with its own code, `transparent` the arm of one that delegates
    /// to its field (given the field's binding).
    pub fn each_variant(
        &self,
        own: impl Fn(&Own<'_>) -> TokenStream,
        transparent: impl Fn(&Ident) -> TokenStream,
    ) -> TokenStream {
        if self.model.variants.is_empty() {
            return quote!(match *self {});
        }
        let arms = self.model.variants.iter().map(|variant| {
            let path = self.variant_path(&variant.source.ident);
            match &variant.kind {
                Kind::Transparent(field) => {
                    let member = &field.member;
                    let binding = binding(member);
                    let body = transparent(&binding);
                    quote!(#path { #member: #binding, .. } => { #body })
                }
                Kind::Own(own_variant) => {
                    let body = own(own_variant);
                    // Bind only what this arm uses: `code()` needs no field.
                    let used = mentioned_idents(&body);
                    let fields: Vec<(&Member, Ident)> = used_fields(own_variant)
                        .into_iter()
                        .map(|field| (&field.member, binding(&field.member)))
                        .filter(|(_, binding)| used.contains(binding))
                        .collect();
                    let members = fields.iter().map(|(member, _)| member);
                    let bindings = fields.iter().map(|(_, binding)| binding);
                    quote!(#path { #(#members: #bindings,)* .. } => { #body })
                }
            }
        });
        quote! {
            match self {
                #(#arms)*
            }
        }
    }

    fn variant_path(&self, ident: &Ident) -> TokenStream {
        if self.model.is_enum {
            quote!(Self::#ident)
        } else {
            quote!(Self)
        }
    }

    /// `impl #trait_path for Type` with the model's generics, plus a bound for
    /// every field type the bodies use (see [`bounds`]).
    pub fn impl_block(&self, trait_path: &TokenStream, items: &TokenStream) -> TokenStream {
        let ident = self.model.ident;
        let (impl_generics, type_generics, _) = self.model.generics.split_for_impl();
        let where_clause = bounds::where_clause(self.model);
        quote! {
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #trait_path for #ident #type_generics #where_clause {
                #items
            }
        }
    }

    fn api_error(&self) -> TokenStream {
        let krate = self.krate();
        // Spanned on `format = "…"`, so that a format mismatch (a transparent
        // field of the other format) points at where the format was chosen.
        let format = Ident::new(
            self.model.format_kind.value.marker(),
            self.model.format_kind.span,
        );
        let format_type = respan(&quote!(#krate::#format), self.model.format_kind.span);
        let u16_ = quote!(::core::primitive::u16);
        let api_error = quote!(#krate::ApiError);
        let code = self.each_variant(
            |own| {
                let code = own.code;
                quote!(#code)
            },
            |inner| quote!(#api_error::code(#inner)),
        );
        let status = self.each_variant(
            |own| {
                let status = own.status;
                quote!(#status)
            },
            |inner| quote!(#api_error::status(#inner)),
        );
        let title = self.each_variant(
            |own| self.title(own),
            |inner| quote!(#api_error::title(#inner)),
        );
        let write = self.each_variant(
            |own| self.write_object(&self.model.format.body(own)),
            |inner| quote!(#api_error::write_json(#inner, __out)),
        );
        let serialize = self.each_variant(
            |own| self.serialize_object(&self.model.format.body(own)),
            |inner| quote!(#api_error::__serialize_body(#inner, __serializer)),
        );
        let size_hint = self.each_variant(
            |own| {
                let hint = write::size_hint(&self.model.format.body(own));
                quote!(#hint)
            },
            |inner| quote!(#api_error::__json_size_hint(#inner)),
        );
        let catalog = self.catalog();
        let examples = self.examples();
        let serializer = quote!(#krate::__private::Serializer);
        let items = quote! {
            type Format = #format_type;

            #[inline]
            fn code(&self) -> #u16_ {
                #code
            }

            #[inline]
            fn status(&self) -> #u16_ {
                #status
            }

            fn title(&self) -> #krate::__private::Cow<'_, ::core::primitive::str> {
                #title
            }

            fn write_json(&self, __out: &mut #krate::__private::Vec<::core::primitive::u8>) {
                #write
            }

            fn catalog() -> #krate::__private::Vec<#krate::ErrorInfo> {
                #catalog
            }

            fn __examples() -> #krate::__private::Vec<#krate::__private::Example> {
                #examples
            }

            fn __serialize_body<__S: #serializer>(&self, __serializer: __S)
                -> ::core::result::Result<<__S as #serializer>::Ok, <__S as #serializer>::Error>
            {
                #serialize
            }

            #[inline]
            fn __json_size_hint(&self) -> ::core::primitive::usize {
                #size_hint
            }

            fn __log_server_error(&self) {
                #krate::__private::log_server_error!(self);
            }
        };
        self.impl_block(&api_error, &items)
    }

    /// The serving impls (axum's `IntoResponse`, …): a call of error-core's
    /// `serve_impls!`, which expands to the impls of the features error-core
    /// was built with, and to nothing without them.
    fn serving(&self) -> TokenStream {
        let krate = self.krate();
        let ident = self.model.ident;
        let (impl_generics, type_generics, _) = self.model.generics.split_for_impl();
        // The `ApiError` impl's own where-clause: under it the type is an
        // `ApiError`, and a field type that breaks it fails with the very
        // same error, which rustc reports once.
        let where_clause = bounds::where_clause(self.model);
        quote! {
            #krate::__private::serve_impls! {
                [#impl_generics]
                [#ident #type_generics]
                [#where_clause]
            }
        }
    }

    /// `title()`: borrowed when constant, else the template filled in.
    fn title(&self, own: &Own<'_>) -> TokenStream {
        let krate = self.krate();
        match own.constant_title() {
            Some(title) => quote!(#krate::__private::Cow::Borrowed(#title)),
            None => {
                let parts = self.text_parts(&own.title);
                quote!(#krate::__private::Cow::Owned(#krate::__private::text_to_string(&[#(#parts),*])))
            }
        }
    }

    /// A text's pieces as `Part`s for the runtime `Text`.
    fn text_parts(&self, text: &[Piece<'_>]) -> Vec<TokenStream> {
        let krate = self.krate();
        text.iter()
            .map(|piece| match piece {
                Piece::Lit(text) => quote!(#krate::__private::Part::Lit(#text)),
                Piece::Field(field) => {
                    let binding = binding(&field.member);
                    quote!(#krate::__private::Part::Arg(#binding))
                }
            })
            .collect()
    }

    /// `catalog()`: one `ErrorInfo` per variant, the inner type's rows for a
    /// transparent one.
    fn catalog(&self) -> TokenStream {
        let krate = self.krate();
        self.rows(
            |variant, own| {
                let name = variant.source.ident.to_string();
                let (code, status, title) = (own.code, own.status, &own.title_template);
                let description = &variant.source.docs;
                let detail = match &own.detail {
                    Some(Detail::Field(field)) => field.docs.clone(),
                    Some(Detail::Text(_, text)) => text.clone(),
                    None => String::new(),
                };
                let verbose = own.verbose.map_or_else(String::new, |field| field.docs.clone());
                quote!(#krate::ErrorInfo::__new(#name, #code, #status, #title, #description, #detail, #verbose))
            },
            |ty| quote!(<#ty as #krate::ApiError>::catalog()),
        )
    }

    /// `__examples()`: one example body per variant, for the OpenAPI
    /// description.
    fn examples(&self) -> TokenStream {
        let krate = self.krate();
        self.rows(
            |variant, own| {
                let name = variant.source.ident.to_string();
                let body = self.model.format.body(own);
                self.example_item(&name, own.code, own.status, &own.title_template, &body)
            },
            |ty| quote!(<#ty as #krate::ApiError>::__examples()),
        )
    }

    /// A `Vec` built in variant order: `own` gives the row of a variant with
    /// its own code, `transparent` the rows of a wrapped type.
    fn rows(
        &self,
        own: impl Fn(&crate::model::Variant<'_>, &Own<'_>) -> TokenStream,
        transparent: impl Fn(&syn::Type) -> TokenStream,
    ) -> TokenStream {
        let krate = self.krate();
        let rows = self
            .model
            .variants
            .iter()
            .map(|variant| match &variant.kind {
                Kind::Transparent(field) => {
                    let rows = transparent(&field.ty);
                    quote!(::core::iter::Extend::extend(&mut __rows, #rows);)
                }
                Kind::Own(own_variant) => {
                    let row = own(variant, own_variant);
                    quote!(__rows.push(#row);)
                }
            });
        let capacity = self.model.variants.len();
        quote! {
            let mut __rows = #krate::__private::Vec::with_capacity(#capacity);
            #(#rows)*
            __rows
        }
    }
}

/// The name a field is bound to in generated match arms. The `__api_`
/// prefix keeps user names from colliding with it.
pub fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => {
            format_ident!("__api_{}", ident.to_string().trim_start_matches("r#"))
        }
        Member::Unnamed(index) => format_ident!("__api_{}", index.index),
    }
}

/// Every identifier in `tokens`, groups included.
fn mentioned_idents(tokens: &TokenStream) -> Vec<Ident> {
    let mut idents = Vec::new();
    let mut stack = vec![tokens.clone()];
    while let Some(tokens) = stack.pop() {
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Ident(ident) => idents.push(ident),
                proc_macro2::TokenTree::Group(group) => stack.push(group.stream()),
                _ => {}
            }
        }
    }
    idents
}

/// The fields a variant's title, detail, verbose and embed use, once each.
fn used_fields<'a>(own: &Own<'a>) -> Vec<&'a Field> {
    let mut fields: Vec<&'a Field> = Vec::new();
    let mut add = |field: &'a Field| {
        if !fields.iter().any(|seen| seen.member == field.member) {
            fields.push(field);
        }
    };
    let text_fields = |text: &[Piece<'a>]| -> Vec<&'a Field> {
        text.iter()
            .filter_map(|piece| {
                if let Piece::Field(field) = piece {
                    Some(*field)
                } else {
                    None
                }
            })
            .collect()
    };
    text_fields(&own.title).into_iter().for_each(&mut add);
    match &own.detail {
        Some(Detail::Field(field)) => add(field),
        Some(Detail::Text(text, _)) => text_fields(text).into_iter().for_each(&mut add),
        None => {}
    }
    own.verbose.into_iter().chain(own.embed).for_each(&mut add);
    fields
}

/// `tokens` with every span set to `span`, so that a type error in a
/// generated call lands on the user's token (the field's type) rather than on
/// the derive.
pub fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut respanned =
                    proc_macro2::Group::new(group.delimiter(), respan(&group.stream(), span));
                respanned.set_span(span);
                token = proc_macro2::TokenTree::Group(respanned);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// `T` if `ty` is written `Option<T>` (or `core::option::Option<T>`, …).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    // `Option<T>`, or any path ending in `option::Option<T>` (`std::…`,
    // `core::…`, a renamed `std`): the type is known by how it is written.
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let known = match segments.as_slice() {
        [only] => only == "Option",
        [.., module, last] => module == "option" && last == "Option",
        [] => false,
    };
    if !known {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &path.path.segments.last()?.arguments
    else {
        return None;
    };
    match arguments.args.first()? {
        syn::GenericArgument::Type(inner) if arguments.args.len() == 1 => Some(inner),
        _ => None,
    }
}
