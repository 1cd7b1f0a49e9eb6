//! The body plan: a format describes each variant's JSON body as data, and
//! `expand` turns any plan into the variant table (the fast path's write
//! program and the serde path's members, in the plan's order), the OpenAPI
//! example, the size hint and the field bounds. A format therefore never
//! writes serialisation code of its own, and both paths agree by
//! construction.
//!
//! An object's first member must always be present (the comma rule of the
//! fast path relies on it); `Object::new` takes it apart from the others.

use std::borrow::Cow;

use crate::common::escape::escape_into;
use crate::parse::Field;

/// A text of literal parts and fields' `Display` (a title, a text
/// `detail`), resolved: each placeholder is the field it names; and the
/// text as written, which the docs show. Its parts are its slice.
#[derive(Clone)]
pub struct Text<'a> {
    /// The parts, adjacent literals merged.
    pub parts: Vec<Part<'a>>,
    /// The template as written (`"Capsule {0} not found"`), or the
    /// documented text it stands for.
    pub written: String,
}

impl Text<'_> {
    /// A text without placeholders.
    pub fn literal(text: &str) -> Self {
        Text {
            parts: Vec::from([Part::Lit(text.to_owned())]),
            written: text.to_owned(),
        }
    }

    /// The text if it is a constant (no placeholders).
    pub fn constant(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [] => Some(""),
            [Part::Lit(text)] => Some(text),
            _ => None,
        }
    }

    /// Whether a placeholder names a field.
    pub fn has_fields(&self) -> bool {
        self.parts.iter().any(|part| matches!(part, Part::Field(_)))
    }

    /// The template in one spelling: literal braces doubled, placeholders
    /// as `{name}` or `{index}`, so that templates written with other
    /// spacing or escapes compare equal when they mean the same (and an
    /// example shows what a reader expects).
    pub fn canonical(&self) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Lit(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
                Part::Field(field) => {
                    out.push('{');
                    match &field.name {
                        syn::Member::Named(ident) => {
                            out.push_str(ident.to_string().trim_start_matches("r#"));
                        }
                        syn::Member::Unnamed(index) => out.push_str(&index.index.to_string()),
                    }
                    out.push('}');
                }
            }
        }
        out
    }
}

impl<'a> std::ops::Deref for Text<'a> {
    type Target = [Part<'a>];

    fn deref(&self) -> &[Part<'a>] {
        &self.parts
    }
}

/// A part of a [`Text`].
#[derive(Clone)]
pub enum Part<'a> {
    /// Literal text.
    Lit(String),
    /// A field's `Display`.
    Field(&'a Field),
}

/// A JSON object: members in wire order.
#[derive(Default)]
pub struct Object<'a> {
    /// The serde struct name (what a serializer that names structs sees).
    pub name: &'static str,
    /// The members, in order; the first is always written.
    pub members: Vec<Member<'a>>,
}

impl<'a> Object<'a> {
    /// An object named `name` whose first member is `first`, a constant:
    /// the member that is always written.
    pub fn new(name: &'static str, first: (&'static str, Const)) -> Self {
        Object {
            name,
            members: Vec::from([Member {
                key: Cow::Borrowed(first.0),
                value: Source::Const(first.1),
            }]),
        }
    }

    /// Appends a member: its key is the format's (`&'static str`) or one
    /// the user wrote (a `String`).
    pub fn push(&mut self, key: impl Into<Cow<'static, str>>, value: Source<'a>) {
        self.members.push(Member {
            key: key.into(),
            value,
        });
    }
}

/// `"key": value`.
pub struct Member<'a> {
    /// The key (escaped where it is written).
    pub key: Cow<'static, str>,
    /// The value.
    pub value: Source<'a>,
}

/// The trait of `api_errors` (a path below the crate, such as
/// `entrecode::DetailDisplay`) that reports a field of the wrong type for its
/// role, with a message about the key that named it.
pub type Check = &'static str;

/// Where a member's value comes from.
pub enum Source<'a> {
    /// Fixed at compile time.
    Const(Const),
    /// A string of literal text and fields' `Display`.
    Text(Text<'a>, Check),
    /// A field's `Display`, as a string. A field written `Option<…>` leaves
    /// the member out when `None`.
    Display(&'a Field, Check),
    /// A field serialised with serde.
    Serde(&'a Field, OnError, Check),
    /// Sub-errors (errors of the same format) under one more key,
    /// `{"inner": …}`; left out when there are none.
    SubErrors {
        /// The key inside the member's object.
        inner: &'static str,
        /// The field that holds them.
        field: &'a Field,
        /// The check of its type.
        check: Check,
    },
}

/// What a serde value becomes when it is absent (`None`) or its
/// `Serialize` fails.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// `null`.
    Null,
    /// The member is left out.
    Omit,
}

/// A JSON value known at compile time.
#[derive(Clone)]
pub enum Const {
    /// `null`.
    Null,
    /// A number.
    Int(u16),
    /// A string.
    Str(String),
    /// An object.
    Object(Vec<(Cow<'static, str>, Const)>),
}

impl Const {
    /// An object of the format's own keys.
    pub fn object<const N: usize>(members: [(&'static str, Const); N]) -> Self {
        Const::Object(
            members
                .into_iter()
                .map(|(key, value)| (Cow::Borrowed(key), value))
                .collect(),
        )
    }

    /// Appends the value's JSON, exactly as `serde_json` writes it.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Const::Null => out.extend_from_slice(b"null"),
            Const::Int(number) => out.extend_from_slice(number.to_string().as_bytes()),
            Const::Str(text) => {
                out.push(b'"');
                escape_into(text, out);
                out.push(b'"');
            }
            Const::Object(members) => {
                out.push(b'{');
                for (index, (key, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(b',');
                    }
                    Const::Str(key.to_string()).write_json(out);
                    out.push(b':');
                    value.write_json(out);
                }
                out.push(b'}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Part, Text};

    #[test]
    fn a_texts_canonical_spelling_doubles_literal_braces() {
        let text = Text {
            parts: Vec::from([Part::Lit("a {b} c".to_owned())]),
            written: "a {{b}} c".to_owned(),
        };
        assert_eq!(text.canonical(), "a {{b}} c");
        assert_eq!(text.constant(), Some("a {b} c"));
        assert!(!text.has_fields());
        assert_eq!(Text::literal("x").written, "x");
    }

    #[test]
    fn a_text_is_constant_when_it_has_no_placeholder_even_when_empty() {
        let empty = Text {
            parts: Vec::new(),
            written: String::new(),
        };
        assert_eq!(empty.constant(), Some(""));
        assert!(!empty.has_fields());
        let field = crate::parse::Field {
            name: syn::parse_quote!(id),
            ty: syn::parse_quote!(u64),
            docs: String::new(),
        };
        let interpolated = Text {
            parts: Vec::from([Part::Lit("note ".to_owned()), Part::Field(&field)]),
            written: "note {id}".to_owned(),
        };
        assert_eq!(interpolated.constant(), None);
        assert!(interpolated.has_fields());
        assert_eq!(interpolated.canonical(), "note {id}");
    }
}
