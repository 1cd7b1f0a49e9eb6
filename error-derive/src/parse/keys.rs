//! The `#[api(...)]` keys: one table of the keys every format takes and the
//! item each belongs on; the keys of one format are the format's
//! (`FormatKind::keys`), parsed by the format itself.
//!
//! Every key is checked here for what one key alone can get wrong: unknown
//! (with the nearest known key suggested, among every format's), repeated
//! (across all `#[api]` attributes of an item, which merge), on the wrong
//! item, or holding the wrong kind of value (the keys every format takes; a
//! format's own key is kept as written, for its format to read). Rules that
//! relate several keys or the format live in `validate` and `format`. All
//! errors are collected; none stops the parse.

use crate::errors::Errors;
use crate::parse::nested::{self, Nested};
use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Attribute, LitStr, Meta};

use super::Spanned;
use super::formats::{FormatKey, FormatKind};
use super::framework_errors::{self, Declaration};
use super::headers::{self, WrittenHeader};
use super::value::{self, WrittenDetail};

/// A key of `#[api(...)]`: one every format takes, or one of a format's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Format,
    Crate,
    IntoResponse,
    FrameworkErrors,
    Code,
    Status,
    Title,
    Detail,
    Transparent,
    Headers,
    Framework,
    /// A key of one format (or of several), read by the format.
    OfFormat(&'static FormatKey),
}

impl Key {
    /// The keys every format takes.
    const COMMON: [Key; 11] = [
        Key::Format,
        Key::Crate,
        Key::IntoResponse,
        Key::FrameworkErrors,
        Key::Code,
        Key::Status,
        Key::Title,
        Key::Detail,
        Key::Transparent,
        Key::Headers,
        Key::Framework,
    ];

    /// The key as the user writes it.
    pub fn name(self) -> &'static str {
        match self {
            Key::Format => "format",
            Key::Crate => "crate",
            Key::IntoResponse => "into_response",
            Key::FrameworkErrors => "framework_errors",
            Key::Code => "code",
            Key::Status => "status",
            Key::Title => "title",
            Key::Detail => "detail",
            Key::Transparent => "transparent",
            Key::Headers => "headers",
            Key::Framework => "framework",
            Key::OfFormat(key) => key.name,
        }
    }

    /// Container keys describe the whole type; the others describe one error.
    fn is_container(self) -> bool {
        match self {
            Key::Format | Key::Crate | Key::IntoResponse | Key::FrameworkErrors => true,
            Key::OfFormat(key) => key.container,
            _ => false,
        }
    }

    /// The keys a type of `format` takes: the common ones, then the
    /// format's (every format's when the format is not known).
    fn of(format: Option<FormatKind>) -> impl Iterator<Item = Key> {
        let formats: Vec<FormatKind> =
            format.map_or_else(|| FormatKind::all().collect(), |format| Vec::from([format]));
        Key::COMMON.into_iter().chain(
            formats
                .into_iter()
                .flat_map(FormatKind::keys)
                .map(Key::OfFormat),
        )
    }

    fn from_name(name: &str) -> Option<Key> {
        if let Some(key) = Key::COMMON.iter().find(|key| key.name() == name) {
            return Some(*key);
        }
        FormatKind::all().find_map(|kind| {
            kind.keys()
                .iter()
                .find(|key| key.name == name)
                .map(Key::OfFormat)
        })
    }
}

/// A format's key as written: its name (spanned) and the whole `meta`, for
/// the format to read.
pub struct Written {
    /// The key.
    pub key: Spanned<&'static FormatKey>,
    /// What was written.
    pub meta: Meta,
}

/// The item an `#[api]` attribute sits on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// The enum: container keys only.
    Enum,
    /// A variant: variant keys only.
    Variant,
    /// A struct: both, in one attribute.
    Struct,
}

impl Item {
    fn allows(self, key: Key) -> bool {
        match self {
            Item::Enum => key.is_container(),
            Item::Variant => !key.is_container(),
            Item::Struct => true,
        }
    }
}

/// The container keys of the type.
pub struct ContainerAttrs {
    /// `format = "…"`.
    pub format: Option<Spanned<FormatKind>>,
    /// The format's own container keys, as written, in order.
    pub format_keys: Vec<Written>,
    /// `crate = "path::to::api_errors"`.
    pub krate: Option<syn::Path>,
    /// `into_response = false`: no derived axum `IntoResponse` (the user
    /// writes their own).
    pub into_response: Option<bool>,
    /// `framework_errors` or `framework_errors(case = Variant, …)`.
    pub framework_errors: Option<Declaration>,
    /// Every key written, valid or not, with the span of its name.
    pub seen: Vec<Spanned<Key>>,
    /// Keys suggested for misspelt ones ("did you mean `format`?").
    pub suggested: Vec<Key>,
    /// Whether an `#[api]` attribute here could not be read at all.
    pub unparsed: bool,
    /// Where an error about a missing key points: the first `#[api]`, else
    /// the type's name.
    pub anchor: Span,
}

impl Default for ContainerAttrs {
    fn default() -> Self {
        ContainerAttrs {
            format: None,
            format_keys: Vec::new(),
            krate: None,
            into_response: None,
            framework_errors: None,
            seen: Vec::new(),
            suggested: Vec::new(),
            unparsed: false,
            anchor: Span::call_site(),
        }
    }
}

/// The keys of one variant (or of the struct).
#[derive(Default)]
pub struct VariantAttrs {
    /// `code = 14`.
    pub code: Option<Spanned<u64>>,
    /// `status = 400`.
    pub status: Option<Spanned<u64>>,
    /// `title = "…"`.
    pub title: Option<LitStr>,
    /// `detail = field`, `detail = 0` or `detail = "…"`.
    pub detail: Option<WrittenDetail>,
    /// The format's own variant keys, as written, in order.
    pub format_keys: Vec<Written>,
    /// `transparent`.
    pub transparent: Option<Span>,
    /// `headers(name = "value", name = field, …)`.
    pub headers: Option<Vec<WrittenHeader>>,
    /// `framework`: the variant stands for the format's standard answers
    /// to the framework's errors.
    pub framework: Option<Span>,
    /// Every key written, valid or not, with the span of its name.
    pub seen: Vec<Spanned<Key>>,
    /// Keys suggested for misspelt ones ("did you mean `code`?").
    pub suggested: Vec<Key>,
    /// Whether an `#[api]` attribute here could not be read at all.
    pub unparsed: bool,
}

impl VariantAttrs {
    /// Whether `key` was written, even with a value that did not parse.
    pub fn has(&self, key: Key) -> bool {
        self.seen.iter().any(|seen| seen.value == key)
    }

    /// Whether `key` may have been meant: written, misspelt, or in an
    /// attribute that could not be read. A rule reports a missing key only
    /// when this is false, so that one mistake gives one error.
    pub fn may_have(&self, key: Key) -> bool {
        self.has(key) || self.suggested.contains(&key) || self.unparsed
    }
}

impl ContainerAttrs {
    /// Whether `key` was written, even with a value that did not parse.
    pub fn has(&self, key: Key) -> bool {
        self.seen.iter().any(|seen| seen.value == key)
    }

    /// The path of `api_errors` in generated code: `crate = "…"`, or
    /// `::api_errors`.
    pub fn krate_path(&self) -> proc_macro2::TokenStream {
        match &self.krate {
            Some(path) => quote::quote!(#path),
            None => quote::quote!(::api_errors),
        }
    }

    /// Whether `key` may have been meant (see [`VariantAttrs::may_have`]).
    pub fn may_have(&self, key: Key) -> bool {
        self.has(key) || self.suggested.contains(&key) || self.unparsed
    }

    /// [`may_have`](Self::may_have) for a format's key, by its name.
    pub fn may_have_named(&self, name: &str) -> bool {
        let named = |key: &Key| key.name() == name;
        self.seen.iter().any(|seen| named(&seen.value))
            || self.suggested.iter().any(named)
            || self.unparsed
    }
}

/// The container's keys (and, for a struct, its variant keys too).
pub fn parse_container(
    attrs: &[Attribute],
    item: Item,
    anchor: Span,
    errors: &mut Errors,
) -> (ContainerAttrs, VariantAttrs) {
    let mut container = ContainerAttrs {
        anchor,
        ..ContainerAttrs::default()
    };
    let mut variant = VariantAttrs::default();
    parse(attrs, item, &mut container, &mut variant, errors);
    (container, variant)
}

/// A variant's keys, in a type of `format` (when that parsed): an unknown
/// key's message lists that format's keys.
pub fn parse_variant(
    attrs: &[Attribute],
    format: Option<Spanned<FormatKind>>,
    errors: &mut Errors,
) -> VariantAttrs {
    let mut container = ContainerAttrs {
        format,
        ..ContainerAttrs::default()
    };
    let mut variant = VariantAttrs::default();
    parse(attrs, Item::Variant, &mut container, &mut variant, errors);
    variant
}

/// `#[api]` belongs on the type and its variants, never on a field.
pub fn reject_field_attrs(attrs: &[Attribute], errors: &mut Errors) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        errors.push(
            crate::errors::error(attr.path(), "#[api] is not used on fields: name the field in the variant's #[api(...)] instead, like `detail = field`",),
        );
    }
}

fn parse(
    attrs: &[Attribute],
    item: Item,
    container: &mut ContainerAttrs,
    variant: &mut VariantAttrs,
    errors: &mut Errors,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        let items = match &attr.meta {
            Meta::List(list) => nested::list(list.tokens.clone()),
            _ => Err(syn::Error::new(
                attr.path().span(),
                "expected keys in parentheses, like #[api(code = 14)]",
            )),
        };
        let items = match items {
            Ok(items) => items,
            Err(error) => {
                // Whatever the attribute meant to say is unknown: no rule may
                // report a key as missing on this item.
                container.unparsed = true;
                variant.unparsed = true;
                errors.push(error);
                continue;
            }
        };
        for nested in items {
            match nested {
                Nested::Meta(meta) => {
                    if let Some(key) = register(meta.path(), item, container, variant, errors) {
                        let span = meta.path().span();
                        parse_value(key, span, &meta, container, variant, errors);
                    }
                }
                Nested::Lit(literal) => errors.push(crate::errors::error(
                    &literal,
                    "expected a key, like `code = 14`, found a literal",
                )),
                Nested::NotAnExpression {
                    path,
                    eq_token,
                    value,
                } => {
                    if let Some(key) = register(&path, item, container, variant, errors) {
                        // `code =` with nothing after it: the empty value has
                        // no span of its own, so point at the `=`.
                        if value.is_empty() {
                            errors.push(
                                crate::errors::error(&eq_token, format!(
                                    "`{0}` has no value after `=`: write it like `code = 14`, `title = \"…\"` or `detail = field`",
                                    key.name()
                                )),
                            );
                            continue;
                        }
                        errors.push(
                            crate::errors::error(&value, format!(
                                "the value of `{}` is not a literal or a name: write it like `code = 14`, `title = \"…\"` or `detail = field`",
                                key.name()
                            )),
                        );
                    }
                }
            }
        }
    }
}

/// Registers the key written at `path`, refusing one that is unknown, on the
/// wrong item or repeated; the key is returned when its value should be read.
fn register(
    path: &syn::Path,
    item: Item,
    container: &mut ContainerAttrs,
    variant: &mut VariantAttrs,
    errors: &mut Errors,
) -> Option<Key> {
    let name = path_name(path);
    let Some(key) = Key::from_name(&name) else {
        let format = container.format.map(|format| format.value);
        let (error, suggestion) = unknown_key(&name, item, format, path);
        errors.push(error);
        // "did you mean `format`?" is the whole story: no "missing `format`"
        // after it.
        if let Some(key) = suggestion {
            container.suggested.push(key);
            variant.suggested.push(key);
        }
        return None;
    };
    if !item.allows(key) {
        errors.push(misplaced_key(key, item, path));
        return None;
    }
    let seen = if key.is_container() {
        &mut container.seen
    } else {
        &mut variant.seen
    };
    if seen.iter().any(|seen| seen.value == key) {
        errors.push(
            crate::errors::error(path, format!(
                "duplicate key `{}`: each key is set once per item, across all its #[api] attributes; remove this one",
                key.name()
            )),
        );
        return None;
    }
    seen.push(Spanned {
        value: key,
        span: path.span(),
    });
    Some(key)
}

fn parse_value(
    key: Key,
    span: Span,
    meta: &Meta,
    container: &mut ContainerAttrs,
    variant: &mut VariantAttrs,
    errors: &mut Errors,
) {
    let name = key.name();
    match key {
        Key::Format => container.format = errors.handle(value::format(meta)),
        Key::OfFormat(key) => {
            let written = Written {
                key: Spanned { value: key, span },
                meta: meta.clone(),
            };
            if key.container {
                container.format_keys.push(written);
            } else {
                variant.format_keys.push(written);
            }
        }
        Key::Crate => container.krate = errors.handle(value::crate_path(meta)),
        Key::IntoResponse => container.into_response = errors.handle(value::boolean(name, meta)),
        Key::FrameworkErrors => {
            container.framework_errors = errors.handle(framework_errors::declaration(meta));
        }
        Key::Code => {
            let example = container
                .format
                .map_or(14, |format| format.value.example_code());
            variant.code = errors.handle(value::int(name, meta, example.into()));
        }
        Key::Status => variant.status = errors.handle(value::int(name, meta, 400)),
        Key::Title => variant.title = errors.handle(value::string(name, meta)),
        Key::Detail => variant.detail = errors.handle(value::detail(meta)),
        Key::Transparent => variant.transparent = errors.handle(value::flag(name, meta)),
        Key::Headers => variant.headers = errors.handle(headers::headers(meta)),
        Key::Framework => variant.framework = errors.handle(value::flag(name, meta)),
    }
}

/// `a::b` as the user wrote it.
fn path_name(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// The error for an unknown key, and the key it suggests: among the keys
/// of the type's format, when it is known (a key of another format is not
/// unknown: it is refused as that format's).
fn unknown_key(
    name: &str,
    item: Item,
    format: Option<FormatKind>,
    at: &syn::Path,
) -> (syn::Error, Option<Key>) {
    let mut allowed: Vec<&str> = Key::of(format)
        .filter(|key| item.allows(*key))
        .map(Key::name)
        .collect();
    // A key several formats take is suggested once.
    let mut seen = std::collections::HashSet::new();
    allowed.retain(|name| seen.insert(*name));
    match value::nearest(name, &allowed) {
        Some(nearest) => (
            crate::errors::error(
                at,
                format!("unknown key `{name}`: did you mean `{nearest}`?"),
            ),
            Key::from_name(nearest),
        ),
        None => (
            crate::errors::error(
                at,
                format!(
                    "unknown key `{name}`: expected one of {}",
                    allowed.join(", ")
                ),
            ),
            None,
        ),
    }
}

fn misplaced_key(key: Key, item: Item, at: &syn::Path) -> syn::Error {
    let name = key.name();
    match item {
        Item::Enum => crate::errors::error(
            at,
            format!(
                "`{name}` is a variant key, not a key of the enum: move it into the #[api(...)] of each variant it applies to"
            ),
        ),
        _ => crate::errors::error(
            at,
            format!(
                "`{name}` is a container key, not a key of a variant: move it into the #[api(...)] on the enum"
            ),
        ),
    }
}
