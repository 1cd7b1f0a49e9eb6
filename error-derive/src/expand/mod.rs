//! Expand: a validated [`Model`] into the `ApiError` impl. Cannot fail.
//!
//! Everything constant about the variants goes into the variant [`table`]
//! (one byte string and one string literal, which cost rustc next to
//! nothing); the generated code is what needs the user's types: `code()` and
//! `status()` as matches, and `__visit`, one `match` that hands each
//! variant's fields to the table's interpreter in api-errors. The format
//! supplies each variant's body as a [`plan`](crate::plan), and the table
//! holds both the fast path's program and the serde path's members built
//! from it, so the two agree by construction.

mod bounds;
mod example;
mod framework;
mod headers;
mod readable;
mod table;
mod write;

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Type};

use crate::model::{Coded, Kind, Model};
use crate::parse::Field;

use self::table::Arm;

/// How many elements one tuple of slots holds; longer lists nest (the
/// runtime implements `Displays` and `SerdeValues` for tuples up to this
/// length, and for tuples of tuples).
const TUPLE_MAX: usize = 8;

/// The `ApiError` impl of `model`, and whatever its format adds, in one
/// anonymous `const` block beside the variant table.
pub fn expand(model: &Model<'_>) -> TokenStream {
    let bounds = bounds::field_bounds(model);
    let expander = Expander {
        model,
        where_clause: bounds.where_clause,
    };
    let checks = bounds.checks;
    let encoded = table::encode(model);
    let krate = &model.krate;
    let data = Literal::byte_string(&encoded.data);
    let strings = Literal::string(&encoded.strings);
    let hot = encoded.hot.iter().map(|hot| Literal::string(hot));
    let api_error = expander.api_error(&encoded.arms);
    let embeddable = expander.embeddable();
    let serving = expander.serving();
    let framework_errors = expander.framework_errors();
    quote! {
        const _: () = {
            // A `const` behind one function, not a `static`: inlined, the
            // function gives the optimiser the table's contents, so that it
            // folds the reads of a variant's record (a `static` of another
            // crate is opaque); named once, the constant is emitted once.
            #[inline]
            #[allow(non_snake_case)]
            fn __API_TABLE() -> &'static #krate::__private::Table {
                const TABLE: #krate::__private::Table = #krate::__private::Table::new(#data, #strings, &[#(#hot),*]);
                &TABLE
            }
            #api_error
            #embeddable
            #serving
            #framework_errors
            #checks
        };
    }
}

/// A coded variant's arm of a `match self`: its body, the fields it binds,
/// and a doc comment that says what it does, for readers of the expansion
/// (`cargo expand`).
struct ArmBody<'a> {
    body: TokenStream,
    fields: Vec<&'a Field>,
    note: Option<String>,
}

/// Builds the pieces of generated code for one model.
pub struct Expander<'a> {
    model: &'a Model<'a>,
    /// The where-clause every impl takes (see [`bounds`]), built once.
    where_clause: TokenStream,
}

impl<'a> Expander<'a> {
    /// The path of `api_errors` in generated code.
    fn krate(&self) -> &TokenStream {
        &self.model.krate
    }

    /// `match self { … }` with one arm per variant: `coded` writes the arm of
    /// a variant with its own code (given its index) and names the fields it
    /// binds, `transparent` the arm of one that delegates to its field (given
    /// the field's binding).
    fn each_variant(
        &self,
        coded: impl Fn(usize, &'a Coded<'a>) -> ArmBody<'a>,
        transparent: impl Fn(&Ident) -> TokenStream,
    ) -> TokenStream {
        if self.model.variants.is_empty() {
            return quote!(match *self {});
        }
        let variants = &self.model.variants;
        let mut arms = Vec::with_capacity(variants.len());
        // The index of the group's first variant.
        let mut first = 0;
        // The rows of the `framework` variant (a type has one) come one
        // after another: one group, one arm, which picks the row its
        // `Answer` holds. Every other variant is a group of its own.
        for group in
            variants.chunk_by(|one, next| one.source.row.is_some() && next.source.row.is_some())
        {
            let variant = &group[0];
            let path = self.variant_path(&variant.source.ident);
            match &variant.kind {
                Kind::Transparent(field) => {
                    let name = &field.name;
                    let binding = binding(name);
                    let body = transparent(&binding);
                    arms.push(quote!(#path { #name: #binding, .. } => #body,));
                }
                Kind::Coded(_) if variant.source.row.is_some() => {
                    arms.push(self.rows_arm(&path, first, group.len(), &coded));
                }
                Kind::Coded(variant) => {
                    // Bind only what this arm uses: `code()` needs no field.
                    let ArmBody { body, fields, note } = coded(first, variant);
                    let names = fields.iter().map(|field| &field.name);
                    let bindings = fields.iter().map(|field| binding(&field.name));
                    let note = note.map(|note| quote!(#[doc = #note]));
                    arms.push(quote!(#note #path { #(#names: #bindings,)* .. } => #body,));
                }
            }
            first += group.len();
        }
        quote! {
            match self {
                #(#arms)*
            }
        }
    }

    /// The arm of the `rows` rows of a `framework` variant, from `first`
    /// on: `match` on the row its `Answer` holds (the last row takes any
    /// other index, which no derived `FromFrameworkError` builds).
    fn rows_arm(
        &self,
        path: &TokenStream,
        first: usize,
        rows: usize,
        coded: &impl Fn(usize, &'a Coded<'a>) -> ArmBody<'a>,
    ) -> TokenStream {
        let krate = self.krate();
        let variants = &self.model.variants[first..first + rows];
        let Some(field) = variants.first().and_then(|row| row.source.fields.first()) else {
            return TokenStream::new();
        };
        let (name, ty) = (&field.name, &field.ty);
        let answer = binding(name);
        let bodies = variants.iter().enumerate().map(|(offset, row)| {
            let (body, note) = match &row.kind {
                Kind::Coded(own) => {
                    let arm = coded(first + offset, own);
                    (arm.body, arm.note.map(|note| quote!(#[doc = #note])))
                }
                Kind::Transparent(_) => (TokenStream::new(), None),
            };
            let index = row.source.row.map_or(0, |row| row.index);
            if offset + 1 == rows {
                quote!(#note _ => #body,)
            } else {
                quote!(#note #index => #body,)
            }
        });
        quote! {
            #path { #name: #answer, .. } => match <#ty as #krate::field::FrameworkAnswer>::__row(#answer) {
                #(#bodies)*
            },
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
    fn impl_block(&self, trait_path: &TokenStream, items: &TokenStream) -> TokenStream {
        let ident = self.model.ident;
        let (impl_generics, type_generics, _) = self.model.generics.split_for_impl();
        let where_clause = &self.where_clause;
        quote! {
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #trait_path for #ident #type_generics #where_clause {
                #items
            }
        }
    }

    fn api_error(&self, arms: &[Option<Arm<'_>>]) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        // Spanned on `format = "…"`, so that a format mismatch (a transparent
        // field of the other format) points at where the format was chosen.
        let format = Ident::new(
            self.model.format_kind.value.marker(),
            self.model.format_kind.span,
        );
        let format_type = respan(&quote!(#krate::#format), self.model.format_kind.span);
        let u16_ = quote!(::core::primitive::u16);
        let api_error = quote!(#krate::ApiError);
        let code = self.constant_match(
            |_, coded| {
                let code = coded.code;
                quote!(#code)
            },
            "code",
        );
        let status = self.constant_match(
            |_, coded| {
                let status = coded.status;
                quote!(#status)
            },
            "status",
        );
        // A coded variant always has its arm.
        let arm = |index: usize| arms[index].as_ref();
        // Each arm says what its variant writes: the record it hands over
        // is bytes a reader of the expansion cannot read.
        let visit = self.each_variant(
            |index, _| match arm(index) {
                Some(arm) => ArmBody {
                    body: self.visit_arm(arm),
                    fields: arm.fields(),
                    note: Some(format!(" writes {}", arm.writes)),
                },
                None => ArmBody {
                    body: TokenStream::new(),
                    fields: Vec::new(),
                    note: None,
                },
            },
            |inner| quote!(#api_error::__visit(#inner, __visitor)),
        );
        let rows = self.rows(arms);
        let headers = self.headers();
        // Code generic over `ApiError` (the OpenAPI modifier) reaches the
        // derived `FromFrameworkError` through this.
        let from_framework_error = self.model.framework_errors.as_ref().map(|_| {
            quote! {
                fn __from_framework_error(
                    __error: #krate::framework::FrameworkError<'_>,
                ) -> ::core::option::Option<Self> {
                    ::core::option::Option::Some(
                        <Self as #krate::framework::FromFrameworkError>::from_framework_error(__error),
                    )
                }
            }
        });
        let request_id = self.model.request_id_member.as_ref().map(|name| {
            quote! {
                fn __request_id_member(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                    ::core::option::Option::Some(#name)
                }

                fn __request_id_member_of_type() -> ::core::option::Option<&'static ::core::primitive::str> {
                    ::core::option::Option::Some(#name)
                }
            }
        });
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

            fn title(&self) -> #private::Cow<'_, ::core::primitive::str> {
                let mut __title = #private::Cow::Borrowed("");
                #api_error::__visit(self, #private::Render::Title(&mut __title));
                __title
            }

            fn write_json(&self, __out: &mut #private::Vec<::core::primitive::u8>) {
                #api_error::__visit(self, #private::Render::Body(__out));
            }

            #rows

            // The arms' doc comments are for readers of the expansion.
            #[allow(unused_doc_comments)]
            fn __visit<__V: #private::Visitor>(&self, __visitor: __V) -> <__V as #private::Visitor>::Out {
                // `Pick`'s two traits, for the text fields of a string type
                // (`(&Pick(field)).__arg()`); one of them, or both, unused.
                #[allow(unused_imports)]
                use #private::{PickDisplay as _, PickStr as _};
                #visit
            }

            fn __log_server_error(&self) {
                #private::log_server_error!(self);
            }

            #headers

            #request_id

            #from_framework_error
        };
        self.impl_block(&api_error, &items)
    }

    /// `catalog()` and `__examples()`: the table's rows, with a transparent
    /// variant's type's rows in its place.
    fn rows(&self, arms: &[Option<Arm<'_>>]) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        let api_error = quote!(#krate::ApiError);
        let transparent: Vec<&Type> = self
            .model
            .variants
            .iter()
            .filter_map(|variant| match &variant.kind {
                Kind::Transparent(field) => Some(&field.ty),
                Kind::Coded(_) => None,
            })
            .collect();
        let embedded = arms
            .iter()
            .flatten()
            .filter_map(|arm| arm.sub_errors.map(|field| &field.ty));
        quote! {
            fn catalog() -> #private::Vec<#krate::ErrorInfo> {
                #private::Table::catalog(*__API_TABLE(), &[#(<#transparent as #api_error>::catalog),*])
            }

            fn __table() -> ::core::option::Option<&'static #private::Table> {
                ::core::option::Option::Some(__API_TABLE())
            }

            fn __examples() -> #private::Vec<#private::Example> {
                #private::Table::examples(
                    *__API_TABLE(),
                    &[#(<#transparent as #api_error>::__examples),*],
                    &[#(<#embedded as #private::sub_errors::Embed>::__example),*],
                )
            }
        }
    }

    /// `match self` giving each variant's constant, or calling `method` of
    /// the wrapped type for a transparent one (`code()`, `status()`, …:
    /// integer arms cost the compiler next to nothing).
    fn constant_match(
        &self,
        constant: impl Fn(usize, &Coded<'_>) -> TokenStream,
        method: &str,
    ) -> TokenStream {
        let krate = self.krate();
        let method = Ident::new(method, Span::call_site());
        self.each_variant(
            |index, coded| ArmBody {
                body: constant(index, coded),
                fields: Vec::new(),
                note: None,
            },
            |inner| quote!(#krate::ApiError::#method(#inner)),
        )
    }

    /// A variant's arm of `__visit`: its record and its fields to `visit`.
    fn visit_arm(&self, arm: &Arm<'_>) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        let offset = arm.offset;
        let displays = arm.displays.iter().map(|(field, optional)| {
            let value = binding(&field.name);
            if *optional {
                quote!(#private::Opt(#value))
            } else if str_like(&field.ty) {
                quote!((&#private::Pick(#value)).__arg())
            } else {
                quote!(#value)
            }
        });
        let values = arm.values.iter().map(|(field, optional)| {
            let value = binding(&field.name);
            if *optional {
                quote!(#private::Opt(#value))
            } else {
                quote!(#value)
            }
        });
        let displays = nest(&displays.collect::<Vec<_>>());
        // One serde value goes as it is (a field reference is one slot):
        // a tuple of one is one more type for each arm to check.
        let mut values: Vec<TokenStream> = values.collect();
        let values = if values.len() == 1 {
            values.remove(0)
        } else {
            nest(&values)
        };
        let sub_errors = match arm.sub_errors {
            Some(field) => {
                let value = binding(&field.name);
                quote!(#value)
            }
            None => quote!(&#private::Nothing),
        };
        quote!(#private::visit(__visitor, __API_TABLE(), #offset, #displays, #values, #sub_errors))
    }

    /// For a format that embeds errors in others: the type's `Embeddable`
    /// impl, whose example is its first variant's sub-error body (what
    /// `embed` shows of the type in OpenAPI).
    fn embeddable(&self) -> TokenStream {
        if !self.model.embeds {
            return TokenStream::new();
        }
        let krate = self.krate();
        let embeddable = quote!(#krate::__private::sub_errors::Embeddable);
        let example = match self.model.variants.first().map(|variant| &variant.kind) {
            Some(Kind::Coded(_)) => {
                quote!(#krate::__private::Table::first_sub_example(*__API_TABLE()))
            }
            Some(Kind::Transparent(field)) => {
                let ty = &field.ty;
                quote!(<#ty as #embeddable>::__sub_example())
            }
            None => quote!(::core::option::Option::None),
        };
        self.impl_block(
            &embeddable,
            &quote! {
                fn __sub_example() -> ::core::option::Option<&'static ::core::primitive::str> {
                    #example
                }
            },
        )
    }

    /// The serving impls (axum's `IntoResponse`, …): a call of api-errors's
    /// `serve_impls!`, which expands to the impls of the features api-errors
    /// was built with, and to nothing without them. The last group says
    /// whether to include `IntoResponse` (`into_response = false`: not).
    fn serving(&self) -> TokenStream {
        let krate = self.krate();
        let into_response = if self.model.into_response {
            quote!(into_response)
        } else {
            TokenStream::new()
        };
        let ident = self.model.ident;
        let (impl_generics, type_generics, _) = self.model.generics.split_for_impl();
        // The `ApiError` impl's own where-clause: under it the type is an
        // `ApiError`, and a field type that breaks it fails with the very
        // same error, which rustc reports once.
        let where_clause = &self.where_clause;
        quote! {
            #krate::__private::serve_impls! {
                [#impl_generics]
                [#ident #type_generics]
                [#where_clause]
                [#into_response]
            }
        }
    }
}

/// Slots as a tuple (`()`, `(a,)`, `(a, b)`, …), nested in tuples of at
/// most [`TUPLE_MAX`].
fn nest(items: &[TokenStream]) -> TokenStream {
    if items.len() <= TUPLE_MAX {
        return quote!((#(#items,)*));
    }
    // Each level divides the count by `TUPLE_MAX`: a few levels at most.
    let chunks: Vec<TokenStream> = items
        .chunks(TUPLE_MAX)
        .map(|chunk| quote!((#(#chunk,)*)))
        .collect();
    nest(&chunks)
}

/// The name a field is bound to in generated match arms. The `__api_`
/// prefix keeps user names from colliding with it.
pub fn binding(name: &syn::Member) -> Ident {
    match name {
        syn::Member::Named(ident) => {
            format_ident!("__api_{}", ident.to_string().trim_start_matches("r#"))
        }
        syn::Member::Unnamed(index) => format_ident!("__api_{}", index.index),
    }
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

/// Whether `ty` is written like a string type (`String`, `&str`,
/// `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>`, any path ending so). Such
/// a text field is handed over as `(&Pick(field)).__arg()`, which gives its
/// `&str` when the type really is one of them and its `Display` otherwise
/// (see `api_errors::__private::Pick`); other fields go as they are, and
/// their `Display` bound errors point plainly at the field.
fn str_like(ty: &Type) -> bool {
    match ty {
        Type::Reference(reference) => str_like(&reference.elem),
        Type::Paren(inner) => str_like(&inner.elem),
        Type::Group(inner) => str_like(&inner.elem),
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().is_some_and(|last| {
            matches!(
                last.ident.to_string().as_str(),
                "String" | "str" | "Cow" | "Box" | "Rc" | "Arc"
            )
        }),
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    use quote::quote;
    use syn::{Type, parse_quote};

    use super::{TUPLE_MAX, nest, option_inner, str_like};

    /// The `&str` shortcut is taken for types written like string types, and
    /// only those (others go as they are, so their `Display` errors point
    /// plainly at the field).
    #[test]
    fn test_str_like_knows_string_types_by_how_they_are_written() {
        let grouped = Type::Group(syn::TypeGroup {
            attrs: Vec::new(),
            group_token: syn::token::Group::default(),
            elem: Box::new(parse_quote!(String)),
        });
        let yes: [Type; 8] = [
            parse_quote!(String),
            parse_quote!(&'a str),
            parse_quote!((String)),
            grouped,
            parse_quote!(std::borrow::Cow<'a, str>),
            parse_quote!(Box<str>),
            parse_quote!(std::rc::Rc<str>),
            parse_quote!(alloc::sync::Arc<str>),
        ];
        let no: [Type; 5] = [
            parse_quote!(u32),
            parse_quote!(Vec<String>),
            parse_quote!(<T as Trait>::String),
            parse_quote!([String; 2]),
            parse_quote!(&u8),
        ];
        for ty in &yes {
            assert!(str_like(ty), "{}", quote!(#ty));
        }
        for ty in &no {
            assert!(!str_like(ty), "{}", quote!(#ty));
        }
    }

    /// `Option<T>` is known by its path (`Option`, `…::option::Option`) and
    /// its one argument; a local type of that name elsewhere is not one.
    #[test]
    fn test_option_inner_knows_option_by_its_path() {
        let inner: Type = parse_quote!(u8);
        for ty in [
            parse_quote!(Option<u8>),
            parse_quote!(std::option::Option<u8>),
            parse_quote!(::core::option::Option<u8>),
        ] {
            let ty: Type = ty;
            assert_eq!(option_inner(&ty), Some(&inner), "{}", quote!(#ty));
        }
        for ty in [
            parse_quote!(local::Option<u8>),
            parse_quote!(option::Maybe<u8>),
            parse_quote!(Option<u8, u16>),
            parse_quote!(Option),
            parse_quote!(<X as Y>::Option<u8>),
            parse_quote!(Vec<u8>),
            parse_quote!(&Option<u8>),
        ] {
            let ty: Type = ty;
            assert_eq!(option_inner(&ty), None, "{}", quote!(#ty));
        }
    }

    /// Slots are one flat tuple up to `TUPLE_MAX` (the runtime's tuple impls
    /// go that far), nested in tuples of at most that many past it.
    #[test]
    fn test_nest_keeps_tuples_within_the_runtime_impls() {
        let items = |count: usize| (0..count).map(|index| quote!(#index)).collect::<Vec<_>>();
        let flat = nest(&items(TUPLE_MAX));
        assert_eq!(
            flat.to_string(),
            quote!((
                0usize, 1usize, 2usize, 3usize, 4usize, 5usize, 6usize, 7usize,
            ))
            .to_string()
        );
        let nested = nest(&items(TUPLE_MAX + 1));
        assert_eq!(
            nested.to_string(),
            quote!((
                (
                    0usize, 1usize, 2usize, 3usize, 4usize, 5usize, 6usize, 7usize,
                ),
                (8usize,),
            ))
            .to_string()
        );
        assert_eq!(nest(&[]).to_string(), quote!(()).to_string());
    }
}
