//! The variant table's interpreter (layout: `common/layout.rs`).
//!
//! Generated code has one `match` (`ApiError::__visit`) whose arms call
//! [`own`] with the variant's record and its fields: the text fields as a
//! tuple ([`Texts`]), the serde value ([`Value`]) and the sub-errors
//! ([`Embed`]). A [`Visitor`] then does one job with them: write the body
//! ([`Render::Body`]), serialise it ([`SerializeBody`]), build the title
//! ([`Render::Title`]), or the same for a sub-error. Everything here is generic over
//! the field types only, so it is compiled once per field type, not once per
//! variant.
#![allow(
    clippy::inline_always,
    reason = "inlined into each generated arm, the table reads fold into constants (BENCHMARKS.md)"
)]

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Display, Write as _};

use serde::ser::{Serialize, Serializer};

use super::Example;
use super::entrecode::{Embed, write_embedded};
use super::ser::DisplayStr;
use super::text::Shielded;
use super::write::{write_display, write_serde_or, write_serde_or_omit};
use crate::ErrorInfo;
use crate::common::escape::escape_into;
use crate::common::layout as at;

/// A derived type's table: its code bytes, its text, and its hot strings.
#[derive(Clone, Copy)]
pub struct Table {
    code: &'static [u8],
    text: &'static str,
    strs: &'static [&'static str],
}

/// The little-endian `u16` at `at` of a fixed-size entry.
#[inline(always)]
pub(super) fn u16_at<const N: usize>(bytes: &[u8; N], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

/// The little-endian `u32` at `at` of a fixed-size entry.
#[inline(always)]
pub(super) fn u32_at<const N: usize>(bytes: &[u8; N], at: usize) -> usize {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
}

/// The fixed-size entries of a section. (An entry of another size cannot
/// occur: `chunks_exact` guarantees the length, the conversion only tells
/// the compiler.)
#[inline(always)]
pub(super) fn entries<const N: usize>(
    section: &'static [u8],
) -> impl Iterator<Item = &'static [u8; N]> {
    section
        .chunks_exact(N)
        .filter_map(|entry| <&[u8; N]>::try_from(entry).ok())
}

impl Table {
    /// The table the derive encoded.
    #[must_use]
    pub const fn new(
        code: &'static [u8],
        text: &'static str,
        strs: &'static [&'static str],
    ) -> Self {
        Table { code, text, strs }
    }

    /// The `strs` entry whose index is at `at` of an entry.
    #[inline(always)]
    pub(super) fn str_at<const N: usize>(self, entry: &[u8; N], at: usize) -> &'static str {
        let strs: &'static [&'static str] = self.strs;
        strs.get(u32_at(entry, at)).copied().unwrap_or("")
    }

    /// The key of a constant object's entry.
    #[inline(always)]
    pub(super) fn key(self, entry: &[u8; at::MEMBER_LEN]) -> &'static str {
        self.str_at(entry, 8)
    }

    /// The string whose range is at `at` of an entry (empty if out of
    /// range, which the derive never writes; nothing here panics).
    #[inline(always)]
    fn string<const N: usize>(self, entry: &[u8; N], at: usize) -> &'static str {
        let start = u32_at(entry, at);
        let text: &'static str = self.text;
        text.get(start..start + u32_at(entry, at + 4)).unwrap_or("")
    }

    /// The bytes of the string whose range is at `at` of an entry.
    #[inline(always)]
    fn bytes<const N: usize>(self, entry: &[u8; N], at: usize) -> &'static [u8] {
        let start = u32_at(entry, at);
        let text: &'static [u8] = self.text.as_bytes();
        text.get(start..start + u32_at(entry, at + 4))
            .unwrap_or(&[])
    }

    /// The section whose range is at `at` of an entry.
    #[inline(always)]
    pub(super) fn section<const N: usize>(self, entry: &[u8; N], at: usize) -> &'static [u8] {
        let start = u32_at(entry, at);
        let code: &'static [u8] = self.code;
        code.get(start..start + u32_at(entry, at + 4))
            .unwrap_or(&[])
    }

    /// The record at `offset`.
    #[inline(always)]
    fn record(self, offset: usize) -> Record {
        let code: &'static [u8] = self.code;
        let header = code
            .get(offset..offset + at::HEADER_LEN)
            .and_then(|header| <&[u8; at::HEADER_LEN]>::try_from(header).ok())
            .unwrap_or(&[0; at::HEADER_LEN]);
        Record {
            table: self,
            header,
        }
    }

    /// The catalog rows of the type: its own variants' rows, and in their
    /// place the rows of each transparent variant's type (`inner`, in
    /// order).
    #[must_use]
    pub fn catalog(self, inner: &[fn() -> Vec<ErrorInfo>]) -> Vec<ErrorInfo> {
        let mut rows = Vec::new();
        let mut inner = inner.iter();
        for record in self.variants() {
            match record {
                Some(record) => rows.push(record.info()),
                None => rows.extend(inner.next().map(|rows| rows()).unwrap_or_default()),
            }
        }
        rows
    }

    /// The example bodies, as [`catalog`](Self::catalog) lists rows;
    /// `embedded` gives, in order, the example sub-errors of the variants
    /// that embed some.
    #[must_use]
    pub fn examples(
        self,
        inner: &[fn() -> Vec<Example>],
        embedded: &[fn() -> serde_json::Value],
    ) -> Vec<Example> {
        let mut rows = Vec::new();
        let mut inner = inner.iter();
        let mut embedded = embedded.iter();
        for record in self.variants() {
            match record {
                Some(record) => {
                    let info = record.info();
                    rows.push(Example {
                        name: info.name,
                        code: info.code,
                        status: info.status,
                        title: info.title,
                        body: record.string(at::EXAMPLE),
                        embedded: if record.header[at::HAS_EMBED] == 1 {
                            embedded.next().copied()
                        } else {
                            None
                        },
                    });
                }
                None => rows.extend(inner.next().map(|rows| rows()).unwrap_or_default()),
            }
        }
        rows
    }

    /// The example sub-error of the first variant, if it has its own code.
    #[must_use]
    pub fn first_sub_example(self) -> Option<&'static str> {
        self.variants()
            .next()
            .flatten()
            .map(|record| record.string(at::SUB_EXAMPLE))
    }

    /// Every variant's record, in order (`None` for a transparent one).
    fn variants(self) -> impl Iterator<Item = Option<Record>> {
        let count = self.code.get(..2).map_or(0, |count| {
            usize::from(u16::from_le_bytes([count[0], count[1]]))
        });
        let list = self.code.get(2..2 + count * at::VARIANT_LEN).unwrap_or(&[]);
        entries::<{ at::VARIANT_LEN }>(list)
            .map(move |entry| (entry[0] == at::VARIANT_OWN).then(|| self.record(u32_at(entry, 1))))
    }
}

/// One variant's record: its table and its header.
#[derive(Clone, Copy)]
pub struct Record {
    pub(super) table: Table,
    pub(super) header: &'static [u8; at::HEADER_LEN],
}

impl Record {
    #[inline(always)]
    fn string(self, field: usize) -> &'static str {
        self.table.string(self.header, field)
    }

    #[inline(always)]
    pub(super) fn section(self, field: usize) -> &'static [u8] {
        self.table.section(self.header, field)
    }

    fn info(self) -> ErrorInfo {
        ErrorInfo::__new(
            self.string(at::NAME),
            u16_at(self.header, at::CODE),
            u16_at(self.header, at::STATUS),
            [
                self.string(at::TITLE_TEMPLATE),
                self.string(at::READABLE_TITLE),
            ],
            self.string(at::DESCRIPTION),
            [
                self.string(at::DETAIL_DOC),
                self.string(at::READABLE_DETAIL),
            ],
            self.string(at::VERBOSE_DOC),
        )
    }
}

/// A text field's value: a string (written as is), or any other `Display`.
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    /// A string type's text (see `Pick`).
    Str(&'a str),
    /// Any other `Display`.
    Display(&'a dyn Display),
}

impl Arg<'_> {
    /// Appends the text, JSON-escaped.
    #[inline(always)]
    fn write(self, out: &mut Vec<u8>) {
        match self {
            Arg::Str(text) => escape_into(text, out),
            Arg::Display(value) => write_display(out, value),
        }
    }
}

impl Display for Arg<'_> {
    #[inline(always)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Str(text) => f.write_str(text),
            Arg::Display(value) => Shielded(*value).fmt(f),
        }
    }
}

impl Serialize for Arg<'_> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Str(text) => serializer.serialize_str(text),
            Arg::Display(value) => DisplayStr(*value).serialize(serializer),
        }
    }
}

/// The text fields of a variant, by slot: a field reference (`&T` with
/// `T: Display`), an [`Arg`] (a string field, chosen by `Pick`), an [`Opt`]
/// (an `Option` field, empty when `None`), or a tuple of those (nested for
/// long lists).
pub trait Texts {
    /// How many slots.
    const LEN: usize;
    /// The text in `slot`, if present.
    fn get(&self, slot: usize) -> Option<Arg<'_>>;
}

impl<T: Display> Texts for &T {
    const LEN: usize = 1;
    #[inline(always)]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        Some(Arg::Display(*self))
    }
}

impl Texts for Arg<'_> {
    const LEN: usize = 1;
    #[inline(always)]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        Some(*self)
    }
}

/// An `Option` field: a text slot that may be empty, or a serde value that
/// may be absent (entrecode `verbose`).
pub struct Opt<'a, T>(pub &'a Option<T>);

impl<T: Display> Texts for Opt<'_, T> {
    const LEN: usize = 1;
    #[inline(always)]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        self.0.as_ref().map(|value| Arg::Display(value))
    }
}

impl Texts for () {
    const LEN: usize = 0;
    #[inline(always)]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        None
    }
}

/// `Texts` for tuples, each element a run of slots.
macro_rules! texts_tuples {
    ($(($($name:ident),+))*) => {$(
        impl<$($name: Texts),+> Texts for ($($name,)+) {
            const LEN: usize = 0 $(+ $name::LEN)+;
            #[inline(always)]
            #[allow(non_snake_case, unused_assignments)]
            fn get(&self, mut slot: usize) -> Option<Arg<'_>> {
                let ($($name,)+) = self;
                $(
                    if slot < $name::LEN {
                        return $name.get(slot);
                    }
                    slot -= $name::LEN;
                )+
                None
            }
        }
    )*};
}

texts_tuples! {
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, D)
    (A, B, C, D, E)
    (A, B, C, D, E, F)
    (A, B, C, D, E, F, G)
    (A, B, C, D, E, F, G, H)
}

/// The variant's serde value (Oz `details`, entrecode `verbose`): a field
/// reference, an [`Opt`] (absent when `None`), or [`Nothing`].
pub trait Value {
    /// The value's type.
    type Inner: Serialize + ?Sized;
    /// The value, if present.
    fn get(&self) -> Option<&Self::Inner>;
}

impl<T: Serialize + ?Sized> Value for &T {
    type Inner = T;
    #[inline(always)]
    fn get(&self) -> Option<&T> {
        Some(*self)
    }
}

impl<T: Serialize> Value for Opt<'_, T> {
    type Inner = T;
    #[inline(always)]
    fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

/// No serde value, no sub-errors.
pub struct Nothing;

impl Value for Nothing {
    type Inner = ();
    #[inline(always)]
    fn get(&self) -> Option<&()> {
        None
    }
}

/// One job done with a variant's record and fields.
pub trait Visitor: Sized {
    /// What the job gives.
    type Out;
    /// Does the job for a variant with its own code.
    fn own<T: Texts, D: Value, M: Embed + ?Sized>(
        self,
        record: Record,
        texts: &T,
        value: &D,
        embed: &M,
    ) -> Self::Out;
}

/// A generated arm: `visitor`'s job for the record at `offset` of `table`.
#[inline]
#[allow(
    clippy::needless_pass_by_value,
    reason = "generated arms build the tuple in place: `(a, b)` is cheaper to type-check than `&(a, b)`"
)]
pub fn own<V: Visitor, T: Texts, D: Value, M: Embed + ?Sized>(
    visitor: V,
    table: &'static Table,
    offset: u32,
    texts: T,
    value: D,
    embed: &M,
) -> V::Out {
    visitor.own(table.record(offset as usize), &texts, &value, embed)
}

/// The jobs of the derive's non-generic methods (`write_json`, `title`), in
/// one visitor so that the variant `match` is compiled once for both (each
/// instance of it is a function with an arm per variant in every build of
/// the user's crate).
pub enum Render<'a> {
    /// `write_json`: appends the body.
    Body(&'a mut Vec<u8>),
    /// `title()`: stores the title.
    Title(&'a mut Cow<'static, str>),
}

impl Visitor for Render<'_> {
    type Out = ();
    #[inline]
    fn own<T: Texts, D: Value, M: Embed + ?Sized>(
        self,
        record: Record,
        texts: &T,
        value: &D,
        embed: &M,
    ) {
        match self {
            Render::Body(out) => run(out, record, record.section(at::BODY), texts, value, embed),
            Render::Title(title) => *title = title_of(record, texts),
        }
    }
}

/// Appends the sub-error object (entrecode `_embedded.error`). A visitor of
/// its own, not a job of [`Render`]: it is only compiled for types that are
/// embedded, and its `match` alone is small enough for the optimiser to
/// inline into the embedding type's writer (16 fewer instructions on the
/// entrecode seed body than as a job of `Render`).
pub struct WriteSub<'a>(pub &'a mut Vec<u8>);

impl Visitor for WriteSub<'_> {
    type Out = ();
    #[inline]
    fn own<T: Texts, D: Value, M: Embed + ?Sized>(
        self,
        record: Record,
        texts: &T,
        value: &D,
        embed: &M,
    ) {
        run(
            self.0,
            record,
            record.section(at::SUB_BODY),
            texts,
            value,
            embed,
        );
    }
}

/// Runs a write program.
#[inline(always)]
fn run<T: Texts, D: Value, M: Embed + ?Sized>(
    out: &mut Vec<u8>,
    record: Record,
    program: &'static [u8],
    texts: &T,
    value: &D,
    embed: &M,
) {
    let table = record.table;
    for op in entries::<{ at::OP_LEN }>(program) {
        match op[0] {
            at::OP_TEXT => {
                if let Some(text) = texts.get(usize::from(op[1])) {
                    text.write(out);
                }
            }
            at::OP_OPT_STRING => {
                if let Some(text) = texts.get(usize::from(op[1])) {
                    out.extend_from_slice(table.bytes(op, 4));
                    text.write(out);
                    out.push(b'"');
                }
            }
            at::OP_VALUE_OR_NULL => match value.get() {
                Some(value) => write_serde_or(out, value, b"null"),
                None => out.extend_from_slice(b"null"),
            },
            at::OP_VALUE_OR_OMIT => {
                if let Some(value) = value.get() {
                    write_serde_or_omit(out, table.bytes(op, 4), value);
                }
            }
            at::OP_EMBED if !embed.is_empty() => {
                out.extend_from_slice(table.bytes(op, 4));
                write_embedded(out, embed);
            }
            _ => {}
        }
        let after = table.bytes(op, 12);
        if !after.is_empty() {
            out.extend_from_slice(after);
        }
    }
}

/// A variant's title: borrowed when constant, else the pieces filled in.
#[inline(always)]
fn title_of<T: Texts>(record: Record, texts: &T) -> Cow<'static, str> {
    let pieces = record.section(at::TITLE);
    match pieces.len() / at::PIECE_LEN {
        0 => Cow::Borrowed(""),
        1 if pieces[0] == at::PIECE_LIT => Cow::Borrowed(
            entries::<{ at::PIECE_LEN }>(pieces)
                .next()
                .map_or("", |piece| record.table.str_at(piece, 4)),
        ),
        _ => {
            let mut out = String::new();
            // Writing to a String cannot fail, and `TextOf` swallows its
            // fields' own errors.
            let _ = write!(
                out,
                "{}",
                TextOf {
                    table: record.table,
                    pieces,
                    texts,
                }
            );
            Cow::Owned(out)
        }
    }
}

/// A text: its pieces filled from the slots.
pub(super) struct TextOf<'a, T> {
    pub(super) table: Table,
    pub(super) pieces: &'static [u8],
    pub(super) texts: &'a T,
}

impl<T: Texts> Display for TextOf<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for piece in entries::<{ at::PIECE_LEN }>(self.pieces) {
            if piece[0] == at::PIECE_LIT {
                f.write_str(self.table.str_at(piece, 4))?;
            } else if let Some(text) = self.texts.get(usize::from(piece[1])) {
                text.fmt(f)?;
            }
        }
        Ok(())
    }
}

impl<T: Texts> Serialize for TextOf<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use alloc::borrow::Cow;
    use alloc::vec::Vec;

    use super::{Nothing, Render, Table, WriteSub, own};
    use crate::__private::SerializeBody;

    /// Tables the derive would never write (cut short, or noise) read as
    /// zeros and empty strings: no read panics, whatever the offset.
    #[test]
    fn a_malformed_table_reads_as_empty_and_never_panics() {
        let mut state: u32 = 0x2545_f491;
        let mut noise = Vec::new();
        for _ in 0..4096 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            noise.push(state.to_le_bytes()[0]);
        }
        let noise: &'static [u8] = noise.leak();
        let tables = [
            Table::new(&[], "", &[]),
            Table::new(&[3, 0, 0, 1, 0], "ab", &["x"]),
            Table::new(noise, "text", &["a", "b"]),
        ];
        let mut written = 0;
        for table in tables {
            let table: &'static Table = alloc::boxed::Box::leak(alloc::boxed::Box::new(table));
            let _ = table.catalog(&[]);
            let _ = table.examples(&[], &[]);
            let _ = table.first_sub_example();
            for offset in (0..5000).step_by(7) {
                let mut out = Vec::new();
                own(
                    Render::Body(&mut out),
                    table,
                    offset,
                    (&1u8,),
                    &2u8,
                    &Nothing,
                );
                own(WriteSub(&mut out), table, offset, (), Nothing, &Nothing);
                let mut title = Cow::Borrowed("");
                own(
                    Render::Title(&mut title),
                    table,
                    offset,
                    (),
                    Nothing,
                    &Nothing,
                );
                let mut json = Vec::new();
                let mut serializer = serde_json::Serializer::new(&mut json);
                let _ = own(
                    SerializeBody::body(&mut serializer),
                    table,
                    offset,
                    (&1u8,),
                    &2u8,
                    &Nothing,
                );
                written += out.len() + json.len();
            }
        }
        // Reading noise still writes something (the ops it decodes); the
        // point is that it gets here.
        assert!(written > 0);
    }
}
