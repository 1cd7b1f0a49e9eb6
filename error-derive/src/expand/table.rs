//! The variant table: every constant about the variants (their bodies as
//! pre-escaped JSON and as serde members, titles, catalog rows, examples)
//! encoded into one byte string and one string literal, which
//! `api_errors::__private::table` interprets. The layout is
//! `common/layout.rs`; why a table rather than code is said there.
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
use crate::common::layout as at;
use crate::model::{Detail, Kind, Model, Own, Piece, Variant};
use crate::parse::Field;
use crate::plan::{Const, Object, OnError, Value};

/// The encoded table and, per variant, what its generated arm passes.
pub struct Encoded<'a> {
    /// The code bytes.
    pub code: Vec<u8>,
    /// The text.
    pub text: String,
    /// The hot strings (see the layout).
    pub strs: Vec<String>,
    /// Per variant, in order: `None` for a transparent one.
    pub arms: Vec<Option<Arm<'a>>>,
}

/// What a variant's arm hands to the table.
pub struct Arm<'a> {
    /// The offset of its record.
    pub offset: u32,
    /// Its text fields by slot, each with whether it is passed as an
    /// `Option` (an empty slot when `None`).
    pub texts: Vec<(&'a Field, bool)>,
    /// Its serde value, with whether it is passed as an `Option` (absent
    /// when `None`).
    pub value: Option<(&'a Field, bool)>,
    /// Its sub-errors.
    pub embed: Option<&'a Field>,
    /// The first capacity of its `to_json` buffer.
    pub size_hint: usize,
}

impl<'a> Arm<'a> {
    /// The fields the arm binds, once each.
    pub fn fields(&self) -> Vec<&'a Field> {
        let mut fields: Vec<&'a Field> = Vec::new();
        let texts = self.texts.iter().map(|(field, _)| *field);
        let value = self.value.map(|(field, _)| field);
        for field in texts.chain(value).chain(self.embed) {
            if !fields.iter().any(|seen| seen.member == field.member) {
                fields.push(field);
            }
        }
        fields
    }
}

/// Encodes `model`'s variants.
pub fn encode<'a>(model: &'a Model<'a>) -> Encoded<'a> {
    let mut table = Builder::default();
    // The variant list comes first; its record offsets are patched in.
    let count = u16::try_from(model.variants.len()).unwrap_or(u16::MAX);
    table.code.extend_from_slice(&count.to_le_bytes());
    table
        .code
        .resize(2 + model.variants.len() * at::VARIANT_LEN, 0);
    let arms = model
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let entry = 2 + index * at::VARIANT_LEN;
            match &variant.kind {
                Kind::Own(own) => {
                    let arm = table.record(model, variant, own);
                    table.code[entry] = at::VARIANT_OWN;
                    table.code[entry + 1..entry + 5].copy_from_slice(&arm.offset.to_le_bytes());
                    Some(arm)
                }
                Kind::Transparent(_) => {
                    table.code[entry] = at::VARIANT_TRANSPARENT;
                    None
                }
            }
        })
        .collect();
    Encoded {
        code: table.code,
        text: table.text,
        strs: table.strs,
        arms,
    }
}

#[derive(Default)]
struct Builder {
    code: Vec<u8>,
    text: String,
    /// Each string's range in `text`, so that repeated strings (JSON runs,
    /// names) are stored once.
    strings: HashMap<String, Range>,
    strs: Vec<String>,
    /// Each hot string's index in `strs`.
    hot: HashMap<String, u32>,
}

/// A range of the text or of the code: start and length.
#[derive(Clone, Copy, Default)]
struct Range {
    start: u32,
    len: u32,
}

impl Range {
    fn new(start: usize, len: usize) -> Self {
        Range {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(len).unwrap_or(u32::MAX),
        }
    }

    /// As the layout writes it: two little-endian `u32`s.
    fn bytes(self) -> [u8; 8] {
        let mut bytes = [0; 8];
        bytes[..4].copy_from_slice(&self.start.to_le_bytes());
        bytes[4..].copy_from_slice(&self.len.to_le_bytes());
        bytes
    }
}

/// A title piece: tag, slot, an index into `strs`.
fn piece_entry(tag: u8, slot: u8, index: u32) -> [u8; at::PIECE_LEN] {
    let mut entry = [0; at::PIECE_LEN];
    entry[0] = tag;
    entry[1] = slot;
    entry[4..].copy_from_slice(&index.to_le_bytes());
    entry
}

/// A member: tag, slot, number, key (a `strs` index; only a constant
/// object's entries have one, a shape's members take its keys), value (a
/// `strs` index or a section).
#[derive(Default)]
struct MemberEntry {
    tag: u8,
    slot: u8,
    number: u16,
    key: u32,
    value: Range,
}

impl MemberEntry {
    fn new(tag: u8) -> Self {
        MemberEntry {
            tag,
            ..MemberEntry::default()
        }
    }

    fn bytes(&self) -> [u8; at::MEMBER_LEN] {
        let mut entry = [0; at::MEMBER_LEN];
        entry[0] = self.tag;
        entry[1] = self.slot;
        entry[4..6].copy_from_slice(&self.number.to_le_bytes());
        entry[8..12].copy_from_slice(&self.key.to_le_bytes());
        entry[12..].copy_from_slice(&self.value.bytes());
        entry
    }
}

/// Which slot each text field has, in order of first use.
#[derive(Default)]
struct Slots<'a> {
    fields: Vec<(&'a Field, bool)>,
}

impl<'a> Slots<'a> {
    fn slot(&mut self, field: &'a Field, optional: bool) -> u8 {
        let index = match self
            .fields
            .iter()
            .position(|(seen, _)| seen.member == field.member)
        {
            Some(index) => index,
            None => {
                self.fields.push((field, optional));
                self.fields.len() - 1
            }
        };
        u8::try_from(index).unwrap_or(u8::MAX)
    }
}

impl Builder {
    /// The index of a hot string in `strs` (stored once per distinct
    /// string).
    fn hot(&mut self, value: &str) -> u32 {
        if let Some(index) = self.hot.get(value) {
            return *index;
        }
        let index = u32::try_from(self.strs.len()).unwrap_or(u32::MAX);
        self.strs.push(value.to_owned());
        self.hot.insert(value.to_owned(), index);
        index
    }

    /// The range of a string in the text (stored once per distinct string).
    fn string(&mut self, value: &str) -> Range {
        if let Some(place) = self.strings.get(value) {
            return *place;
        }
        let place = Range::new(self.text.len(), value.len());
        self.text.push_str(value);
        self.strings.insert(value.to_owned(), place);
        place
    }

    /// The range of bytes that are UTF-8 (pre-escaped JSON) in the text.
    fn json(&mut self, bytes: &[u8]) -> Range {
        self.string(&String::from_utf8_lossy(bytes))
    }

    /// Appends a section to the code; its range.
    fn append(&mut self, section: &[u8]) -> Range {
        let place = Range::new(self.code.len(), section.len());
        self.code.extend_from_slice(section);
        place
    }

    fn record<'a>(
        &mut self,
        model: &Model<'_>,
        variant: &'a Variant<'a>,
        own: &'a Own<'a>,
    ) -> Arm<'a> {
        let body = model.format.body(own);
        let sub = model.format.sub_body(own);
        let mut slots = Slots::default();
        // The sections first (slots follow first use, title fields first),
        // then the header that points at them.
        let title = match own.constant_title() {
            Some(title) => piece_entry(at::PIECE_LIT, 0, self.hot(title)).to_vec(),
            None => self.pieces(&own.title, &mut slots),
        };
        let title = self.append(&title);
        let program = self.program(&body, &mut slots);
        let program = self.append(&program);
        let (shape, keys) = model.format.shape();
        let members = self.members(&body, keys, &mut slots);
        let (sub_program, sub_members) = match &sub {
            Some(sub) => {
                let program = self.program(sub, &mut slots);
                let program = self.append(&program);
                (
                    program,
                    self.members(sub, model.format.sub_keys(), &mut slots),
                )
            }
            None => (Range::default(), Vec::new()),
        };
        let detail_doc = match &own.detail {
            Some(Detail::Field(field)) => field.docs.clone(),
            Some(Detail::Text(_, text)) => text.clone(),
            None => String::new(),
        };
        let verbose_doc = own
            .verbose
            .map_or_else(String::new, |field| field.docs.clone());
        let fields = &variant.source.fields;
        let readable_title = readable(&own.title, fields);
        let readable_detail = match &own.detail {
            Some(Detail::Text(text, _)) => readable(text, fields),
            _ => detail_doc.clone(),
        };
        let (example_body, _) = example(&body);
        let sub_example = sub.as_ref().map(|sub| example(sub).0).unwrap_or_default();
        let mut header = [0; at::HEADER_LEN];
        header[at::CODE..at::CODE + 2].copy_from_slice(&own.code.to_le_bytes());
        header[at::STATUS..at::STATUS + 2].copy_from_slice(&own.status.to_le_bytes());
        header[at::HAS_EMBED] = u8::from(own.embed.is_some());
        header[at::SHAPE] = shape;
        let ranges = [
            (at::NAME, self.string(&variant.source.ident.to_string())),
            (at::TITLE_TEMPLATE, self.string(&own.title_template)),
            (at::DESCRIPTION, self.string(&variant.source.docs)),
            (at::DETAIL_DOC, self.string(&detail_doc)),
            (at::VERBOSE_DOC, self.string(&verbose_doc)),
            (at::READABLE_TITLE, self.string(&readable_title)),
            (at::READABLE_DETAIL, self.string(&readable_detail)),
            (at::EXAMPLE, self.string(&example_body)),
            (at::SUB_EXAMPLE, self.string(&sub_example)),
            (at::TITLE, title),
            (at::BODY, program),
            (at::SUB_BODY, sub_program),
        ];
        for (field, place) in ranges {
            header[field..field + 8].copy_from_slice(&place.bytes());
        }
        // The shapes' members live in the header (no shape is longer than
        // the room the layout gives it).
        for (start, room, members) in [
            (at::MEMBERS, at::MAX_MEMBERS, &members),
            (at::SUB_MEMBERS, at::MAX_SUB_MEMBERS, &sub_members),
        ] {
            let len = members.len().min(room * at::MEMBER_LEN);
            header[start..start + len].copy_from_slice(&members[..len]);
        }
        let offset = u32::try_from(self.code.len()).unwrap_or(u32::MAX);
        self.code.extend_from_slice(&header);
        let value = body.members.iter().find_map(|member| match member.value {
            Value::Serde(field, on_error) => Some((
                field,
                on_error == OnError::Omit && option_inner(&field.ty).is_some(),
            )),
            _ => None,
        });
        Arm {
            offset,
            texts: slots.fields,
            value,
            embed: own.embed,
            size_hint: size_hint(&body),
        }
    }

    /// A text's pieces.
    fn pieces<'a>(&mut self, text: &'a [Piece<'a>], slots: &mut Slots<'a>) -> Vec<u8> {
        let mut section = Vec::with_capacity(text.len() * at::PIECE_LEN);
        for piece in text {
            let entry = match piece {
                Piece::Lit(literal) => piece_entry(at::PIECE_LIT, 0, self.hot(literal)),
                Piece::Field(field) => piece_entry(at::PIECE_ARG, slots.slot(field, false), 0),
            };
            section.extend_from_slice(&entry);
        }
        section
    }

    /// The write program of `object`: each op writes its value (and, for a
    /// member that may be left out, its key before it), then the constant
    /// bytes up to the next op; the first op writes only constant bytes, so
    /// a body without runtime parts is one op.
    fn program<'a>(&mut self, object: &Object<'a>, slots: &mut Slots<'a>) -> Vec<u8> {
        let mut program = Program::default();
        program.bytes(b"{");
        for (index, member) in object.members.iter().enumerate() {
            let key = key_bytes(index, member.key);
            match &member.value {
                Value::Const(value) => {
                    program.bytes(&key);
                    let mut json = Vec::new();
                    value.write_json(&mut json);
                    program.bytes(&json);
                }
                Value::Text(text) => {
                    program.bytes(&key);
                    program.bytes(b"\"");
                    for piece in *text {
                        match piece {
                            Piece::Lit(literal) => {
                                let mut escaped = Vec::with_capacity(literal.len());
                                escape_into(literal, &mut escaped);
                                program.bytes(&escaped);
                            }
                            Piece::Field(field) => {
                                program.op(at::OP_TEXT, slots.slot(field, false), Vec::new());
                            }
                        }
                    }
                    program.bytes(b"\"");
                }
                Value::Display(field) => {
                    if option_inner(&field.ty).is_some() {
                        let mut key = key;
                        key.push(b'"');
                        program.op(at::OP_OPT_STRING, slots.slot(field, true), key);
                    } else {
                        program.bytes(&key);
                        program.bytes(b"\"");
                        program.op(at::OP_TEXT, slots.slot(field, false), Vec::new());
                        program.bytes(b"\"");
                    }
                }
                Value::Serde(_, OnError::Null) => {
                    program.bytes(&key);
                    program.op(at::OP_VALUE_OR_NULL, 0, Vec::new());
                }
                Value::Serde(_, OnError::Omit) => program.op(at::OP_VALUE_OR_OMIT, 0, key),
                Value::Embed(_) => program.op(at::OP_EMBED, 0, key),
            }
        }
        program.bytes(b"}");
        let mut section = Vec::with_capacity(program.ops.len() * at::OP_LEN);
        for op in program.ops {
            section.extend_from_slice(&[op.tag, op.slot, 0, 0]);
            section.extend_from_slice(&self.json(&op.before).bytes());
            section.extend_from_slice(&self.json(&op.after).bytes());
        }
        section
    }

    /// The serde members of `object`, one per key of its shape (nested
    /// sections are appended first). Every member's key is one of the
    /// shape's (`tests::every_body_member_is_in_its_shape`).
    fn members<'a>(
        &mut self,
        object: &Object<'a>,
        keys: &[&'static str],
        slots: &mut Slots<'a>,
    ) -> Vec<u8> {
        let mut section = Vec::with_capacity(keys.len() * at::MEMBER_LEN);
        for key in keys {
            let Some(member) = object.members.iter().find(|member| member.key == *key) else {
                section.extend_from_slice(&MemberEntry::new(at::MEMBER_ABSENT).bytes());
                continue;
            };
            let entry = match &member.value {
                Value::Const(value) => self.constant(value),
                Value::Text(text) => {
                    let pieces = self.pieces(text, slots);
                    MemberEntry {
                        value: self.append(&pieces),
                        ..MemberEntry::new(at::MEMBER_TEXT)
                    }
                }
                Value::Display(field) => {
                    let optional = option_inner(&field.ty).is_some();
                    let tag = if optional {
                        at::MEMBER_OPT_DISPLAY
                    } else {
                        at::MEMBER_DISPLAY
                    };
                    MemberEntry {
                        slot: slots.slot(field, optional),
                        ..MemberEntry::new(tag)
                    }
                }
                Value::Serde(_, OnError::Null) => MemberEntry::new(at::MEMBER_VALUE_OR_NULL),
                Value::Serde(_, OnError::Omit) => MemberEntry::new(at::MEMBER_VALUE_OR_OMIT),
                Value::Embed(_) => MemberEntry::new(at::MEMBER_EMBED),
            };
            section.extend_from_slice(&entry.bytes());
        }
        section
    }

    /// A member (or, with its key, an object's entry) holding a constant.
    fn constant(&mut self, value: &Const) -> MemberEntry {
        match value {
            Const::Null => MemberEntry::new(at::MEMBER_NULL),
            Const::Int(number) => MemberEntry {
                number: *number,
                ..MemberEntry::new(at::MEMBER_INT)
            },
            Const::Str(text) => MemberEntry {
                value: Range {
                    start: self.hot(text),
                    len: 0,
                },
                ..MemberEntry::new(at::MEMBER_STR)
            },
            Const::Object(entries) => {
                let mut section = Vec::with_capacity(entries.len() * at::MEMBER_LEN);
                for (key, value) in entries {
                    let entry = MemberEntry {
                        key: self.hot(key),
                        ..self.constant(value)
                    };
                    section.extend_from_slice(&entry.bytes());
                }
                MemberEntry {
                    value: self.append(&section),
                    ..MemberEntry::new(at::MEMBER_OBJECT)
                }
            }
        }
    }
}

/// A write program being built.
#[derive(Default)]
struct Program {
    ops: Vec<Op>,
}

/// One op: tag, slot, what it writes before its value and after it.
struct Op {
    tag: u8,
    slot: u8,
    before: Vec<u8>,
    after: Vec<u8>,
}

impl Program {
    /// Constant bytes: after the last op (or the first op, which writes
    /// nothing else).
    fn bytes(&mut self, bytes: &[u8]) {
        match self.ops.last_mut() {
            Some(last) => last.after.extend_from_slice(bytes),
            None => self.ops.push(Op {
                tag: at::OP_BYTES,
                slot: 0,
                before: Vec::new(),
                after: bytes.to_vec(),
            }),
        }
    }

    /// A runtime part.
    fn op(&mut self, tag: u8, slot: u8, before: Vec<u8>) {
        self.ops.push(Op {
            tag,
            slot,
            before,
            after: Vec::new(),
        });
    }
}
