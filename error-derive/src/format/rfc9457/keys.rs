//! rfc9457's own keys: `type_base` on the type; `type`, `instance` and
//! `extensions(...)` on a variant, read from what was written with the
//! value parsers every format shares.
//!
//! What one key alone can get wrong is reported here (a value of the wrong
//! kind, an extension that names no field); the rules that relate keys
//! (a type without a title, a member named twice) are in `rules`.

use crate::errors::Errors;
use crate::parse::nested::{self, Nested};
use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{LitStr, Meta};

use crate::parse::keys::Written;
use crate::parse::value::{self, string};
use crate::parse::{Field, Spanned, Variant};
use crate::plan::Text;
use crate::validate::rules;

/// The type's own keys, as read: each `None` when absent or refused.
#[derive(Default)]
pub struct ContainerKeys {
    /// `type_base = "https://…/"`.
    pub type_base: Option<LitStr>,
    /// `request_id = "name"`: the member the request's id is written under.
    pub request_id: Option<LitStr>,
}

/// The type's own keys.
pub fn container(written: &[Written], errors: &mut Errors) -> ContainerKeys {
    let mut keys = ContainerKeys::default();
    for Written { key, meta } in written {
        match key.value.name {
            "type_base" => keys.type_base = errors.handle(string("type_base", meta)),
            "request_id" => keys.request_id = errors.handle(string("request_id", meta)),
            // Any other key belongs to another format: refused by
            // `rules::foreign_keys`.
            _ => {}
        }
    }
    keys
}

/// `instance = field`, `instance = 0` or `instance = "text {field}"`.
pub enum Instance<'a> {
    /// A field, written with its `Display`.
    Field(&'a Field),
    /// A text, maybe interpolating fields.
    Text(Text<'a>),
}

/// One member of `extensions(...)`.
pub struct Extension<'a> {
    /// The member's name on the wire.
    pub name: String,
    /// Where the name was written.
    pub span: Span,
    /// What the member holds.
    pub value: ExtensionValue<'a>,
}

/// The value of an extension member.
pub enum ExtensionValue<'a> {
    /// A field, serialised with serde (`balance`, `accounts = list`).
    Field(&'a Field),
    /// A JSON string: a constant, or a text showing fields with `Display`
    /// (`error = "Wrong password"`, `error = "no note {id}"`).
    Text(Text<'a>),
}

/// A variant's own keys, as read.
#[derive(Default)]
pub struct VariantKeys<'a> {
    /// `type = "…"`, as written.
    pub type_: Option<LitStr>,
    /// `instance = …`.
    pub instance: Option<Instance<'a>>,
    /// `extensions(...)`, in the order written.
    pub extensions: Vec<Extension<'a>>,
}

/// Reads a variant's keys, and whether every one of them parsed and named
/// fields the variant has (the errors are reported; what did parse is
/// kept, so that the other rules still run on it).
pub fn variant<'a>(variant: &'a Variant, errors: &mut Errors) -> (VariantKeys<'a>, bool) {
    let mut keys = VariantKeys::default();
    let mut ok = true;
    for Written { key, meta } in &variant.attrs.format_keys {
        match key.value.name {
            "type" => match errors.handle(string("type", meta)) {
                Some(lit) => keys.type_ = Some(lit),
                None => ok = false,
            },
            "instance" => match instance(variant, meta, errors) {
                Some(instance) => keys.instance = Some(instance),
                None => ok = false,
            },
            "extensions" => {
                let (extensions, all) = extensions(variant, meta, errors);
                keys.extensions = extensions;
                ok &= all;
            }
            // A key of another format: refused by `rules::foreign_keys`.
            _ => {}
        }
    }
    (keys, ok)
}

/// Where `name` (one of this format's variant keys) was written: the span
/// of its value, else of its name.
pub fn value_span(variant: &Variant, name: &str) -> Option<Span> {
    variant
        .attrs
        .format_keys
        .iter()
        .find(|written| written.key.value.name == name)
        .map(|written| match &written.meta {
            Meta::NameValue(pair) => pair.value.span(),
            _ => written.key.span,
        })
}

/// `instance = field`, `= 0` or `= "text"`, its field or placeholders
/// checked against the variant's fields.
fn instance<'a>(variant: &'a Variant, meta: &Meta, errors: &mut Errors) -> Option<Instance<'a>> {
    let Meta::NameValue(pair) = meta else {
        // `instance` alone or `instance(...)`: the parser says what it takes.
        errors.handle(value::member("instance", meta));
        return None;
    };
    if let Ok(lit) = string("instance", meta) {
        return rules::text(variant, &lit, "`instance`", errors).map(Instance::Text);
    }
    match value::member("instance", meta) {
        Ok(member) => {
            rules::field_ref(variant, Some(&member), "instance", errors)?.map(Instance::Field)
        }
        Err(_) => {
            errors.push(
                crate::errors::error(&pair.value, "`instance` takes a field name, a tuple index or a string, like `instance = request_id`, `instance = 0` or `instance = \"/orders/{id}\"`",),
            );
            None
        }
    }
}

const EXTENSIONS_EXAMPLE: &str = "extensions(balance, accounts = account_list)";

/// `extensions(a, b, wire_name = field, wire_name = 0)`: each member's
/// name and field, in order.
fn extensions<'a>(
    variant: &'a Variant,
    meta: &Meta,
    errors: &mut Errors,
) -> (Vec<Extension<'a>>, bool) {
    let Meta::List(list) = meta else {
        errors.push(
            crate::errors::error(meta, format!(
                "`extensions` lists the fields written as extension members: write `{EXTENSIONS_EXAMPLE}`"
            )),
        );
        return (Vec::new(), false);
    };
    let items = match nested::list(list.tokens.clone()) {
        Ok(items) => items,
        Err(error) => {
            errors.push(error);
            return (Vec::new(), false);
        }
    };
    let mut ok = true;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match extension(variant, &item, errors) {
            Some(extension) => out.push(extension),
            None => ok = false,
        }
    }
    (out, ok)
}

/// One item of `extensions(...)`: `field` (named as the field) or
/// `wire_name = field`.
fn extension<'a>(
    variant: &'a Variant,
    item: &Nested,
    errors: &mut Errors,
) -> Option<Extension<'a>> {
    let refuse = |errors: &mut Errors, span: Span, what: &str| {
        errors.push(
            crate::errors::error(span, format!(
                "{what} in `extensions`: each member is a field, named as the field (`balance`) or as written (`accounts = account_list`, `id = 0`)"
            )),
        );
    };
    let Nested::Meta(meta) = item else {
        refuse(errors, item.span(), "a literal");
        return None;
    };
    let Some(ident) = meta.path().get_ident() else {
        refuse(errors, meta.path().span(), "a path");
        return None;
    };
    let name = ident.unraw().to_string();
    let member = match meta {
        Meta::Path(_) => Spanned {
            value: syn::Member::Named(ident.clone()),
            span: ident.span(),
        },
        Meta::NameValue(_) => {
            if let Ok(lit) = string(&name, meta) {
                let text = rules::text(variant, &lit, &format!("the extension `{name}`"), errors)?;
                return Some(Extension {
                    name,
                    span: ident.span(),
                    value: ExtensionValue::Text(text),
                });
            }
            match value::member(&name, meta) {
                Ok(member) => member,
                Err(_) => {
                    let Meta::NameValue(pair) = meta else {
                        return None;
                    };
                    errors.push(crate::errors::error(
                        &pair.value,
                        format!(
                            "the extension `{name}` takes a field, a tuple index or a text, like `{name} = field`, `{name} = 0` or `{name} = \"text {{field}}\"`"
                        ),
                    ));
                    return None;
                }
            }
        }
        Meta::List(_) => {
            refuse(errors, meta.span(), "a list");
            return None;
        }
    };
    let field = rules::field_ref(variant, Some(&member), "extensions", errors)??;
    Some(Extension {
        name,
        span: ident.span(),
        value: ExtensionValue::Field(field),
    })
}
