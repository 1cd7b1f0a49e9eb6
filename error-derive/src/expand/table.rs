//! The variant table: every constant about the variants (their bodies as
//! pre-escaped JSON and as serde members, titles, catalog rows, examples)
//! encoded into one byte string and one string literal, which
//! `error_core::__private::table` interprets. The layout is
//! `common/layout.rs`; why a table rather than code is said there.
//!
//! A body's plan becomes two programs: the write program (adjacent
//! constants merged into one pre-escaped run of bytes, so a variant without
//! runtime parts writes its whole body in one copy) and the serde members.
//! Both come from the same plan, so the two paths agree by construction.

use std::collections::HashMap;

use super::example::example;
use super::option_inner;
use super::write::key_bytes;
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
    /// Each string's range in `text`, so that repeated strings (keys,
    /// struct names) are stored once.
    strings: HashMap<String, [u8; 8]>,
    strs: Vec<String>,
    /// Each hot string's index in `strs`.
    hot: HashMap<String, u32>,
}

/// A range: start and length, little-endian `u32`s.
fn range(start: usize, len: usize) -> [u8; 8] {
    let mut bytes = [0; 8];
    bytes[..4].copy_from_slice(&u32::try_from(start).unwrap_or(u32::MAX).to_le_bytes());
    bytes[4..].copy_from_slice(&u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes());
    bytes
}

/// A title piece: tag, slot, an index into `strs`.
fn piece_entry(tag: u8, slot: u8, index: u32) -> [u8; at::PIECE_LEN] {
    let mut entry = [0; at::PIECE_LEN];
    entry[0] = tag;
    entry[1] = slot;
    entry[4..].copy_from_slice(&index.to_le_bytes());
    entry
}

/// A member: tag, slot, key, number, key string, value, section length.
struct MemberEntry {
    tag: u8,
    slot: u8,
    key: u8,
    number: u16,
    key_str: u32,
    value: u32,
    len: u32,
}

impl MemberEntry {
    fn new(tag: u8, key: (u8, u32)) -> Self {
        MemberEntry {
            tag,
            slot: 0,
            key: key.0,
            number: 0,
            key_str: key.1,
            value: 0,
            len: 0,
        }
    }

    fn bytes(&self) -> [u8; at::MEMBER_LEN] {
        let mut entry = [0; at::MEMBER_LEN];
        entry[0] = self.tag;
        entry[1] = self.slot;
        entry[2] = self.key;
        entry[4..6].copy_from_slice(&self.number.to_le_bytes());
        entry[8..12].copy_from_slice(&self.key_str.to_le_bytes());
        entry[12..16].copy_from_slice(&self.value.to_le_bytes());
        entry[16..].copy_from_slice(&self.len.to_le_bytes());
        entry
    }
}

/// The little-endian `u32`s of a range.
fn range_parts(range: [u8; 8]) -> (u32, u32) {
    (
        u32::from_le_bytes([range[0], range[1], range[2], range[3]]),
        u32::from_le_bytes([range[4], range[5], range[6], range[7]]),
    )
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

/// One step of a write program, before encoding.
enum Step {
    Bytes(Vec<u8>),
    Text(u8),
    OptString(Vec<u8>, u8),
    ValueOrNull,
    ValueOrOmit(Vec<u8>),
    Embed(Vec<u8>),
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

    /// A member key: its index in `KEYS`, or `KEY_OTHER` and its `strs`
    /// index.
    fn key(&mut self, key: &str) -> (u8, u32) {
        match at::KEYS.iter().position(|known| *known == key) {
            Some(index) => (u8::try_from(index).unwrap_or(at::KEY_OTHER), 0),
            None => (at::KEY_OTHER, self.hot(key)),
        }
    }

    /// The range of a string in the text (stored once per distinct string).
    fn string(&mut self, value: &str) -> [u8; 8] {
        if let Some(place) = self.strings.get(value) {
            return *place;
        }
        let place = range(self.text.len(), value.len());
        self.text.push_str(value);
        self.strings.insert(value.to_owned(), place);
        place
    }

    /// The range of bytes that are UTF-8 (pre-escaped JSON) in the text.
    fn json(&mut self, bytes: &[u8]) -> [u8; 8] {
        self.string(&String::from_utf8_lossy(bytes))
    }

    /// Appends a section to the code; its range.
    fn append(&mut self, section: &[u8]) -> [u8; 8] {
        let place = range(self.code.len(), section.len());
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
            None => ([0; 8], Vec::new()),
        };
        let detail_doc = match &own.detail {
            Some(Detail::Field(field)) => field.docs.clone(),
            Some(Detail::Text(_, text)) => text.clone(),
            None => String::new(),
        };
        let verbose_doc = own
            .verbose
            .map_or_else(String::new, |field| field.docs.clone());
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
            (at::EXAMPLE, self.string(&example_body)),
            (at::SUB_EXAMPLE, self.string(&sub_example)),
            (at::TITLE, title),
            (at::BODY, program),
            (at::SUB_BODY, sub_program),
        ];
        for (field, place) in ranges {
            header[field..field + 8].copy_from_slice(&place);
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

    /// The write program of `object`.
    fn program<'a>(&mut self, object: &Object<'a>, slots: &mut Slots<'a>) -> Vec<u8> {
        let mut steps = Vec::new();
        let bytes = |steps: &mut Vec<Step>, more: &[u8]| {
            if let Some(Step::Bytes(last)) = steps.last_mut() {
                last.extend_from_slice(more);
            } else {
                steps.push(Step::Bytes(more.to_vec()));
            }
        };
        bytes(&mut steps, b"{");
        for (index, member) in object.members.iter().enumerate() {
            let key = key_bytes(index, member.key);
            match &member.value {
                Value::Const(value) => {
                    bytes(&mut steps, &key);
                    let mut json = Vec::new();
                    value.write_json(&mut json);
                    bytes(&mut steps, &json);
                }
                Value::Text(text) => {
                    bytes(&mut steps, &key);
                    bytes(&mut steps, b"\"");
                    for piece in *text {
                        match piece {
                            Piece::Lit(literal) => {
                                let mut escaped = Vec::with_capacity(literal.len());
                                escape_into(literal, &mut escaped);
                                bytes(&mut steps, &escaped);
                            }
                            Piece::Field(field) => steps.push(Step::Text(slots.slot(field, false))),
                        }
                    }
                    bytes(&mut steps, b"\"");
                }
                Value::Display(field) => {
                    if option_inner(&field.ty).is_some() {
                        let mut key = key;
                        key.push(b'"');
                        steps.push(Step::OptString(key, slots.slot(field, true)));
                    } else {
                        bytes(&mut steps, &key);
                        bytes(&mut steps, b"\"");
                        steps.push(Step::Text(slots.slot(field, false)));
                        bytes(&mut steps, b"\"");
                    }
                }
                Value::Serde(_, OnError::Null) => {
                    bytes(&mut steps, &key);
                    steps.push(Step::ValueOrNull);
                }
                Value::Serde(_, OnError::Omit) => steps.push(Step::ValueOrOmit(key)),
                Value::Embed(_) => steps.push(Step::Embed(key)),
            }
        }
        bytes(&mut steps, b"}");
        // Each op writes its value (and, for a member that may be left
        // out, its key before it), then the constant bytes up to the next
        // op; the body's first op writes only constant bytes.
        let mut ops: Vec<(u8, u8, Vec<u8>, Vec<u8>)> = Vec::new();
        for step in steps {
            let op = match step {
                Step::Bytes(bytes) => {
                    match ops.last_mut() {
                        Some(last) => last.3.extend_from_slice(&bytes),
                        None => ops.push((at::OP_BYTES, 0, Vec::new(), bytes)),
                    }
                    continue;
                }
                Step::Text(slot) => (at::OP_TEXT, slot, Vec::new()),
                Step::OptString(key, slot) => (at::OP_OPT_STRING, slot, key),
                Step::ValueOrNull => (at::OP_VALUE_OR_NULL, 0, Vec::new()),
                Step::ValueOrOmit(key) => (at::OP_VALUE_OR_OMIT, 0, key),
                Step::Embed(key) => (at::OP_EMBED, 0, key),
            };
            ops.push((op.0, op.1, op.2, Vec::new()));
        }
        let mut section = Vec::with_capacity(ops.len() * at::OP_LEN);
        for (tag, slot, before, after) in ops {
            section.extend_from_slice(&[tag, slot, 0, 0]);
            let before = self.json(&before);
            section.extend_from_slice(&before);
            let after = self.json(&after);
            section.extend_from_slice(&after);
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
        debug_assert!(
            object
                .members
                .iter()
                .all(|member| keys.contains(&member.key)),
            "a body member outside its format's shape"
        );
        let mut section = Vec::with_capacity(keys.len() * at::MEMBER_LEN);
        for key_name in keys {
            let key = self.key(key_name);
            let Some(member) = object.members.iter().find(|member| member.key == *key_name) else {
                section.extend_from_slice(&MemberEntry::new(at::MEMBER_ABSENT, key).bytes());
                continue;
            };
            let entry = match &member.value {
                Value::Const(value) => self.constant(key, value),
                Value::Text(text) => {
                    let pieces = self.pieces(text, slots);
                    let (value, len) = range_parts(self.append(&pieces));
                    MemberEntry {
                        value,
                        len,
                        ..MemberEntry::new(at::MEMBER_TEXT, key)
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
                        ..MemberEntry::new(tag, key)
                    }
                }
                Value::Serde(_, OnError::Null) => MemberEntry::new(at::MEMBER_VALUE_OR_NULL, key),
                Value::Serde(_, OnError::Omit) => MemberEntry::new(at::MEMBER_VALUE_OR_OMIT, key),
                Value::Embed(_) => MemberEntry::new(at::MEMBER_EMBED, key),
            };
            section.extend_from_slice(&entry.bytes());
        }
        section
    }

    /// A member (or an object's entry) holding a constant.
    fn constant(&mut self, key: (u8, u32), value: &Const) -> MemberEntry {
        match value {
            Const::Null => MemberEntry::new(at::MEMBER_NULL, key),
            Const::Int(number) => MemberEntry {
                number: *number,
                ..MemberEntry::new(at::MEMBER_INT, key)
            },
            Const::Str(text) => MemberEntry {
                value: self.hot(text),
                ..MemberEntry::new(at::MEMBER_STR, key)
            },
            Const::Object(entries) => {
                let mut section = Vec::with_capacity(entries.len() * at::MEMBER_LEN);
                for (entry_key, entry_value) in entries {
                    let entry_key = self.key(entry_key);
                    let entry = self.constant(entry_key, entry_value);
                    section.extend_from_slice(&entry.bytes());
                }
                let (value, len) = range_parts(self.append(&section));
                MemberEntry {
                    value,
                    len,
                    ..MemberEntry::new(at::MEMBER_OBJECT, key)
                }
            }
        }
    }
}
