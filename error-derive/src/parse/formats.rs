//! The formats `format = "…"` can name, and the keys each takes beyond
//! those every format takes: what parse needs to read an `#[api]`
//! attribute (which key belongs on which item, which format a misplaced key
//! belongs to). How a format checks and writes its variants is
//! `crate::format`'s.
//!
//! Adding a format: its line in [`FormatKind`] (and in each `match` of
//! its methods), its keys here, then its behaviour in `crate::format`.

/// A key that belongs to a format, as the format declares it.
#[derive(Debug, PartialEq, Eq)]
pub struct FormatKey {
    /// The key as the user writes it.
    pub name: &'static str,
    /// Whether it describes the whole type (else one error).
    pub container: bool,
}

/// A key, in a `const`.
const fn key(name: &'static str, container: bool) -> FormatKey {
    FormatKey { name, container }
}

/// Oz has no keys beyond those every format takes.
const OZ_KEYS: &[FormatKey] = &[];

/// entrecode's: the system, the type URL and the `up` link of the type;
/// `verbose` and `embed` of a variant.
const ENTRECODE_KEYS: &[FormatKey] = &[
    key("system", true),
    key("type_url", true),
    key("up", true),
    key("verbose", false),
    key("embed", false),
];

/// rfc9457's: the base of the type URIs; a variant's `type`, `instance` and
/// `extensions`.
const RFC9457_KEYS: &[FormatKey] = &[
    key("type_base", true),
    key("type", false),
    key("instance", false),
    key("extensions", false),
];

/// The formats `format = "…"` can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatKind {
    /// `format = "oz"`.
    Oz,
    /// `format = "entrecode"`.
    Entrecode,
    /// `format = "rfc9457"`.
    Rfc9457,
}

impl FormatKind {
    /// Every format.
    pub const ALL: [FormatKind; 3] = [FormatKind::Oz, FormatKind::Entrecode, FormatKind::Rfc9457];

    /// Every format's name.
    pub const NAMES: [&'static str; 3] = ["oz", "entrecode", "rfc9457"];

    /// The format's name, as `format = "…"` writes it.
    pub fn name(self) -> &'static str {
        match self {
            FormatKind::Oz => "oz",
            FormatKind::Entrecode => "entrecode",
            FormatKind::Rfc9457 => "rfc9457",
        }
    }

    /// The keys of the format's own, beyond those every format takes: the
    /// format's allow-list (a key of another format is an error).
    pub fn keys(self) -> &'static [FormatKey] {
        match self {
            FormatKind::Oz => OZ_KEYS,
            FormatKind::Entrecode => ENTRECODE_KEYS,
            FormatKind::Rfc9457 => RFC9457_KEYS,
        }
    }

    /// The format called `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "oz" => Some(FormatKind::Oz),
            "entrecode" => Some(FormatKind::Entrecode),
            "rfc9457" => Some(FormatKind::Rfc9457),
            _ => None,
        }
    }

    /// The name of the format's marker type in `api_errors`.
    pub fn marker(self) -> &'static str {
        match self {
            FormatKind::Oz => "Oz",
            FormatKind::Entrecode => "Entrecode",
            FormatKind::Rfc9457 => "Rfc9457",
        }
    }
}
