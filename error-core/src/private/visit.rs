//! The jobs done with a variant's record and fields: [`visit`] is what each
//! generated arm calls, a [`Visitor`] is the job (write the body, build the
//! title, serialise the body: see `serialize.rs`), and [`run`] executes a
//! write program.
#![allow(
    clippy::inline_always,
    reason = "inlined into each generated arm, the table reads fold into constants (BENCHMARKS.md)"
)]

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Display, Write as _};

use serde::ser::{Serialize, Serializer};

use super::slots::{Arg, Displays, SerdeValues, WithValue};
use super::sub_errors::Embed;
use super::table::{Record, Table, entries_of};
use super::write::write_serde;
use crate::common::layout::{Op, OpKind, Piece, PieceKind, Section};

/// One job done with a variant's record and fields.
pub trait Visitor: Sized {
    /// What the job gives.
    type Out;
    /// Does the job for a variant with its own code.
    fn variant<D: Displays, V: SerdeValues, M: Embed + ?Sized>(
        self,
        record: Record,
        displays: &D,
        values: &V,
        sub_errors: &M,
    ) -> Self::Out;
}

/// A generated arm: `visitor`'s job for the record at `offset` of `table`.
#[inline]
#[allow(
    clippy::needless_pass_by_value,
    reason = "generated arms build the tuples in place: `(a, b)` is cheaper to type-check than `&(a, b)`"
)]
pub fn visit<J: Visitor, D: Displays, V: SerdeValues, M: Embed + ?Sized>(
    visitor: J,
    table: &'static Table,
    offset: u32,
    displays: D,
    values: V,
    sub_errors: &M,
) -> J::Out {
    visitor.variant(
        table.record(offset as usize),
        &displays,
        &values,
        sub_errors,
    )
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
    fn variant<D: Displays, V: SerdeValues, M: Embed + ?Sized>(
        self,
        record: Record,
        displays: &D,
        values: &V,
        sub_errors: &M,
    ) {
        let slots = SlotsOf {
            displays,
            values,
            sub_errors,
        };
        #[cfg(debug_assertions)]
        render_erased(self, record, &slots);
        #[cfg(not(debug_assertions))]
        render(self, record, &slots);
    }
}

/// Does a [`Render`] job.
#[cfg_attr(not(debug_assertions), inline(always))]
fn render<S: Slots + ?Sized>(job: Render<'_>, record: Record, slots: &S) {
    match job {
        Render::Body(out) => {
            // A new buffer (`to_json`, a server's response) gets the
            // capacity of the usual body at once; a reused one grows as it
            // is written, as any `Vec` does.
            if out.capacity() == 0 {
                *out = Vec::with_capacity(record.entry.size_hint as usize);
            }
            run(out, record.table, record.entry.body, slots);
        }
        Render::Title(title) => *title = title_of(record, slots),
    }
}

/// [`render`] in a debug build: compiled once, here (see [`Slots`]).
#[cfg(debug_assertions)]
#[inline(never)]
fn render_erased(job: Render<'_>, record: Record, slots: &dyn Slots) {
    render(job, record, slots);
}

/// Appends the body written as a sub-error. A visitor of its own, not a job
/// of [`Render`]: it is only compiled for types that are embedded, and its
/// `match` alone is small enough for the optimiser to inline into the
/// embedding type's writer (as a job of `Render`, it is not, and the
/// entrecode seed body costs more instructions).
pub struct WriteSub<'a>(pub &'a mut Vec<u8>);

impl Visitor for WriteSub<'_> {
    type Out = ();
    #[inline]
    fn variant<D: Displays, V: SerdeValues, M: Embed + ?Sized>(
        self,
        record: Record,
        displays: &D,
        values: &V,
        sub_errors: &M,
    ) {
        let slots = SlotsOf {
            displays,
            values,
            sub_errors,
        };
        #[cfg(debug_assertions)]
        run_erased(self.0, record.table, record.entry.sub_body, &slots);
        #[cfg(not(debug_assertions))]
        run(self.0, record.table, record.entry.sub_body, &slots);
    }
}

/// Writes a serde slot's value for an op.
struct WriteValue<'a> {
    out: &'a mut Vec<u8>,
    /// `,"key":` for a member that is left out with its value; empty for
    /// a value that becomes `null` instead.
    key: Option<&'static [u8]>,
}

impl WithValue for WriteValue<'_> {
    type Out = ();
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn with<T: Serialize + ?Sized>(self, value: &T) {
        write_serde(self.out, self.key, value);
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn absent(self) {
        if self.key.is_none() {
            self.out.extend_from_slice(b"null");
        }
    }
}

/// A variant's fields as its write program and its title read them,
/// through one interface that does not name their types.
///
/// An optimised build calls the interpreter with the concrete [`SlotsOf`]
/// and inlines everything into the generated arm, where the table reads
/// fold into constants. A debug build hands it a `&dyn Slots`, so the
/// interpreter is compiled once, here, instead of once per combination of
/// field types in every user's crate: what a debug build of a derived type
/// costs is then its arms and one small adapter per field shape
/// (BENCHMARKS.md, "Compile time").
trait Slots {
    /// The text in display slot `slot`, if present.
    fn text(&self, slot: usize) -> Option<Arg<'_>>;
    /// Appends serde slot `slot`'s value: `null` when absent or when its
    /// `Serialize` fails, or, with a `key` (the member's `,"name":`), the
    /// key and the value, or nothing.
    fn write_value(&self, slot: usize, out: &mut Vec<u8>, key: Option<&'static [u8]>);
    /// Appends `before` (the member's `,"name":{"key":`), the sub-errors
    /// and the closing `}`, or nothing when there are none.
    fn write_sub_errors(&self, out: &mut Vec<u8>, before: &[u8]);
}

/// The slots a generated arm hands over.
struct SlotsOf<'a, D, V, M: ?Sized> {
    displays: &'a D,
    values: &'a V,
    sub_errors: &'a M,
}

impl<D: Displays, V: SerdeValues, M: Embed + ?Sized> Slots for SlotsOf<'_, D, V, M> {
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn text(&self, slot: usize) -> Option<Arg<'_>> {
        self.displays.get(slot)
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn write_value(&self, slot: usize, out: &mut Vec<u8>, key: Option<&'static [u8]>) {
        self.values.value(slot, WriteValue { out, key });
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn write_sub_errors(&self, out: &mut Vec<u8>, before: &[u8]) {
        if !self.sub_errors.is_empty() {
            out.extend_from_slice(before);
            self.sub_errors.write_errors(out);
            out.push(b'}');
        }
    }
}

/// [`run`] in a debug build: compiled once, here (see [`Slots`]).
#[cfg(debug_assertions)]
#[inline(never)]
fn run_erased(out: &mut Vec<u8>, table: Table, program: Section, slots: &dyn Slots) {
    run(out, table, program, slots);
}

/// Runs a write program.
#[cfg_attr(not(debug_assertions), inline(always))]
fn run<S: Slots + ?Sized>(out: &mut Vec<u8>, table: Table, program: Section, slots: &S) {
    for op in entries_of!(table, program, Op) {
        let slot = op.slot as usize;
        match op.kind {
            OpKind::Bytes => {}
            OpKind::Display => {
                if let Some(text) = slots.text(slot) {
                    text.write(out);
                }
            }
            OpKind::OptDisplay => {
                if let Some(text) = slots.text(slot) {
                    out.extend_from_slice(table.bytes(op.before));
                    text.write(out);
                    out.push(b'"');
                }
            }
            OpKind::SerdeOrNull => slots.write_value(slot, out, None),
            OpKind::SerdeOrOmit => slots.write_value(slot, out, Some(table.bytes(op.before))),
            OpKind::SubErrors => slots.write_sub_errors(out, table.bytes(op.before)),
        }
        let after = table.bytes(op.after);
        if !after.is_empty() {
            out.extend_from_slice(after);
        }
    }
}

/// A variant's title: borrowed when it is one literal piece, else the
/// pieces filled in.
#[cfg_attr(not(debug_assertions), inline(always))]
fn title_of<S: Slots + ?Sized>(record: Record, slots: &S) -> Cow<'static, str> {
    let table = record.table;
    let pieces = record.entry.title;
    let mut all = entries_of!(table, pieces, Piece);
    // No pieces at all falls to the general arm: an empty `String` does not
    // allocate.
    match (all.next(), all.next()) {
        (Some(piece), None) if piece.kind == PieceKind::Literal => {
            Cow::Borrowed(table.hot(piece.literal))
        }
        _ => {
            let mut out = String::new();
            for piece in entries_of!(table, pieces, Piece) {
                match piece.kind {
                    PieceKind::Literal => out.push_str(table.hot(piece.literal)),
                    PieceKind::Display => {
                        if let Some(text) = slots.text(piece.slot as usize) {
                            // Writing to a String cannot fail, and `Arg`
                            // swallows its field's own error.
                            let _ = write!(out, "{text}");
                        }
                    }
                }
            }
            Cow::Owned(out)
        }
    }
}

/// A text: its pieces filled from the display slots.
pub(super) struct TextOf<'a, D> {
    pub(super) table: Table,
    pub(super) pieces: Section,
    pub(super) displays: &'a D,
}

impl<D: Displays> Display for TextOf<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for piece in entries_of!(self.table, self.pieces, Piece) {
            match piece.kind {
                PieceKind::Literal => f.write_str(self.table.hot(piece.literal))?,
                PieceKind::Display => {
                    if let Some(text) = self.displays.get(piece.slot as usize) {
                        text.fmt(f)?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl<D: Displays> Serialize for TextOf<'_, D> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use alloc::borrow::Cow;
    use alloc::boxed::Box;
    use alloc::string::String;
    use alloc::vec::Vec;

    use super::{Render, WriteSub, WriteValue, visit};
    use crate::__private::{Nothing, SerializeBody, SerializeSub, Table, WithValue as _};
    use crate::Oz;

    /// A serde slot's value as the write program writes it: present, the
    /// value (after its key, when it has one); absent, `null` where the
    /// member stays and nothing where it is left out. (The derive hands an
    /// absent-able slot only to members that are left out; the other case
    /// is the rule all the same.)
    #[test]
    fn a_slots_value_is_written_or_null_or_left_out() {
        let write = |key: Option<&'static [u8]>, value: Option<u8>| {
            let mut out = Vec::new();
            let job = WriteValue { out: &mut out, key };
            match value {
                Some(value) => job.with(&value),
                None => job.absent(),
            }
            String::from_utf8(out).unwrap()
        };
        assert_eq!(write(None, Some(7)), "7");
        assert_eq!(write(None, None), "null");
        assert_eq!(write(Some(b",\"n\":"), Some(7)), ",\"n\":7");
        assert_eq!(write(Some(b",\"n\":"), None), "");
    }

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
            Table::new(&[3, 0, 0, 0, 1, 0], "ab", &["x"]),
            Table::new(noise, "text", &["a", "b"]),
        ];
        let mut written = 0;
        for table in tables {
            let table: &'static Table = Box::leak(Box::new(table));
            let _ = table.catalog(&[]);
            let _ = table.examples(&[], &[]);
            let _ = table.first_sub_example();
            for offset in (0..5000).step_by(7) {
                let mut out = Vec::new();
                visit(
                    Render::Body(&mut out),
                    table,
                    offset,
                    (&1u8,),
                    (&2u8,),
                    &Nothing,
                );
                visit(WriteSub(&mut out), table, offset, (), (), &Nothing);
                let mut title = Cow::Borrowed("");
                visit(Render::Title(&mut title), table, offset, (), (), &Nothing);
                let mut json = Vec::new();
                let mut serializer = serde_json::Serializer::new(&mut json);
                let _ = visit(
                    SerializeBody::<_, Oz>::new(&mut serializer),
                    table,
                    offset,
                    (&1u8,),
                    (&2u8,),
                    &Nothing,
                );
                let mut serializer = serde_json::Serializer::new(&mut json);
                let _ = visit(
                    SerializeSub::<_, Oz>::new(&mut serializer),
                    table,
                    offset,
                    (),
                    (),
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
