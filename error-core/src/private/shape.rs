//! The serde path: each body shape serialised by straight-line code, its
//! keys and length written here once, its values read from the variant's
//! members section (one entry per key of the shape, in order; see
//! `common/layout.rs`).
//!
//! A generic loop over keyed members was measured at up to 1.17× a
//! hand-written serde struct (instructions per body; BENCHMARKS.md): the
//! shapes are few and fixed, so each gets the code a person would write for
//! it, and only the values vary by variant.
#![allow(
    clippy::inline_always,
    reason = "inlined into each generated arm, the table reads fold into constants (BENCHMARKS.md)"
)]

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::entrecode::{Embed, Embedded};
use super::ser::serializes;
use super::table::{Record, Table, TextOf, Texts, Value, Visitor, entries, u16_at};
use crate::common::layout as at;

/// `Body`'s `Serialize`, or a sub-error's (entrecode `_embedded.error`).
pub struct SerializeBody<S> {
    serializer: S,
    sub: bool,
}

impl<S> SerializeBody<S> {
    /// The body.
    pub fn body(serializer: S) -> Self {
        SerializeBody {
            serializer,
            sub: false,
        }
    }

    /// The sub-error object.
    pub fn sub(serializer: S) -> Self {
        SerializeBody {
            serializer,
            sub: true,
        }
    }
}

impl<S: Serializer> Visitor for SerializeBody<S> {
    type Out = Result<S::Ok, S::Error>;
    #[inline]
    fn own<T: Texts, D: Value, M: Embed + ?Sized>(
        self,
        record: Record,
        texts: &T,
        value: &D,
        embed: &M,
    ) -> Self::Out {
        let fields = Fields {
            record,
            members: if self.sub {
                at::SUB_MEMBERS
            } else {
                at::MEMBERS
            },
            texts,
            value,
            embed,
        };
        match record.header[at::SHAPE] {
            _ if self.sub => sub_error(self.serializer, &fields),
            at::SHAPE_ENTRECODE => problem(self.serializer, &fields),
            _ => oz_body(self.serializer, &fields),
        }
    }
}

/// A variant's members (where they start in its header) and the values
/// they refer to.
struct Fields<'a, T, D, M: ?Sized> {
    record: Record,
    members: usize,
    texts: &'a T,
    value: &'a D,
    embed: &'a M,
}

/// An entry that is not there: an absent member.
static ABSENT: [u8; at::MEMBER_LEN] = {
    let mut entry = [0; at::MEMBER_LEN];
    entry[0] = at::MEMBER_ABSENT;
    entry
};

impl<T: Texts, D: Value, M: Embed + ?Sized> Fields<'_, T, D, M> {
    #[inline(always)]
    fn code(&self) -> u16 {
        u16_at(self.record.header, at::CODE)
    }

    #[inline(always)]
    fn status(&self) -> u16 {
        u16_at(self.record.header, at::STATUS)
    }

    /// The entry of the shape's `index`-th key.
    #[inline(always)]
    fn entry(&self, index: usize) -> &'static [u8; at::MEMBER_LEN] {
        let start = self.members + index * at::MEMBER_LEN;
        self.record
            .header
            .get(start..start + at::MEMBER_LEN)
            .and_then(|entry| <&[u8; at::MEMBER_LEN]>::try_from(entry).ok())
            .unwrap_or(&ABSENT)
    }

    /// 1 if the member is written, else 0 (for the struct's length).
    #[inline(always)]
    fn count(&self, entry: &[u8; at::MEMBER_LEN]) -> usize {
        usize::from(match entry[0] {
            at::MEMBER_ABSENT => false,
            at::MEMBER_OPT_DISPLAY => self.texts.get(usize::from(entry[1])).is_some(),
            at::MEMBER_VALUE_OR_OMIT => self.value.get().is_some_and(serializes),
            at::MEMBER_EMBED => !self.embed.is_empty(),
            _ => true,
        })
    }

    /// Serialises the member `key` of `entry`: its value, a `skip_field`
    /// when it is left out for these values, nothing when it is absent.
    #[inline(always)]
    fn member<St: SerializeStruct>(
        &self,
        state: &mut St,
        key: &'static str,
        entry: &[u8; at::MEMBER_LEN],
    ) -> Result<(), St::Error> {
        let table = self.record.table;
        match entry[0] {
            at::MEMBER_INT => state.serialize_field(key, &u16_at(entry, 4)),
            at::MEMBER_STR => state.serialize_field(key, table.str_at(entry, 12)),
            at::MEMBER_OBJECT => {
                state.serialize_field(key, &Const(table, table.section(entry, 12)))
            }
            at::MEMBER_TEXT => state.serialize_field(
                key,
                &TextOf {
                    table,
                    pieces: table.section(entry, 12),
                    texts: self.texts,
                },
            ),
            at::MEMBER_DISPLAY | at::MEMBER_OPT_DISPLAY => {
                match self.texts.get(usize::from(entry[1])) {
                    Some(text) => state.serialize_field(key, &text),
                    None => state.skip_field(key),
                }
            }
            at::MEMBER_VALUE_OR_NULL => match self.value.get() {
                Some(value) if serializes(value) => state.serialize_field(key, value),
                _ => state.serialize_field(key, &Option::<()>::None),
            },
            at::MEMBER_VALUE_OR_OMIT => match self.value.get() {
                Some(value) if serializes(value) => state.serialize_field(key, value),
                _ => state.skip_field(key),
            },
            at::MEMBER_EMBED if !self.embed.is_empty() => {
                state.serialize_field(key, &Embedded(self.embed))
            }
            at::MEMBER_EMBED => state.skip_field(key),
            at::MEMBER_ABSENT => Ok(()),
            _ => state.serialize_field(key, &Option::<()>::None),
        }
    }
}

/// `{"error_code", "error_message", "details"}`.
#[inline(always)]
fn oz_body<S: Serializer, T: Texts, D: Value, M: Embed + ?Sized>(
    serializer: S,
    fields: &Fields<'_, T, D, M>,
) -> Result<S::Ok, S::Error> {
    let mut state = serializer.serialize_struct("OzBody", 3)?;
    state.serialize_field("error_code", &fields.code())?;
    fields.member(&mut state, "error_message", fields.entry(1))?;
    fields.member(&mut state, "details", fields.entry(2))?;
    state.end()
}

/// `{"status", "code", "title", "type", "detail"?, "verbose"?, "_links",
/// "_embedded"?}`.
#[inline(always)]
fn problem<S: Serializer, T: Texts, D: Value, M: Embed + ?Sized>(
    serializer: S,
    fields: &Fields<'_, T, D, M>,
) -> Result<S::Ok, S::Error> {
    let (detail, verbose, embedded) = (fields.entry(4), fields.entry(5), fields.entry(7));
    let len = 5 + fields.count(detail) + fields.count(verbose) + fields.count(embedded);
    let mut state = serializer.serialize_struct("Problem", len)?;
    state.serialize_field("status", &fields.status())?;
    state.serialize_field("code", &fields.code())?;
    fields.member(&mut state, "title", fields.entry(2))?;
    fields.member(&mut state, "type", fields.entry(3))?;
    fields.member(&mut state, "detail", detail)?;
    fields.member(&mut state, "verbose", verbose)?;
    let links = fields.entry(6);
    if links[0] == at::MEMBER_OBJECT {
        let table = fields.record.table;
        state.serialize_field("_links", &Links(table, table.section(links, 12)))?;
    } else {
        fields.member(&mut state, "_links", links)?;
    }
    fields.member(&mut state, "_embedded", embedded)?;
    state.end()
}

/// `{"code", "title", "type", "detail"?}`.
#[inline(always)]
fn sub_error<S: Serializer, T: Texts, D: Value, M: Embed + ?Sized>(
    serializer: S,
    fields: &Fields<'_, T, D, M>,
) -> Result<S::Ok, S::Error> {
    let detail = fields.entry(3);
    let mut state = serializer.serialize_struct("SubError", 3 + fields.count(detail))?;
    state.serialize_field("code", &fields.code())?;
    fields.member(&mut state, "title", fields.entry(1))?;
    fields.member(&mut state, "type", fields.entry(2))?;
    fields.member(&mut state, "detail", detail)?;
    state.end()
}

/// The entry at `index` of a section of members (an absent one past its
/// end).
#[inline(always)]
fn entry_of(section: &'static [u8], index: usize) -> &'static [u8; at::MEMBER_LEN] {
    let start = index * at::MEMBER_LEN;
    section
        .get(start..start + at::MEMBER_LEN)
        .and_then(|entry| <&[u8; at::MEMBER_LEN]>::try_from(entry).ok())
        .unwrap_or(&ABSENT)
}

/// entrecode `_links`, `{"up": link, "describedby": link}`, from its
/// constant object: straight-line like the rest of the shape.
struct Links(Table, &'static [u8]);

impl Serialize for Links {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Links(table, section) = *self;
        let link = |index| Link(table, table.section(entry_of(section, index), 12));
        let mut state = serializer.serialize_struct("Links", 2)?;
        state.serialize_field("up", &link(0))?;
        state.serialize_field("describedby", &link(1))?;
        state.end()
    }
}

/// A link, `{"title": …, "href": …}`, from its constant object.
struct Link(Table, &'static [u8]);

impl Serialize for Link {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Link(table, section) = *self;
        let mut state = serializer.serialize_struct("Link", 2)?;
        state.serialize_field("title", table.str_at(entry_of(section, 0), 12))?;
        state.serialize_field("href", table.str_at(entry_of(section, 1), 12))?;
        state.end()
    }
}

/// A constant object: a section of entries laid out as members, of
/// constants only.
struct Const(Table, &'static [u8]);

impl Serialize for Const {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Const(table, section) = *self;
        let mut map = serializer.serialize_map(Some(section.len() / at::MEMBER_LEN))?;
        for entry in entries::<{ at::MEMBER_LEN }>(section) {
            let key = table.key(entry);
            match entry[0] {
                at::MEMBER_INT => map.serialize_entry(key, &u16_at(entry, 4))?,
                at::MEMBER_STR => map.serialize_entry(key, table.str_at(entry, 12))?,
                at::MEMBER_OBJECT => {
                    map.serialize_entry(key, &Const(table, table.section(entry, 12)))?;
                }
                _ => map.serialize_entry(key, &Option::<()>::None)?,
            }
        }
        map.end()
    }
}
