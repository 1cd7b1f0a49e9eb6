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

/// rfc9457's: the base of the type URIs and the request id's member; a
/// variant's `type`, `instance` and `extensions`.
const RFC9457_KEYS: &[FormatKey] = &[
    key("type_base", true),
    key("request_id", true),
    key("type", false),
    key("instance", false),
    key("extensions", false),
];

/// The formats `format = "…"` can name, in the order of [`REGISTRY`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatKind {
    /// `format = "oz"`.
    Oz,
    /// `format = "entrecode"`.
    Entrecode,
    /// `format = "rfc9457"`.
    Rfc9457,
}

/// What parse knows of a format: how `format = "…"` names it, its marker
/// type in `api_errors`, and its own keys.
pub struct Registered {
    /// The format.
    pub kind: FormatKind,
    /// Its name, as `format = "…"` writes it.
    pub name: &'static str,
    /// The name of its marker type in `api_errors` (`api_errors::Oz`).
    pub marker: &'static str,
    /// The keys of its own, beyond those every format takes: its
    /// allow-list (a key of another format is an error).
    pub keys: &'static [FormatKey],
    /// A `code` as a variant of the format writes it, for the examples of
    /// messages about `code`.
    pub example_code: u16,
}

/// Every format, one line each.
pub const REGISTRY: [Registered; 3] = [
    registered(FormatKind::Oz, "oz", "Oz", OZ_KEYS, 14),
    registered(
        FormatKind::Entrecode,
        "entrecode",
        "Entrecode",
        ENTRECODE_KEYS,
        202,
    ),
    // An extension member's value: any number.
    registered(
        FormatKind::Rfc9457,
        "rfc9457",
        "Rfc9457",
        RFC9457_KEYS,
        2202,
    ),
];

const fn registered(
    kind: FormatKind,
    name: &'static str,
    marker: &'static str,
    keys: &'static [FormatKey],
    example_code: u16,
) -> Registered {
    Registered {
        kind,
        name,
        marker,
        keys,
        example_code,
    }
}

impl FormatKind {
    /// Every format.
    pub fn all() -> impl Iterator<Item = FormatKind> {
        REGISTRY.iter().map(|format| format.kind)
    }

    /// Every format's name.
    pub fn names() -> impl Iterator<Item = &'static str> {
        REGISTRY.iter().map(|format| format.name)
    }

    fn registered(self) -> &'static Registered {
        // The registry lists the formats in the enum's order (a unit test
        // holds it).
        &REGISTRY[self as usize]
    }

    /// The format's name, as `format = "…"` writes it.
    pub fn name(self) -> &'static str {
        self.registered().name
    }

    /// The keys of the format's own, beyond those every format takes.
    pub fn keys(self) -> &'static [FormatKey] {
        self.registered().keys
    }

    /// The format called `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        REGISTRY
            .iter()
            .find(|format| format.name == name)
            .map(|format| format.kind)
    }

    /// The name of the format's marker type in `api_errors`.
    pub fn marker(self) -> &'static str {
        self.registered().marker
    }

    /// A `code` as the format's variants write it, for examples.
    pub fn example_code(self) -> u16 {
        self.registered().example_code
    }
}

#[cfg(test)]
mod tests {
    use super::REGISTRY;

    #[test]
    fn the_registry_lists_the_formats_in_the_enums_order() {
        for (index, format) in REGISTRY.iter().enumerate() {
            assert_eq!(format.kind as usize, index, "{}", format.name);
            assert_eq!(format.kind.name(), format.name);
        }
    }
}
