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

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::ser::serializes;
use super::slots::{Displays, SerdeValues, WithValue};
use super::sub_errors::{Embed, Errors};
use super::table::{Record, Table, entries_of};
use super::visit::{TextOf, Visitor};
use crate::common::layout::{Hot, Member, MemberKind, Section};

/// `Body`'s `Serialize`, or a sub-error's.
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

    /// The body written as a sub-error.
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
    fn variant<D: Displays, V: SerdeValues, M: Embed + ?Sized>(
        self,
        record: Record,
        displays: &D,
        values: &V,
        sub_errors: &M,
    ) -> Self::Out {
        let header = record.header;
        let (name, members) = if self.sub {
            (header.sub_struct_name, header.sub_members)
        } else {
            (header.struct_name, header.members)
        };
        Object {
            name,
            members,
            fields: Fields {
                table: record.table,
                displays,
                values,
                sub_errors,
            },
        }
        .serialize(self.serializer)
    }
}

/// What a variant's members read: its table and its fields.
struct Fields<'a, D, V, M: ?Sized> {
    table: Table,
    displays: &'a D,
    values: &'a V,
    sub_errors: &'a M,
}

impl<D, V, M: ?Sized> Clone for Fields<'_, D, V, M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D, V, M: ?Sized> Copy for Fields<'_, D, V, M> {}

/// An object: a struct of member entries.
struct Object<'a, D, V, M: ?Sized> {
    /// The struct's name (a hot string).
    name: Hot,
    members: Section,
    fields: Fields<'a, D, V, M>,
}

impl<D: Displays, V: SerdeValues, M: Embed + ?Sized> Serialize for Object<'_, D, V, M> {
    #[inline(always)]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields;
        let table = fields.table;
        let len = entries_of!(table, self.members, Member)
            .filter(|member| fields.written(member))
            .count();
        let mut state = serializer.serialize_struct(table.hot(self.name), len)?;
        for member in entries_of!(table, self.members, Member) {
            fields.member(&mut state, &member)?;
        }
        state.end()
    }
}

/// Whether a serde slot's value is written: present and serialising.
struct Present;

impl WithValue for Present {
    type Out = bool;
    #[inline(always)]
    fn with<T: Serialize + ?Sized>(self, value: Option<&T>) -> bool {
        value.is_some_and(serializes)
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
    #[inline(always)]
    fn with<T: Serialize + ?Sized>(self, value: Option<&T>) -> Self::Out {
        match value {
            Some(value) if serializes(value) => self.state.serialize_field(self.key, value),
            _ if self.or_null => self.state.serialize_field(self.key, &Option::<()>::None),
            _ => self.state.skip_field(self.key),
        }
    }
}

impl<D: Displays, V: SerdeValues, M: Embed + ?Sized> Fields<'_, D, V, M> {
    /// Whether `member` is written for these values.
    #[inline(always)]
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
    #[inline(always)]
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
                &Object {
                    name: member.key,
                    members: member.section,
                    fields: *self,
                },
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
