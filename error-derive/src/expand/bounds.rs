//! Field bounds: what each used field type must implement in the role the
//! body gives it (`Display` for text, `Serialize` for serde values, `Embed`
//! for sub-errors, the format's transparent bound for `transparent`), as a
//! where-clause for the impls and as checks that report a wrong type.
//!
//! A wrong type must fail once, at the field, with a message that names the
//! key and says what to do (the traits of `api_errors::field`).
//! How each field type gets there depends on the generics it names:
//!
//! - none (`Property`, `Vec<String>`): the check `const _: () = <Property as
//!   entrecode::DetailDisplay>::OK;`, spanned on the field's type, reports the
//!   error. The where-clause still needs the real bound, or the body would
//!   fail too (with several errors at the derive); written plainly, rustc
//!   would check that bound on its own as a "trivial bound" and report it a
//!   second time with its own message and "see issue #48214". Written
//!   `for<'__api> Property: Display` it is not checked where it is written
//!   (rustc checks trivial bounds only without a binder) but holds in the
//!   body all the same.
//! - only lifetimes (`Name<'a>`): the where-clause bound is an ordinary
//!   assumption (rustc checks it nowhere), and the check runs in a `const
//!   fn` that declares the impl's lifetimes.
//! - a type parameter (`T`, `Vec<T>`): the bound goes to the where-clause
//!   alone, as a requirement on the parameter, and is checked where the type
//!   is used with a concrete argument, as for any generic impl.
//!
//! Types that mention the deriving type itself are left out: a bound like
//! `Vec<Self>: Embed` would make the impl depend on itself.

use std::collections::{HashMap, HashSet};

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::quote;
use syn::spanned::Spanned as _;
use syn::{GenericParam, Generics, Type};

use super::{option_inner, respan};
use crate::model::{HeaderValue, Kind, Model};
use crate::plan::Part;
use crate::plan::{Check, Object, Source};

/// The where-clause every impl takes, and the checks beside the impls.
pub struct FieldBounds {
    /// The model's where-clause, extended with the bounds its fields need.
    pub where_clause: TokenStream,
    /// One `const _: () = <Type as Check>::OK;` per field type that names no
    /// type parameter.
    pub checks: TokenStream,
}

/// A role a field plays in the body, and what it requires.
struct Role {
    /// The real bound, for the where-clause.
    bound: TokenStream,
    /// The trait of `field` that reports a wrong type.
    check: TokenStream,
}

/// The bounds and checks of `model`'s fields: each field its plans use, in
/// the role its member gives it (the real trait, and the plan's check), and
/// each `transparent` field.
pub fn field_bounds(model: &Model<'_>) -> FieldBounds {
    let krate = &model.krate;
    // A check is a path like `entrecode::DetailDisplay`, written as idents (one
    // call per segment; parsing the text would lex it again for every field).
    let role = |bound: &TokenStream, check: Check| Role {
        bound: bound.clone(),
        check: {
            let segments = check
                .split("::")
                .map(|segment| Ident::new(segment, Span::call_site()));
            quote!(#krate #(::#segments)*)
        },
    };
    let display = quote!(::core::fmt::Display);
    let serialize = quote!(#krate::__private::serde::Serialize);
    let format = model.format_kind.value.marker();
    let format = Ident::new(format, Span::call_site());
    let sub_errors = quote!(#krate::__private::sub_errors::Embed<Format = #krate::#format>);
    // A transparent field is an error of the format; of a format that
    // embeds errors in others, an embeddable one (its `Embeddable` impl is
    // what the wrapping type's own calls).
    let transparent = role(
        &if model.embeds {
            quote!(#krate::__private::sub_errors::Embeddable<Format = #krate::#format>)
        } else {
            quote!(#krate::ApiError<Format = #krate::#format>)
        },
        model.transparent_check,
    );
    let mut bounds = Bounds {
        own_name: model.ident,
        generics: model.generics,
        predicates: Vec::new(),
        checks: Vec::new(),
        seen: HashSet::new(),
        checked: HashSet::new(),
    };
    // Each role once (its tokens are built for the first field that needs
    // it, not for every field: the derive runs in every build of its users).
    let mut roles: HashMap<Check, Role> = HashMap::new();
    let mut add_object = |bounds: &mut Bounds<'_>, object: &Object<'_>| {
        for member in &object.members {
            let (fields, bound, check): (Vec<&Type>, &TokenStream, Check) = match &member.value {
                Source::Const(_) => continue,
                Source::Text(text, check) => {
                    let fields = text.iter().filter_map(|piece| match piece {
                        Part::Field(field) => Some(&field.ty),
                        Part::Lit(_) => None,
                    });
                    (fields.collect(), &display, check)
                }
                Source::Display(field, check) => (
                    Vec::from([option_inner(&field.ty).unwrap_or(&field.ty)]),
                    &display,
                    check,
                ),
                Source::Serde(field, _, check) => (Vec::from([&field.ty]), &serialize, check),
                Source::SubErrors { field, check, .. } => {
                    (Vec::from([&field.ty]), &sub_errors, check)
                }
            };
            let role = roles.entry(check).or_insert_with(|| role(bound, check));
            for ty in fields {
                bounds.add(ty, role);
            }
        }
    };
    add_answer_fields(model, &mut bounds);
    for variant in &model.variants {
        match &variant.kind {
            Kind::Transparent(field) => bounds.add(&field.ty, &transparent),
            Kind::Coded(coded) => {
                // In member order: every format writes its title before its
                // other texts, so a field that is both a title placeholder
                // and a `detail` reports the title's check.
                add_object(&mut bounds, &coded.plan.body);
                if let Some(sub) = &coded.plan.sub_body {
                    add_object(&mut bounds, sub);
                }
            }
        }
    }
    add_serving_fields(
        model,
        &mut bounds,
        &role(&display, "field::HeaderDisplay"),
        &role(
            &quote!(#krate::field::FrameworkName),
            "field::FrameworkName",
        ),
    );
    let existing = model
        .generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates);
    let predicates = existing
        .map(|predicate| quote!(#predicate))
        .chain(bounds.predicates)
        .collect::<Vec<_>>();
    let where_clause = if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates,)*)
    };
    let checks = bounds.checks;
    FieldBounds {
        where_clause,
        checks: quote!(#(#checks)*),
    }
}

/// The field of a `framework` variant's rows, an `Answer`: its check is
/// the one that reports a wrong type (once); the body's roles are then
/// only assumed.
fn add_answer_fields(model: &Model<'_>, bounds: &mut Bounds<'_>) {
    let krate = &model.krate;
    let answer = quote!(#krate::field::FrameworkAnswer);
    let answer = Role {
        bound: answer.clone(),
        check: answer,
    };
    for variant in &model.variants {
        if variant.source.row.is_some()
            && let Some(field) = variant.source.fields.first()
        {
            bounds.add(&field.ty, &answer);
            bounds.checked.insert(type_key(&field.ty));
        }
    }
}

/// The fields the serving integrations use beyond the body: header values
/// (`Display`) and the fields `framework_errors` builds from a name.
fn add_serving_fields(model: &Model<'_>, bounds: &mut Bounds<'_>, header: &Role, from_name: &Role) {
    for variant in &model.variants {
        if let Kind::Coded(coded) = &variant.kind {
            for value in &coded.headers {
                if let HeaderValue::Field(field) = value.value {
                    let ty = option_inner(&field.ty).unwrap_or(&field.ty);
                    bounds.add(ty, header);
                }
            }
        }
    }
    if let Some(framework) = &model.framework_errors {
        let own_fields = framework
            .arms
            .iter()
            .filter(|arm| arm.variant.row.is_none());
        for field in own_fields.filter_map(|arm| arm.field) {
            bounds.add(&field.ty, from_name);
        }
    }
}

struct Bounds<'a> {
    own_name: &'a syn::Ident,
    generics: &'a Generics,
    predicates: Vec<TokenStream>,
    checks: Vec<TokenStream>,
    /// `type: bound` as text, so that a bound is written (and checked) once
    /// (a set: a scan of a list would make the derive quadratic in its
    /// variants). The first role that needs it gives the check.
    seen: HashSet<String>,
    /// Types whose check is their role's in a `framework` variant: any
    /// other role only assumes its bound, so that a wrong type gives one
    /// error.
    checked: HashSet<String>,
}

/// A type as text, the key of [`Bounds::checked`].
fn type_key(ty: &Type) -> String {
    quote!(#ty).to_string()
}

/// Which of the impl's generics a field type names.
enum Names {
    /// None: the type is the same in every instance of the impl.
    Nothing,
    /// Lifetimes only.
    Lifetimes,
    /// A type or const parameter.
    Parameters,
}

impl Bounds<'_> {
    fn add(&mut self, ty: &Type, role: &Role) {
        if mentions(ty, self.own_name) {
            return;
        }
        let bound = &role.bound;
        let key = quote!(#ty: #bound).to_string();
        if !self.seen.insert(key) {
            return;
        }
        let span: Span = ty.span();
        let bound = respan(bound, span);
        let check = &role.check;
        let assumed = !self.checked.is_empty() && self.checked.contains(&type_key(ty));
        match self.names(ty) {
            Names::Nothing if assumed => {
                let binder = syn::Lifetime::new("'__api", span);
                self.predicates.push(quote!(for<#binder> #ty: #bound));
            }
            Names::Nothing => {
                let binder = syn::Lifetime::new("'__api", span);
                self.predicates.push(quote!(for<#binder> #ty: #bound));
                let check = respan(&quote!(as #check>::OK;), span);
                let open = respan(&quote!(const _: () = <), span);
                self.checks.push(quote!(#open #ty #check));
            }
            Names::Lifetimes => {
                self.predicates.push(quote!(#ty: #bound));
                self.checks.push(self.check_with_lifetimes(ty, check, span));
            }
            Names::Parameters => self.predicates.push(quote!(#ty: #bound)),
        }
    }

    /// The check of a type that names the impl's lifetimes, in a function
    /// that declares them: `const fn f<'a>() { <Name<'a> as Check>::OK }`,
    /// called once.
    fn check_with_lifetimes(&self, ty: &Type, check: &TokenStream, span: Span) -> TokenStream {
        let lifetimes = self.generics.lifetimes();
        let outlives = self
            .generics
            .where_clause
            .iter()
            .flat_map(|clause| &clause.predicates)
            .filter(|predicate| matches!(predicate, syn::WherePredicate::Lifetime(_)));
        let check = respan(&quote!(as #check>::OK), span);
        let open = respan(&quote!(<), span);
        let function = respan(&quote!(const fn __api_check), span);
        let call = respan(
            &quote!(
                const _: () = __api_check();
            ),
            span,
        );
        quote! {
            const _: () = {
                #function<#(#lifetimes),*>() where #(#outlives,)* {
                    #open #ty #check
                }
                #call
            };
        }
    }

    fn names(&self, ty: &Type) -> Names {
        let mut names = Names::Nothing;
        visit(quote!(#ty), &mut |token, lifetime| {
            let TokenTree::Ident(ident) = token else {
                return;
            };
            if lifetime {
                if self.lifetime(ident) {
                    names = match names {
                        Names::Parameters => Names::Parameters,
                        _ => Names::Lifetimes,
                    };
                }
            } else if self.parameter(ident) {
                names = Names::Parameters;
            }
        });
        names
    }

    /// Whether `ident` is a type or const parameter of the impl.
    fn parameter(&self, ident: &Ident) -> bool {
        self.generics.params.iter().any(|param| match param {
            GenericParam::Type(param) => param.ident == *ident,
            GenericParam::Const(param) => param.ident == *ident,
            GenericParam::Lifetime(_) => false,
        })
    }

    /// Whether `'ident` is a lifetime parameter of the impl.
    fn lifetime(&self, ident: &Ident) -> bool {
        self.generics
            .lifetimes()
            .any(|param| param.lifetime.ident == *ident)
    }
}

/// Calls `f` with every token of `tokens`, and whether it is the name of a
/// lifetime (the ident after a `'`).
fn visit(tokens: TokenStream, f: &mut impl FnMut(&TokenTree, bool)) {
    let mut after_quote = false;
    for token in tokens {
        if let TokenTree::Group(group) = &token {
            visit(group.stream(), f);
        }
        f(&token, after_quote);
        after_quote = is_lifetime_quote(&token);
    }
}

/// The `'` that starts a lifetime.
fn is_lifetime_quote(token: &TokenTree) -> bool {
    matches!(token, TokenTree::Punct(punct) if punct.as_char() == '\'')
}

/// Whether `ty` names `ident` anywhere (`Self` counts too).
fn mentions(ty: &Type, ident: &syn::Ident) -> bool {
    fn walk(tokens: TokenStream, ident: &syn::Ident) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(name) => name == *ident || name == "Self",
            TokenTree::Group(group) => walk(group.stream(), ident),
            _ => false,
        })
    }
    walk(quote!(#ty), ident)
}
