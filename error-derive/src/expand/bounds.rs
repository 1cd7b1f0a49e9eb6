//! Where-clauses: a bound for each field type in the role the body gives it
//! (`Display` for text, `Serialize` for serde values, `Embed` for
//! sub-errors, the format's transparent bound for `transparent`).
//!
//! Bounds are added for every used field type, not only generic ones: a
//! wrong type then fails once, at the where-clause, whose tokens carry the
//! field type's span, so the error lands on the field and names the trait
//! (rather than several errors at the derive, one per generated method).
//! Types that mention the deriving type itself are left out: a bound like
//! `Vec<Self>: Embed` would make the impl depend on itself.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned as _;
use syn::{Ident, Type};

use super::{option_inner, respan};
use crate::model::{Kind, Model, Piece};
use crate::plan::Value;

/// The model's where-clause, extended with the bounds its fields need.
pub fn where_clause(model: &Model<'_>) -> TokenStream {
    let krate = &model.krate;
    let mut bounds = Bounds {
        own_name: model.ident,
        predicates: Vec::new(),
        seen: HashSet::new(),
    };
    let display = quote!(::core::fmt::Display);
    let serialize = quote!(#krate::__private::serde::Serialize);
    let embed = quote!(#krate::__private::entrecode::Embed);
    let transparent = model.format.transparent_bound(krate);
    for variant in &model.variants {
        match &variant.kind {
            Kind::Transparent(field) => bounds.add(&field.ty, &transparent),
            Kind::Own(own) => {
                for member in model.format.body(own).members {
                    match member.value {
                        Value::Const(_) => {}
                        Value::Text(text) => {
                            for piece in text {
                                if let Piece::Field(field) = piece {
                                    bounds.add(&field.ty, &display);
                                }
                            }
                        }
                        Value::Display(field) => {
                            bounds.add(option_inner(&field.ty).unwrap_or(&field.ty), &display);
                        }
                        Value::Serde(field, _) => bounds.add(&field.ty, &serialize),
                        Value::Embed(field) => bounds.add(&field.ty, &embed),
                    }
                }
            }
        }
    }
    let existing = model
        .generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates);
    let predicates = existing
        .map(|predicate| quote!(#predicate))
        .chain(bounds.predicates)
        .collect::<Vec<_>>();
    if predicates.is_empty() {
        return TokenStream::new();
    }
    quote!(where #(#predicates,)*)
}

struct Bounds<'a> {
    own_name: &'a Ident,
    predicates: Vec<TokenStream>,
    /// `type: bound` as text, so that a bound is written once (a set: a
    /// scan of a list would make the derive quadratic in its variants).
    seen: HashSet<String>,
}

impl Bounds<'_> {
    fn add(&mut self, ty: &Type, bound: &TokenStream) {
        if mentions(ty, self.own_name) {
            return;
        }
        let key = quote!(#ty: #bound).to_string();
        if !self.seen.insert(key) {
            return;
        }
        let span: Span = ty.span();
        let bound = respan(bound, span);
        self.predicates.push(quote!(#ty: #bound));
    }
}

/// Whether `ty` names `ident` anywhere (`Self` counts too).
fn mentions(ty: &Type, ident: &Ident) -> bool {
    fn walk(tokens: TokenStream, ident: &Ident) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(name) => name == *ident || name == "Self",
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), ident),
            _ => false,
        })
    }
    walk(quote!(#ty), ident)
}
