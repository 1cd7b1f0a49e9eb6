//! Where-clauses for generic types: a bound for each field type that
//! mentions a type parameter, in the role the body gives it (`Display` for
//! text, `Serialize` for serde values, `Embed` for sub-errors, the format's
//! `ApiError` for `transparent`). Field types without type parameters need
//! no bound: the compiler checks them where they are used, and reports a
//! wrong type at the field.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Ident, Type};

use super::option_inner;
use crate::model::{Kind, Model, Piece};
use crate::parse::Field;
use crate::plan::Value;

/// The model's where-clause, extended with the bounds its fields need.
pub fn where_clause(model: &Model<'_>, transparent: &dyn Fn(&Field) -> TokenStream) -> TokenStream {
    let params: Vec<&Ident> = model
        .generics
        .type_params()
        .map(|param| &param.ident)
        .collect();
    let krate = &model.krate;
    let mut bounds: Vec<TokenStream> = Vec::new();
    let mut add = |ty: &Type, bound: TokenStream| {
        if mentions_any(ty, &params) {
            bounds.push(quote!(#ty: #bound));
        }
    };
    let display = quote!(::core::fmt::Display);
    for variant in &model.variants {
        match &variant.kind {
            Kind::Transparent(field) => add(&field.ty, transparent(field)),
            Kind::Own(own) => {
                for member in model.format.body(own).members {
                    match member.value {
                        Value::Const(_) => {}
                        Value::Text(text) => {
                            for piece in text {
                                if let Piece::Field(field) = piece {
                                    add(&field.ty, display.clone());
                                }
                            }
                        }
                        Value::Display(field) => add(
                            option_inner(&field.ty).unwrap_or(&field.ty),
                            display.clone(),
                        ),
                        Value::Serde(field, _) => {
                            add(&field.ty, quote!(#krate::__private::serde::Serialize));
                        }
                        Value::Embed(field) => {
                            add(&field.ty, quote!(#krate::__private::entrecode::Embed));
                        }
                    }
                }
            }
        }
    }
    let existing: Vec<&syn::WherePredicate> = model
        .generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates)
        .collect();
    if bounds.is_empty() && existing.is_empty() {
        return TokenStream::new();
    }
    quote!(where #(#existing,)* #(#bounds,)*)
}

/// Whether `ty` names any of `params` (a token-level search: a parameter
/// appearing anywhere in the type counts).
fn mentions_any(ty: &Type, params: &[&Ident]) -> bool {
    fn walk(tokens: TokenStream, params: &[&Ident]) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => params.iter().any(|param| **param == ident),
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    !params.is_empty() && walk(quote!(#ty), params)
}
