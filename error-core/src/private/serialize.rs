//! The serde path: a body (or a sub-error) serialised as a struct whose
//! members are the record's member entries, in wire order.
//!
//! The members come from the same plan as the write program, so both
//! paths give the same JSON. The struct's declared length is the number of
//! members written for these values: a serializer that trusts it
//! (`MessagePack` writes it as the map's length) gets a body that reads
//! back.
#![allow(
    clippy::inline_always,
    reason = "inlined into each generated arm, the table reads fold into constants (BENCHMARKS.md)"
)]

use core::marker::PhantomData;

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::serde_check::serializes;
use super::slots::{Displays, SerdeValues, WithValue};
use super::sub_errors::{Embed, Errors};
use super::table::{Record, Table};
use super::visit::{TextOf, Visitor};
use crate::Format;
use crate::common::layout::{ConstKind, ConstMember, Hot, Member, MemberKind, Section};

/// `Body`'s `Serialize` for a type of the format `F` (which serialises the
/// bodies' constant objects).
pub struct SerializeBody<S, F> {
    serializer: S,
    format: PhantomData<F>,
}

impl<S, F> SerializeBody<S, F> {
    /// The body.
    pub fn new(serializer: S) -> Self {
        SerializeBody {
            serializer,
            format: PhantomData,
        }
    }
}

/// A sub-error's `Serialize`: the record's sub-error members. A visitor of
/// its own, not a flag of [`SerializeBody`]: a body that embeds errors then
/// visits its sub-errors with another visitor, so the visit is not
/// recursive, and the optimiser inlines (and folds) the sub-error's record
/// as it does the body's.
pub struct SerializeSub<S, F> {
    serializer: S,
    format: PhantomData<F>,
}

impl<S, F> SerializeSub<S, F> {
    /// The sub-error.
    pub fn new(serializer: S) -> Self {
        SerializeSub {
            serializer,
            format: PhantomData,
        }
    }
}

/// `Visitor` for the two: which of the record's objects each serialises.
macro_rules! serialize_visitors {
    ($($visitor:ident => $name:ident, $members:ident;)*) => {$(
        impl<S: Serializer, F: Format> Visitor for $visitor<S, F> {
            type Out = Result<S::Ok, S::Error>;
            // Always inlined into the generated arm in an optimised build,
            // where the record is then a constant and the members fold
            // into the code a person writes (the optimiser's own choice
            // leaves the member walk out of line, reading the record at
            // run time: 1.2x a hand-written serde struct). Not in a debug
            // build, where an always-inline copies the walk into every arm
            // (ARCHITECTURE.md, "The variant table").
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn variant<D: Displays, V: SerdeValues, M: Embed + ?Sized>(
                self,
                record: Record,
                displays: &D,
                values: &V,
                sub_errors: &M,
            ) -> Self::Out {
                Object {
                    name: record.entry.$name,
                    members: record.entry.$members,
                    fields: Fields {
                        table: record.table,
                        displays,
                        values,
                        sub_errors,
                        format: PhantomData::<F>,
                    },
                }
                .serialize(self.serializer)
            }
        }
    )*};
}

serialize_visitors! {
    SerializeBody => struct_name, members;
    SerializeSub => sub_struct_name, sub_members;
}

/// What a variant's members read: its table, its fields and its format.
struct Fields<'a, D, V, M: ?Sized, F> {
    table: Table,
    displays: &'a D,
    values: &'a V,
    sub_errors: &'a M,
    format: PhantomData<F>,
}

impl<D, V, M: ?Sized, F> Clone for Fields<'_, D, V, M, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D, V, M: ?Sized, F> Copy for Fields<'_, D, V, M, F> {}

/// An object: a struct of member entries.
struct Object<'a, D, V, M: ?Sized, F> {
    /// The struct's name (a hot string).
    name: Hot,
    members: Section,
    fields: Fields<'a, D, V, M, F>,
}

impl<D: Displays, V: SerdeValues, M: Embed + ?Sized, F: Format> Serialize
    for Object<'_, D, V, M, F>
{
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields;
        let members = self.members;
        let count = fields.table.section(members).len() / Member::LEN;
        // Written out for the first members, so that with the count and the
        // entries known after inlining (the table is a constant) this is
        // straight-line code whose reads and kinds fold: the same loop
        // left rolled cost 16 to 18% over a hand-written serde struct
        // (BENCHMARKS.md). Members past them are walked by the loop.
        macro_rules! each_member {
            ($index:ident => $body:expr; $($unrolled:literal)*) => {
                $(
                    if $unrolled < count {
                        let $index = $unrolled;
                        $body;
                    }
                )*
                for $index in UNROLLED..count {
                    $body;
                }
            };
        }
        // Only optimised builds write the members out: a debug build would
        // compile ten copies of the member code per field-type combination
        // for nothing (it folds nothing), which the derive's users pay in
        // every build (BENCHMARKS.md, "Compile time").
        let mut len = 0;
        #[cfg(not(debug_assertions))]
        each_member!(index => len += usize::from(fields.written(&fields.member_at(members, index))); 0 1 2 3 4 5 6 7 8 9);
        #[cfg(debug_assertions)]
        each_member!(index => len += usize::from(fields.written(&fields.member_at(members, index))););
        let mut state = serializer.serialize_struct(fields.table.hot(self.name), len)?;
        #[cfg(not(debug_assertions))]
        each_member!(index => fields.member(&mut state, &fields.member_at(members, index))?; 0 1 2 3 4 5 6 7 8 9);
        #[cfg(debug_assertions)]
        each_member!(index => fields.member(&mut state, &fields.member_at(members, index))?;);
        state.end()
    }
}

/// How many members [`Object`] writes out before its loop (none in a
/// debug build).
const UNROLLED: usize = if cfg!(debug_assertions) { 0 } else { 10 };

/// Whether a serde slot's value is written: present and serialising.
struct Present;

impl WithValue for Present {
    type Out = bool;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn with<T: Serialize + ?Sized>(self, value: &T) -> bool {
        serializes(value)
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn absent(self) -> bool {
        false
    }
}

/// Serialises a serde slot's value as a member: the value, else `null`
/// (`or_null`) or nothing (`skip_field`).
struct SerializeValue<'a, St> {
    state: &'a mut St,
    key: &'static str,
    or_null: bool,
}

impl<St: SerializeStruct> WithValue for SerializeValue<'_, St> {
    type Out = Result<(), St::Error>;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn with<T: Serialize + ?Sized>(self, value: &T) -> Self::Out {
        if serializes(value) {
            self.state.serialize_field(self.key, value)
        } else {
            self.absent()
        }
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn absent(self) -> Self::Out {
        if self.or_null {
            self.state.serialize_field(self.key, &Option::<()>::None)
        } else {
            self.state.skip_field(self.key)
        }
    }
}

impl<D: Displays, V: SerdeValues, M: Embed + ?Sized, F: Format> Fields<'_, D, V, M, F> {
    /// The member at `index` of a section (a zeroed one past its end).
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn member_at(&self, members: Section, index: usize) -> Member {
        self.table
            .section(members)
            .get(index * Member::LEN..)
            .and_then(|rest| rest.get(..Member::LEN))
            .and_then(|bytes| <&[u8; Member::LEN]>::try_from(bytes).ok())
            .map(Member::decode)
            .unwrap_or_default()
    }

    /// Whether `member` is written for these values.
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn written(&self, member: &Member) -> bool {
        let slot = member.slot as usize;
        match member.kind {
            MemberKind::OptDisplay => self.displays.get(slot).is_some(),
            MemberKind::SerdeOrOmit => self.values.value(slot, Present),
            MemberKind::SubErrors => !self.sub_errors.is_empty(),
            _ => true,
        }
    }

    /// Serialises `member`: its value, or a `skip_field` when it is left
    /// out for these values.
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn member<St: SerializeStruct>(
        &self,
        state: &mut St,
        member: &Member,
    ) -> Result<(), St::Error> {
        let table = self.table;
        let key = table.hot(member.key);
        let slot = member.slot as usize;
        match member.kind {
            MemberKind::Null => state.serialize_field(key, &Option::<()>::None),
            MemberKind::Number => state.serialize_field(key, &member.number),
            MemberKind::String => state.serialize_field(key, table.hot(member.string)),
            MemberKind::Object => state.serialize_field(
                key,
                &InFormat::<F>(
                    Constant {
                        table,
                        name: member.key,
                        members: member.section,
                    },
                    PhantomData,
                ),
            ),
            MemberKind::Text => state.serialize_field(
                key,
                &TextOf {
                    table,
                    pieces: member.section,
                    displays: self.displays,
                },
            ),
            MemberKind::Display | MemberKind::OptDisplay => match self.displays.get(slot) {
                Some(text) => state.serialize_field(key, &text),
                None => state.skip_field(key),
            },
            MemberKind::SerdeOrNull | MemberKind::SerdeOrOmit => self.values.value(
                slot,
                SerializeValue {
                    state,
                    key,
                    or_null: member.kind == MemberKind::SerdeOrNull,
                },
            ),
            MemberKind::SubErrors if self.sub_errors.is_empty() => state.skip_field(key),
            MemberKind::SubErrors => state.serialize_field(
                key,
                &Wrapped {
                    key: table.hot(member.string),
                    errors: self.sub_errors,
                },
            ),
        }
    }
}

/// A constant object of a body (entrecode's `_links`): a struct of
/// `ConstMember`s, named by its key. Its format serialises it
/// ([`Format::__serialize_constant`]): by default with
/// [`serialize`](Serialize::serialize), a walk of its members; a format
/// whose bodies hold a constant object of a fixed shape writes that shape
/// straight-line. (The walk costs about 300 instructions more than
/// straight-line code on entrecode's `_links`, because `serde_json`'s
/// `serialize_field` is not inlined into the body, so the walk does not
/// fold.)
#[derive(Clone, Copy)]
pub struct Constant {
    table: Table,
    name: Hot,
    members: Section,
}

impl Constant {
    /// The struct's name: the object's key.
    #[must_use]
    #[inline]
    pub fn name(self) -> &'static str {
        self.table.hot(self.name)
    }

    /// How many members it has.
    #[must_use]
    #[inline]
    pub fn len(self) -> usize {
        self.table.section(self.members).len() / ConstMember::LEN
    }

    /// Whether it has no members.
    #[must_use]
    #[inline]
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The member at `index` (a null member with an empty key past the
    /// end).
    #[inline]
    fn member(self, index: usize) -> ConstMember {
        self.table
            .section(self.members)
            .get(index * ConstMember::LEN..)
            .and_then(|rest| rest.get(..ConstMember::LEN))
            .and_then(|bytes| <&[u8; ConstMember::LEN]>::try_from(bytes).ok())
            .map(ConstMember::decode)
            .unwrap_or_default()
    }

    /// The key of the member at `index`.
    #[must_use]
    #[inline]
    pub fn key(self, index: usize) -> &'static str {
        self.table.hot(self.member(index).key)
    }

    /// The string the member at `index` holds ("" if it holds none).
    #[must_use]
    #[inline]
    pub fn string(self, index: usize) -> &'static str {
        let member = self.member(index);
        match member.kind {
            ConstKind::String => self.table.hot(member.string),
            _ => "",
        }
    }

    /// The object the member at `index` holds (an empty one if it holds
    /// none).
    #[must_use]
    #[inline]
    pub fn object(self, index: usize) -> Constant {
        let member = self.member(index);
        Constant {
            table: self.table,
            name: member.key,
            members: match member.kind {
                ConstKind::Object => member.section,
                _ => Section::default(),
            },
        }
    }
}

impl Serialize for Constant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct(self.name(), self.len())?;
        for index in 0..self.len() {
            let member = self.member(index);
            let key = self.table.hot(member.key);
            match member.kind {
                ConstKind::Null => state.serialize_field(key, &Option::<()>::None)?,
                ConstKind::Number => state.serialize_field(key, &member.number)?,
                ConstKind::String => state.serialize_field(key, self.table.hot(member.string))?,
                ConstKind::Object => state.serialize_field(key, &self.object(index))?,
            }
        }
        state.end()
    }
}

/// A constant object serialised by its format.
struct InFormat<F>(Constant, PhantomData<F>);

impl<F: Format> Serialize for InFormat<F> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        F::__serialize_constant(self.0, serializer)
    }
}

/// Sub-errors under one more key: `{"key": errors}`.
struct Wrapped<'a, M: ?Sized> {
    key: &'static str,
    errors: &'a M,
}

impl<M: Embed + ?Sized> Serialize for Wrapped<'_, M> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.key, &Errors(self.errors))?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use super::Constant;
    use crate::__private::Table;
    use crate::common::layout::{ConstKind, ConstMember, Hot, Section};

    /// The default walk of a constant object (what a format without a
    /// straight-line serialiser of its own gets), against the JSON written
    /// out: every kind of member, a nested object, in order.
    #[test]
    fn a_constant_object_walks_its_members() {
        let hot: &'static [&'static str] = &["links", "up", "title", "Home", "n", "none"];
        // The nested object's members first, then the outer object's.
        let nested = [
            ConstMember {
                key: Hot(2),
                kind: ConstKind::String,
                string: Hot(3),
                ..ConstMember::default()
            },
            ConstMember {
                key: Hot(4),
                kind: ConstKind::Number,
                number: 7,
                ..ConstMember::default()
            },
        ];
        let mut data: Vec<u8> = nested.iter().flat_map(|member| member.encode()).collect();
        let nested_section = Section {
            start: 0,
            len: u32::try_from(data.len()).unwrap(),
        };
        let outer = [
            ConstMember {
                key: Hot(1),
                kind: ConstKind::Object,
                section: nested_section,
                ..ConstMember::default()
            },
            ConstMember {
                key: Hot(5),
                kind: ConstKind::Null,
                ..ConstMember::default()
            },
        ];
        let start = u32::try_from(data.len()).unwrap();
        data.extend(outer.iter().flat_map(|member| member.encode()));
        let members = Section {
            start,
            len: u32::try_from(data.len()).unwrap() - start,
        };
        let table = Table::new(data.leak(), "", hot);
        let constant = Constant {
            table,
            name: Hot(0),
            members,
        };
        assert_eq!(constant.name(), "links");
        assert_eq!(constant.len(), 2);
        assert!(!constant.is_empty());
        assert_eq!(
            serde_json::to_string(&constant).unwrap(),
            r#"{"up":{"title":"Home","n":7},"none":null}"#
        );
        assert_eq!(constant.key(0), "up");
        assert_eq!(constant.object(0).string(0), "Home");
        assert_eq!(constant.string(1), "", "a null holds no string");
        assert!(constant.object(1).is_empty(), "a null holds no object");
    }
}
