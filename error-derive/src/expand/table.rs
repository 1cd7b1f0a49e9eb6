//! The variant table: every constant about the variants (their bodies as
//! pre-escaped JSON and as serde members, titles, catalog rows, examples)
//! encoded into one byte string, one string literal and one array of hot
//! strings, which `api_errors::__private::table` reads. Each entry is one
//! of the typed entries of `common/layout.rs`, encoded by its `encode`;
//! why a table rather than code is said there.
//!
//! A body's plan becomes two programs: the write program (adjacent
//! constants merged into one pre-escaped run of bytes, so a variant without
//! runtime parts writes its whole body in one copy) and the serde members.
//! Both come from the same plan, so the two paths agree by construction.

use std::collections::HashMap;

use super::example::example;
use super::option_inner;
use super::readable::readable;
use super::write::{key_bytes, size_hint};
use crate::common::escape::escape_into;
use crate::common::layout::{
    ConstKind, ConstMember, Hot, List, Member, MemberKind, Op, OpKind, Piece, PieceKind,
    RecordEntry, Section, StrRange, VariantEntry, VariantKind,
};
use crate::model::{Coded, Detail, Kind, Model, Variant};
use crate::parse::Field;
use crate::plan::Part;
use crate::plan::{Const, Object, OnError, Source};

/// The encoded table and, per variant, what its generated arm passes.
pub struct Encoded<'a> {
    /// The entries.
    pub data: Vec<u8>,
    /// The strings.
    pub strings: String,
    /// The hot strings (see the layout).
    pub hot: Vec<String>,
    /// Per variant, in order: `None` for a transparent one.
    pub arms: Vec<Option<Arm<'a>>>,
}

/// A field handed to the table, with whether it is passed as an `Option`
/// (an empty display slot, an absent serde value, when `None`).
pub type SlotField<'a> = (&'a Field, bool);

/// What a variant's arm hands to the table.
pub struct Arm<'a> {
    /// The offset of its record.
    pub offset: u32,
    /// Its display slots, in order.
    pub displays: Vec<SlotField<'a>>,
    /// Its serde slots, in order.
    pub values: Vec<SlotField<'a>>,
    /// Its sub-errors, from its body's plan.
    pub sub_errors: Option<&'a Field>,
    /// What it writes, for a reader of the expansion: its body with
    /// `"{field}"` for each value known only at run time.
    pub writes: String,
}

impl<'a> Arm<'a> {
    /// The fields the arm binds, once each.
    pub fn fields(&self) -> Vec<&'a Field> {
        let mut fields: Vec<&'a Field> = Vec::new();
        let slots = self.displays.iter().chain(&self.values);
        for field in slots.map(|(field, _)| *field).chain(self.sub_errors) {
            if !fields.iter().any(|seen| seen.name == field.name) {
                fields.push(field);
            }
        }
        fields
    }
}

/// Encodes `model`'s variants.
pub fn encode<'a>(model: &'a Model<'a>) -> Encoded<'a> {
    let mut table = Builder::default();
    // The variant list comes first; its record offsets are filled in as the
    // records are appended.
    let count = u32::try_from(model.variants.len()).unwrap_or(u32::MAX);
    table.data.extend_from_slice(&List { count }.encode());
    let list_start = table.data.len();
    table
        .data
        .resize(list_start + model.variants.len() * VariantEntry::LEN, 0);
    let arms = model
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let name = table.string(&variant.source.name());
            let (entry, arm) = match &variant.kind {
                Kind::Coded(coded) => {
                    let arm = table.record(variant, coded, name);
                    let entry = VariantEntry {
                        kind: if variant.source.row.is_some() {
                            VariantKind::Row
                        } else {
                            VariantKind::Coded
                        },
                        record: arm.offset,
                        name,
                    };
                    (entry, Some(arm))
                }
                Kind::Transparent(_) => (
                    VariantEntry {
                        kind: VariantKind::Transparent,
                        record: 0,
                        name,
                    },
                    None,
                ),
            };
            let at = list_start + index * VariantEntry::LEN;
            table.data[at..at + VariantEntry::LEN].copy_from_slice(&entry.encode());
            arm
        })
        .collect();
    Encoded {
        data: table.data,
        strings: table.strings,
        hot: table.hot,
        arms,
    }
}

/// Converts a length or an index the derive produced to the table's `u32`.
/// A table's parts are a byte string and string literals of the user's
/// crate, far below 4 GiB, so the conversion cannot fail in practice; if it
/// did, the entry would read as empty, never as another entry.
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[derive(Default)]
struct Builder {
    data: Vec<u8>,
    strings: String,
    /// Each string's range in `strings`, so that repeated strings (JSON
    /// runs, names) are stored once.
    ranges: HashMap<String, StrRange>,
    hot: Vec<String>,
    /// Each hot string's index in `hot`.
    hot_index: HashMap<String, Hot>,
}

/// The slots of one kind, in order of first use.
#[derive(Default)]
struct Slots<'a> {
    fields: Vec<SlotField<'a>>,
}

impl<'a> Slots<'a> {
    fn slot(&mut self, field: &'a Field, optional: bool) -> u32 {
        let index = match self
            .fields
            .iter()
            .position(|(seen, _)| seen.name == field.name)
        {
            Some(index) => index,
            None => {
                self.fields.push((field, optional));
                self.fields.len() - 1
            }
        };
        to_u32(index)
    }
}

/// A variant's display and serde slots.
#[derive(Default)]
struct VariantSlots<'a> {
    displays: Slots<'a>,
    values: Slots<'a>,
}

impl<'a> VariantSlots<'a> {
    /// The serde slot of `field`: passed as an `Option` (absent when
    /// `None`) when a `None` leaves the member out; a field that becomes
    /// `null` is passed as it is (`None` serialises as `null`).
    fn value(&mut self, field: &'a Field, on_error: OnError) -> u32 {
        let optional = on_error == OnError::Omit && option_inner(&field.ty).is_some();
        self.values.slot(field, optional)
    }
}

impl Builder {
    /// The index of a hot string (stored once per distinct string).
    fn hot(&mut self, value: &str) -> Hot {
        if let Some(index) = self.hot_index.get(value) {
            return *index;
        }
        let index = Hot(to_u32(self.hot.len()));
        self.hot.push(value.to_owned());
        self.hot_index.insert(value.to_owned(), index);
        index
    }

    /// The range of a string in `strings` (stored once per distinct string).
    fn string(&mut self, value: &str) -> StrRange {
        if value.is_empty() {
            return StrRange::default();
        }
        if let Some(range) = self.ranges.get(value) {
            return *range;
        }
        let range = StrRange {
            start: to_u32(self.strings.len()),
            len: to_u32(value.len()),
        };
        self.strings.push_str(value);
        self.ranges.insert(value.to_owned(), range);
        range
    }

    /// The range of bytes that are UTF-8 (pre-escaped JSON) in `strings`.
    fn json(&mut self, bytes: &[u8]) -> StrRange {
        self.string(&String::from_utf8_lossy(bytes))
    }

    /// Appends a section to `data`.
    fn append(&mut self, section: &[u8]) -> Section {
        let start = to_u32(self.data.len());
        self.data.extend_from_slice(section);
        Section {
            start,
            len: to_u32(section.len()),
        }
    }

    fn record<'a>(
        &mut self,
        variant: &'a Variant<'a>,
        coded: &'a Coded<'a>,
        name: StrRange,
    ) -> Arm<'a> {
        let plan = &coded.plan;
        let mut slots = VariantSlots::default();
        // The sections first (display slots follow first use, title fields
        // first), then the record entry that points at them.
        let title = match coded.title.constant() {
            Some(title) => Piece {
                kind: PieceKind::Literal,
                slot: 0,
                literal: self.hot(title),
            }
            .encode()
            .to_vec(),
            None => self.pieces(&coded.title, &mut slots),
        };
        let title = self.append(&title);
        let program = self.program(&plan.body, &mut slots);
        let body = self.append(&program);
        let members = self.members(&plan.body, &mut slots);
        let (sub_body, sub_members, sub_struct_name) = match &plan.sub_body {
            Some(sub) => {
                let program = self.program(sub, &mut slots);
                let program = self.append(&program);
                let members = self.members(sub, &mut slots);
                (program, members, self.hot(sub.name))
            }
            None => (Section::default(), Section::default(), Hot::default()),
        };
        let detail_doc = match &coded.detail {
            Some(Detail::Field(field)) => field.docs.clone(),
            Some(Detail::Text(text)) => text.written.clone(),
            None => String::new(),
        };
        let fields = &variant.source.fields;
        let readable_detail = match &coded.detail {
            Some(Detail::Text(text)) => readable(text, fields),
            _ => detail_doc.clone(),
        };
        let (example_body, _) = example(&plan.body);
        let sub_example = plan
            .sub_body
            .as_ref()
            .map(|sub| example(sub).0)
            .unwrap_or_default();
        let sub_errors = sub_errors_of(&plan.body);
        let sub_errors_at = match sub_errors {
            Some((member, inner, _)) => [self.hot(member), self.hot(inner)],
            None => [Hot::default(); 2],
        };
        let sub_errors = sub_errors.map(|(_, _, field)| field);
        let entry = RecordEntry {
            code: coded.code,
            status: coded.status,
            size_hint: to_u32(size_hint(&plan.body)),
            has_sub_errors: sub_errors.is_some(),
            sub_errors_at,
            name,
            title_template: self.string(&coded.title.written),
            description: self.string(&variant.source.docs),
            detail_doc: self.string(&detail_doc),
            verbose_doc: self.string(&plan.verbose_doc),
            readable_title: self.string(&readable(&coded.title, fields)),
            readable_detail: self.string(&readable_detail),
            type_uri: self.string(&plan.type_uri),
            example: self.string(&example_body.clone()),
            sub_example: self.string(&sub_example),
            struct_name: self.hot(plan.body.name),
            sub_struct_name,
            title,
            body,
            members,
            sub_body,
            sub_members,
            ..RecordEntry::default()
        };
        let names = |fields: &[SlotField<'_>]| {
            let mut names = String::new();
            for (index, (field, _)) in fields.iter().enumerate() {
                if index > 0 {
                    names.push_str(", ");
                }
                match &field.name {
                    syn::Member::Named(ident) => names.push_str(&ident.to_string()),
                    syn::Member::Unnamed(index) => names.push_str(&index.index.to_string()),
                }
            }
            names
        };
        let entry = RecordEntry {
            display_fields: self.string(&names(&slots.displays.fields)),
            serde_fields: self.string(&names(&slots.values.fields)),
            ..entry
        };
        let offset = to_u32(self.data.len());
        self.data.extend_from_slice(&entry.encode());
        Arm {
            offset,
            displays: slots.displays.fields,
            values: slots.values.fields,
            sub_errors,
            writes: example_body,
        }
    }

    /// A text's pieces.
    fn pieces<'a>(&mut self, text: &[Part<'a>], slots: &mut VariantSlots<'a>) -> Vec<u8> {
        let mut section = Vec::with_capacity(text.len() * Piece::LEN);
        for piece in text {
            let entry = match piece {
                Part::Lit(literal) => Piece {
                    kind: PieceKind::Literal,
                    slot: 0,
                    literal: self.hot(literal),
                },
                Part::Field(field) => Piece {
                    kind: PieceKind::Display,
                    slot: slots.displays.slot(field, false),
                    literal: Hot::default(),
                },
            };
            section.extend_from_slice(&entry.encode());
        }
        section
    }

    /// The write program of `object`: each op writes its value (and, for a
    /// member that may be left out, its key before it), then the constant
    /// bytes up to the next op; the first op writes only constant bytes, so
    /// a body without runtime parts is one op.
    fn program<'a>(&mut self, object: &Object<'a>, slots: &mut VariantSlots<'a>) -> Vec<u8> {
        let mut program = Program::default();
        program.bytes(b"{");
        for (index, member) in object.members.iter().enumerate() {
            let key = key_bytes(index, &member.key);
            match &member.value {
                Source::Const(value) => {
                    program.bytes(&key);
                    let mut json = Vec::new();
                    value.write_json(&mut json);
                    program.bytes(&json);
                }
                Source::Text(text, _) => {
                    program.bytes(&key);
                    program.bytes(b"\"");
                    for piece in text.iter() {
                        match piece {
                            Part::Lit(literal) => {
                                let mut escaped = Vec::with_capacity(literal.len());
                                escape_into(literal, &mut escaped);
                                program.bytes(&escaped);
                            }
                            Part::Field(field) => {
                                let slot = slots.displays.slot(field, false);
                                program.op(OpKind::Display, slot, Vec::new());
                            }
                        }
                    }
                    program.bytes(b"\"");
                }
                Source::Display(field, _) => {
                    if option_inner(&field.ty).is_some() {
                        let mut key = key;
                        key.push(b'"');
                        let slot = slots.displays.slot(field, true);
                        program.op(OpKind::OptDisplay, slot, key);
                    } else {
                        program.bytes(&key);
                        program.bytes(b"\"");
                        let slot = slots.displays.slot(field, false);
                        program.op(OpKind::Display, slot, Vec::new());
                        program.bytes(b"\"");
                    }
                }
                Source::Serde(field, OnError::Null, _) => {
                    program.bytes(&key);
                    let slot = slots.value(field, OnError::Null);
                    program.op(OpKind::SerdeOrNull, slot, Vec::new());
                }
                Source::Serde(field, OnError::Omit, _) => {
                    let slot = slots.value(field, OnError::Omit);
                    program.op(OpKind::SerdeOrOmit, slot, key);
                }
                Source::SubErrors { inner, .. } => {
                    let mut before = key;
                    before.push(b'{');
                    before.extend_from_slice(&key_bytes(0, inner));
                    program.op(OpKind::SubErrors, 0, before);
                }
            }
        }
        program.bytes(b"}");
        let mut section = Vec::with_capacity(program.ops.len() * Op::LEN);
        for op in program.ops {
            let entry = Op {
                kind: op.kind,
                slot: op.slot,
                before: self.json(&op.before),
                after: self.json(&op.after),
            };
            section.extend_from_slice(&entry.encode());
        }
        section
    }

    /// The serde members of `object`, in order (nested sections are
    /// appended first).
    fn members<'a>(&mut self, object: &Object<'a>, slots: &mut VariantSlots<'a>) -> Section {
        let mut section = Vec::with_capacity(object.members.len() * Member::LEN);
        for member in &object.members {
            let key = self.hot(&member.key);
            let entry = match &member.value {
                Source::Const(value) => {
                    let constant = self.constant(key, value);
                    Member {
                        key,
                        kind: match constant.kind {
                            ConstKind::Null => MemberKind::Null,
                            ConstKind::Number => MemberKind::Number,
                            ConstKind::String => MemberKind::String,
                            ConstKind::Object => MemberKind::Object,
                        },
                        number: constant.number,
                        string: constant.string,
                        section: constant.section,
                        slot: 0,
                    }
                }
                Source::Text(text, _) => {
                    let pieces = self.pieces(text, slots);
                    Member {
                        key,
                        kind: MemberKind::Text,
                        section: self.append(&pieces),
                        ..Member::default()
                    }
                }
                Source::Display(field, _) => {
                    let optional = option_inner(&field.ty).is_some();
                    Member {
                        key,
                        kind: if optional {
                            MemberKind::OptDisplay
                        } else {
                            MemberKind::Display
                        },
                        slot: slots.displays.slot(field, optional),
                        ..Member::default()
                    }
                }
                Source::Serde(field, on_error, _) => Member {
                    key,
                    kind: match on_error {
                        OnError::Null => MemberKind::SerdeOrNull,
                        OnError::Omit => MemberKind::SerdeOrOmit,
                    },
                    slot: slots.value(field, *on_error),
                    ..Member::default()
                },
                Source::SubErrors { inner, .. } => Member {
                    key,
                    kind: MemberKind::SubErrors,
                    string: self.hot(inner),
                    ..Member::default()
                },
            };
            section.extend_from_slice(&entry.encode());
        }
        self.append(&section)
    }

    /// A constant as a constant object's member (nested objects are
    /// appended first).
    fn constant(&mut self, key: Hot, value: &Const) -> ConstMember {
        match value {
            Const::Null => ConstMember {
                key,
                kind: ConstKind::Null,
                ..ConstMember::default()
            },
            Const::Int(number) => ConstMember {
                key,
                kind: ConstKind::Number,
                number: *number,
                ..ConstMember::default()
            },
            Const::Str(text) => ConstMember {
                key,
                kind: ConstKind::String,
                string: self.hot(text),
                ..ConstMember::default()
            },
            Const::Object(entries) => {
                let mut section = Vec::with_capacity(entries.len() * ConstMember::LEN);
                for (entry_key, entry) in entries {
                    let entry_key = self.hot(entry_key);
                    section.extend_from_slice(&self.constant(entry_key, entry).encode());
                }
                ConstMember {
                    key,
                    kind: ConstKind::Object,
                    section: self.append(&section),
                    ..ConstMember::default()
                }
            }
        }
    }
}

/// The member that holds a body's sub-errors, the key inside it and the
/// field they come from, if the body embeds any.
fn sub_errors_of<'o, 'a>(object: &'o Object<'a>) -> Option<(&'o str, &'static str, &'a Field)> {
    object.members.iter().find_map(|member| match member.value {
        Source::SubErrors { inner, field, .. } => Some((&*member.key, inner, field)),
        _ => None,
    })
}

/// A write program being built.
#[derive(Default)]
struct Program {
    ops: Vec<ProgramOp>,
}

/// One op being built: its kind, slot, and what it writes before its value
/// and after it.
struct ProgramOp {
    kind: OpKind,
    slot: u32,
    before: Vec<u8>,
    after: Vec<u8>,
}

impl Program {
    /// Constant bytes: after the last op (or the first op, which writes
    /// nothing else).
    fn bytes(&mut self, bytes: &[u8]) {
        match self.ops.last_mut() {
            Some(last) => last.after.extend_from_slice(bytes),
            None => self.ops.push(ProgramOp {
                kind: OpKind::Bytes,
                slot: 0,
                before: Vec::new(),
                after: bytes.to_vec(),
            }),
        }
    }

    /// A runtime part.
    fn op(&mut self, kind: OpKind, slot: u32, before: Vec<u8>) {
        self.ops.push(ProgramOp {
            kind,
            slot,
            before,
            after: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use syn::parse_quote;

    use super::{Builder, encode};
    use crate::common::layout::{
        ConstKind, ConstMember, Hot, List, RecordEntry, VariantEntry, VariantKind,
    };
    use crate::plan::Const;
    use crate::{parse, validate};

    /// The entry of type `$entry` at byte `$at` of `$data`.
    macro_rules! decode {
        ($entry:ty, $data:expr, $at:expr) => {{
            let at: usize = $at;
            <$entry>::decode(
                $data[at..at + <$entry>::LEN]
                    .try_into()
                    .expect("in the table"),
            )
        }};
    }

    /// The table starts with the list and one entry per variant, back to
    /// back, and the first record's sections follow them directly (what the
    /// runtime reads at fixed offsets, and no bytes in between).
    #[test]
    fn test_the_variant_list_comes_first_and_records_follow_it() {
        let input: syn::DeriveInput = parse_quote! {
            #[api(format = "oz")]
            enum E {
                #[api(code = 4, title = "Bad {0}")]
                A(String),
                #[api(transparent)]
                B(Other),
                #[api(code = 10)]
                C,
            }
        };
        let mut errors = crate::errors::Errors::default();
        let parsed = parse::Input::from_syn(&input, &mut errors).expect("parses");
        let model = validate::validate(&parsed, &[], &mut errors).expect("validates");
        errors.finish().expect("no errors");
        let table = encode(&model);
        let data = &table.data;
        assert_eq!(decode!(List, data, 0).count, 3);
        let entries: Vec<VariantEntry> = (0..3)
            .map(|index| decode!(VariantEntry, data, List::LEN + index * VariantEntry::LEN))
            .collect();
        let kinds: Vec<VariantKind> = entries.iter().map(|entry| entry.kind).collect();
        assert_eq!(
            kinds,
            [
                VariantKind::Coded,
                VariantKind::Transparent,
                VariantKind::Coded
            ]
        );
        let first = decode!(RecordEntry, data, entries[0].record as usize);
        assert_eq!(
            first.title.start as usize,
            List::LEN + 3 * VariantEntry::LEN
        );
        let last = decode!(RecordEntry, data, entries[2].record as usize);
        assert_eq!((last.code, last.status), (10, 404));
        assert_eq!(entries[2].record as usize + RecordEntry::LEN, data.len());
    }

    /// A constant object's members, of every kind, as the runtime reads
    /// them: key, kind and value each in its field, a nested object's members
    /// in its own section. (No format has a null or a number inside a
    /// constant object today; a format may.)
    #[test]
    fn test_a_constant_object_encodes_every_kind_of_member() {
        let mut table = Builder::default();
        let key = table.hot("links");
        let object = Const::object([
            ("none", Const::Null),
            ("count", Const::Int(7)),
            ("href", Const::Str("https://example.com".into())),
            ("up", Const::object([("title", Const::Str("Home".into()))])),
        ]);
        let top = table.constant(key, &object);
        let hot = |table: &Builder, index: Hot| table.hot[index.0 as usize].clone();
        assert_eq!(
            (hot(&table, top.key), top.kind),
            ("links".to_owned(), ConstKind::Object)
        );
        let members: Vec<ConstMember> = (0..4)
            .map(|index| {
                decode!(
                    ConstMember,
                    table.data,
                    top.section.start as usize + index * ConstMember::LEN
                )
            })
            .collect();
        assert_eq!(top.section.len as usize, 4 * ConstMember::LEN);
        let keys: Vec<String> = members
            .iter()
            .map(|member| hot(&table, member.key))
            .collect();
        assert_eq!(keys, ["none", "count", "href", "up"]);
        let kinds: Vec<ConstKind> = members.iter().map(|member| member.kind).collect();
        assert_eq!(
            kinds,
            [
                ConstKind::Null,
                ConstKind::Number,
                ConstKind::String,
                ConstKind::Object
            ]
        );
        assert_eq!(members[1].number, 7);
        assert_eq!(hot(&table, members[2].string), "https://example.com");
        let nested = decode!(ConstMember, table.data, members[3].section.start as usize);
        assert_eq!(members[3].section.len as usize, ConstMember::LEN);
        assert_eq!(
            (
                hot(&table, nested.key),
                nested.kind,
                hot(&table, nested.string)
            ),
            ("title".to_owned(), ConstKind::String, "Home".to_owned())
        );
    }
}
