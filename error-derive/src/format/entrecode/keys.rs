//! entrecode's own keys: `system`, `type_url` and `up` on the type,
//! `verbose` and `embed` on a variant, read from what was written with the
//! value parsers every format shares.

use crate::errors::Errors;
use crate::parse::nested::{self, Nested};
use syn::{LitStr, Meta};

use crate::parse::keys::Written;
use crate::parse::value::{self, Result, nearest, string};
use crate::parse::{Field, Spanned, Variant};
use crate::validate::rules;

/// The container keys, each `None` when absent or refused.
#[derive(Default)]
pub struct ContainerKeys {
    /// `system = 2`.
    pub system: Option<Spanned<u64>>,
    /// `type_url = "https://…/{code}"`.
    pub type_url: Option<LitStr>,
    /// `up(title = "…", href = "…")`.
    pub up: Option<Up>,
}

/// `up(title = "…", href = "…")`.
pub struct Up {
    /// The link's title.
    pub title: LitStr,
    /// The link's target.
    pub href: LitStr,
}

/// Reads the container keys written, reporting a value of the wrong kind.
pub fn container(written: &[Written], errors: &mut Errors) -> ContainerKeys {
    let mut keys = ContainerKeys::default();
    for Written { key, meta } in written {
        match key.value.name {
            "system" => keys.system = errors.handle(value::int("system", meta, 2)),
            "type_url" => keys.type_url = errors.handle(string("type_url", meta)),
            "up" => keys.up = errors.handle(up(meta)),
            // A key of another format: refused by `rules::foreign_keys`.
            _ => {}
        }
    }
    keys
}

/// A variant's `verbose` and `embed` fields.
#[derive(Default, Clone, Copy)]
pub struct VariantKeys<'a> {
    /// `verbose = field`.
    pub verbose: Option<&'a Field>,
    /// `embed = field`.
    pub embed: Option<&'a Field>,
}

/// Reads a variant's keys: each names a field the variant has (`None`
/// when one does not parse or names no field, with the error reported).
pub fn variant<'a>(variant: &'a Variant, errors: &mut Errors) -> Option<VariantKeys<'a>> {
    let mut keys = VariantKeys::default();
    let mut ok = true;
    for Written { key, meta } in &variant.attrs.format_keys {
        let name = key.value.name;
        let slot = match name {
            "verbose" => &mut keys.verbose,
            "embed" => &mut keys.embed,
            _ => continue,
        };
        let field = errors
            .handle(value::member(name, meta))
            .and_then(|member| rules::field_ref(variant, Some(&member), name, errors)?);
        ok &= field.is_some();
        *slot = field;
    }
    ok.then_some(keys)
}

/// `up(title = "…", href = "…")`.
pub fn up(meta: &Meta) -> Result<Up> {
    let example = "up(title = \"Home\", href = \"https://example.com\")";
    let list = match meta {
        Meta::List(list) => list,
        Meta::NameValue(pair) => {
            return Err(crate::errors::error(
                &pair.value,
                format!("`up` is a link, not a value: write `{example}`"),
            ));
        }
        Meta::Path(_) => {
            return Err(crate::errors::error(
                meta,
                format!("`up` needs a title and an href: write `{example}`"),
            ));
        }
    };
    let items = nested::list(list.tokens.clone())?;
    let mut errors = crate::errors::Errors::default();
    // Outer `Some`: the key was written; inner: its value parsed.
    let (mut title, mut href): (Option<Option<LitStr>>, Option<Option<LitStr>>) = (None, None);
    for item in items {
        let Nested::Meta(inner) = item else {
            errors.push(crate::errors::error(
                &item,
                format!("expected `title` or `href`: write `{example}`"),
            ));
            continue;
        };
        let name = inner
            .path()
            .get_ident()
            .map_or_else(String::new, ToString::to_string);
        let slot = match name.as_str() {
            "title" => &mut title,
            "href" => &mut href,
            _ => {
                let near = nearest(&name, &["title", "href"]);
                // A misspelt key is not also a missing one.
                match near {
                    Some("title") => title = title.or(Some(None)),
                    Some(_) => href = href.or(Some(None)),
                    None => {}
                }
                let hint = near.map_or_else(String::new, |near| format!("did you mean `{near}`? "));
                errors.push(crate::errors::error(
                    inner.path(),
                    format!("unknown key `{name}` in `up`: {hint}`up` takes `title` and `href`"),
                ));
                continue;
            }
        };
        if slot.is_some() {
            errors.push(crate::errors::error(
                inner.path(),
                format!("duplicate key `{name}` in `up`: remove this one"),
            ));
            continue;
        }
        *slot = Some(errors.handle(string(&name, &inner)));
    }
    for (name, slot) in [("title", &title), ("href", &href)] {
        if slot.is_none() {
            errors.push(crate::errors::error(
                &list.path,
                format!("`up` needs `{name}`: write `{example}`"),
            ));
        }
    }
    errors.finish()?;
    match (title.flatten(), href.flatten()) {
        (Some(title), Some(href)) => Ok(Up { title, href }),
        // Unreachable: a key that is absent or did not parse left an error above.
        _ => Err(crate::errors::error(
            meta,
            format!("`up` is a link: write `{example}`"),
        )),
    }
}
