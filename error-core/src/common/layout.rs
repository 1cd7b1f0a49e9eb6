//! The variant table's layout, as typed entries: the derive encodes each
//! entry with `encode`, the runtime (`__private::table`) reads it back with
//! `decode`, and nothing else in either crate knows where a field sits.
//!
//! Why a table: everything about a variant that is constant (its body's
//! pre-escaped JSON, its serde members, its title's pieces, its catalog row,
//! its example) costs rustc nothing as one byte string and one string
//! literal, while the same data as generated code costs type checking,
//! borrow checking and code generation in every build of the user's crate
//! (BENCHMARKS.md, "Compile time"). Generated code keeps only what needs the
//! user's types: one `match` that hands each variant's fields to the table's
//! interpreter.
//!
//! A table has three parts:
//!
//! - `data` (a byte string): entries. It starts with a [`List`], then one
//!   [`VariantEntry`] per variant; each variant with its own code has a
//!   record, a [`RecordEntry`] whose [`Section`]s point at runs of [`Piece`]s
//!   (its title), [`Op`]s (its write programs) and [`Member`]s (its serde
//!   members) elsewhere in `data`. The encoder appends a record's sections
//!   first and its [`RecordEntry`] after them.
//! - `strings` (a string literal, so that every slice of it is a
//!   `&'static str`): pre-escaped JSON runs, names, docs, examples, each
//!   reached by a [`StrRange`].
//! - `hot` (an array of string literals): the strings the serde path and
//!   `title()` hand out (members' keys, literal title pieces, constant
//!   string values), reached by a [`Hot`] index: taking one costs a bounds
//!   check, not the two character-boundary checks of slicing `strings`.
//!
//! Every entry has a fixed size (`LEN`), so the interpreter walks a section
//! with `chunks_exact` and decodes fields at constant offsets: after
//! inlining, with the table a visible constant, the reads fold away. A
//! decode never panics: a field cut short by the end of its bytes reads as zero,
//! and an unknown tag as the tag's first kind, which writes nothing.
//!
//! This file is compiled into both crates (the derive cannot depend on the
//! runtime): plain data and the codec, no dependencies.
#![allow(
    clippy::inline_always,
    reason = "decoded in each generated arm, the reads fold into constants (BENCHMARKS.md)"
)]

/// A fixed-size, little-endian field of a table entry.
pub trait Codec: Sized {
    /// How many bytes it takes.
    const LEN: usize;
    /// Writes the field into `out`, which is `LEN` bytes long.
    fn put(self, out: &mut [u8]);
    /// Reads the field from the start of `bytes` (zero when they are too
    /// short to hold it).
    fn get(bytes: &[u8]) -> Self;
}

/// The first `N` bytes of `bytes`, or zeros when it is shorter.
#[cfg_attr(not(debug_assertions), inline(always))]
fn array<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    if let Some(head) = bytes.get(..N) {
        out.copy_from_slice(head);
    }
    out
}

macro_rules! integer_fields {
    ($($int:ty),*) => {$(
        impl Codec for $int {
            const LEN: usize = core::mem::size_of::<$int>();
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn put(self, out: &mut [u8]) {
                out.copy_from_slice(&self.to_le_bytes());
            }
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn get(bytes: &[u8]) -> Self {
                <$int>::from_le_bytes(array(bytes))
            }
        }
    )*};
}

integer_fields!(u8, u16, u32);

impl Codec for bool {
    const LEN: usize = 1;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn put(self, out: &mut [u8]) {
        out[0] = u8::from(self);
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn get(bytes: &[u8]) -> Self {
        u8::get(bytes) == 1
    }
}

/// A run of bytes somewhere in the table: start and length, two `u32`s.
macro_rules! range_fields {
    ($($(#[$doc:meta])* $name:ident),*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name {
            /// Where it starts.
            pub start: u32,
            /// How many bytes it has.
            pub len: u32,
        }

        impl Codec for $name {
            const LEN: usize = 8;
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn put(self, out: &mut [u8]) {
                self.start.put(&mut out[..4]);
                self.len.put(&mut out[4..]);
            }
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn get(bytes: &[u8]) -> Self {
                $name {
                    start: u32::get(bytes),
                    len: u32::get(bytes.get(4..).unwrap_or(&[])),
                }
            }
        }

        impl $name {
            /// Its bytes as a `usize` range.
            #[cfg_attr(not(debug_assertions), inline(always))]
            #[must_use]
            pub fn range(self) -> core::ops::Range<usize> {
                let start = self.start as usize;
                start..start.saturating_add(self.len as usize)
            }
        }
    )*};
}

range_fields! {
    /// A string in `strings`.
    StrRange,
    /// A run of entries in `data`.
    Section
}

/// An index into `hot`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hot(pub u32);

impl<const N: usize, T: Codec + Copy + Default> Codec for [T; N] {
    const LEN: usize = N * T::LEN;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn put(self, out: &mut [u8]) {
        for (index, item) in self.into_iter().enumerate() {
            item.put(&mut out[index * T::LEN..(index + 1) * T::LEN]);
        }
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn get(bytes: &[u8]) -> Self {
        let mut out = [T::default(); N];
        for (index, item) in out.iter_mut().enumerate() {
            *item = T::get(bytes.get(index * T::LEN..).unwrap_or(&[]));
        }
        out
    }
}

impl Codec for Hot {
    const LEN: usize = 4;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn put(self, out: &mut [u8]) {
        self.0.put(out);
    }
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn get(bytes: &[u8]) -> Self {
        Hot(u32::get(bytes))
    }
}

/// An entry: a struct of [`Codec`]s laid out one after the other, in the
/// order written, with `LEN`, `encode` and `decode`.
macro_rules! entry {
    ($(#[$doc:meta])* pub struct $name:ident {
        $($(#[$field_doc:meta])* pub $field:ident: $ty:ty,)*
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name {
            $($(#[$field_doc])* pub $field: $ty,)*
        }

        impl $name {
            /// The entry's size in bytes.
            pub const LEN: usize = 0 $(+ <$ty as Codec>::LEN)*;

            /// The entry's bytes.
            #[must_use]
            pub fn encode(self) -> [u8; Self::LEN] {
                let mut out = [0; Self::LEN];
                let mut at = 0;
                $(
                    Codec::put(self.$field, &mut out[at..at + <$ty as Codec>::LEN]);
                    at += <$ty as Codec>::LEN;
                )*
                let _ = at;
                out
            }

            /// The entry read from its bytes.
            #[cfg_attr(not(debug_assertions), inline(always))]
            #[must_use]
            pub fn decode(bytes: &[u8; Self::LEN]) -> Self {
                let mut at = 0;
                $(
                    let $field = <$ty as Codec>::get(bytes.get(at..).unwrap_or(&[]));
                    at += <$ty as Codec>::LEN;
                )*
                let _ = at;
                $name { $($field,)* }
            }
        }
    };
}

/// A one-byte kind: an enum with `u8` discriminants. An unknown byte reads as
/// the first kind, which the interpreter treats as writing nothing.
macro_rules! tag {
    ($(#[$doc:meta])* pub enum $name:ident {
        $($(#[$kind_doc:meta])* $kind:ident = $byte:literal,)*
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        #[repr(u8)]
        pub enum $name {
            #[default]
            $($(#[$kind_doc])* $kind = $byte,)*
        }

        impl $name {
            /// Every kind, in order.
            pub const ALL: &'static [$name] = &[$($name::$kind),*];
        }

        impl Codec for $name {
            const LEN: usize = 1;
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn put(self, out: &mut [u8]) {
                out[0] = self as u8;
            }
            #[cfg_attr(not(debug_assertions), inline(always))]
            fn get(bytes: &[u8]) -> Self {
                match u8::get(bytes) {
                    $($byte => $name::$kind,)*
                    _ => $name::default(),
                }
            }
        }
    };
}

entry! {
    /// The start of `data`: how many variants the type has.
    pub struct List {
        /// The number of [`VariantEntry`]s that follow.
        pub count: u32,
    }
}

tag! {
    /// What a variant is.
    pub enum VariantKind {
        /// It delegates to its field's type (`transparent`): no record.
        Transparent = 0,
        /// It has its own code, and a record.
        Coded = 1,
        /// One of the rows of a `framework` variant: a record of its own,
        /// an answer to a framework error (left out of the type's OpenAPI
        /// responses, which list what its handlers return).
        Row = 2,
    }
}

entry! {
    /// One variant, in declaration order.
    pub struct VariantEntry {
        /// What it is.
        pub kind: VariantKind,
        /// Where its [`RecordEntry`] starts in `data` (a coded variant's).
        pub record: u32,
        /// Its name (for the table's description).
        pub name: StrRange,
    }
}

entry! {
    /// A coded variant's record.
    pub struct RecordEntry {
        /// The full wire code.
        pub code: u16,
        /// The HTTP status.
        pub status: u16,
        /// The capacity `write_json` reserves before writing the body: its
        /// constant bytes and a guess for each field, so that the usual
        /// body is written with one allocation.
        pub size_hint: u32,
        /// Whether its body may embed sub-errors (the OpenAPI example then
        /// asks the embedded type for its own).
        pub has_sub_errors: bool,
        /// The variant's name.
        pub name: StrRange,
        /// The title as written.
        pub title_template: StrRange,
        /// The variant's doc comment.
        pub description: StrRange,
        /// What `detail` documents.
        pub detail_doc: StrRange,
        /// What `verbose` documents.
        pub verbose_doc: StrRange,
        /// The title for readers, placeholders named.
        pub readable_title: StrRange,
        /// The `detail` documentation for readers.
        pub readable_detail: StrRange,
        /// The URI the format identifies the error's type by (empty when
        /// the format has none).
        pub type_uri: StrRange,
        /// The example body.
        pub example: StrRange,
        /// The example sub-error (empty when the format embeds none).
        pub sub_example: StrRange,
        /// The fields in the display slots, in slot order, comma-separated
        /// (for the table's description).
        pub display_fields: StrRange,
        /// The fields in the serde slots, likewise.
        pub serde_fields: StrRange,
        /// The member that holds the sub-errors, and the key inside it
        /// (`has_sub_errors` only): where the OpenAPI example puts the
        /// embedded type's example.
        pub sub_errors_at: [Hot; 2],
        /// The serde struct name of the body.
        pub struct_name: Hot,
        /// The serde struct name of the body as a sub-error.
        pub sub_struct_name: Hot,
        /// The title's [`Piece`]s.
        pub title: Section,
        /// The body's write program ([`Op`]s).
        pub body: Section,
        /// The body's serde [`Member`]s, in wire order.
        pub members: Section,
        /// The sub-error's write program.
        pub sub_body: Section,
        /// The sub-error's serde members.
        pub sub_members: Section,
    }
}

tag! {
    /// What a title piece is.
    pub enum PieceKind {
        /// Literal text (`literal`).
        Literal = 0,
        /// A field's text (`slot`).
        Display = 1,
    }
}

entry! {
    /// A piece of a text (a title, a text `detail`).
    pub struct Piece {
        /// What it is.
        pub kind: PieceKind,
        /// The display slot of a field's piece.
        pub slot: u32,
        /// The literal text of a literal piece.
        pub literal: Hot,
    }
}

tag! {
    /// What a write op writes between its `before` and `after` bytes.
    pub enum OpKind {
        /// Nothing: only the bytes after (the program's first op).
        Bytes = 0,
        /// A display slot, JSON-escaped (`before` is empty).
        Display = 1,
        /// A display slot that may be empty: when it is, neither `before`
        /// (the member's `,"key":"`) nor the closing quote is written.
        OptDisplay = 2,
        /// A serde slot's value, `null` if absent or failing (`before` is
        /// empty).
        SerdeOrNull = 3,
        /// A serde slot's value as a member (`before`: `,"key":`), left out
        /// if absent or failing.
        SerdeOrOmit = 4,
        /// The sub-errors (`before`: `,"key":{"inner":`; `after` closes the
        /// brace), left out when there are none.
        SubErrors = 5,
    }
}

entry! {
    /// One step of a write program.
    pub struct Op {
        /// What it writes.
        pub kind: OpKind,
        /// The slot it reads (display or serde, by `kind`).
        pub slot: u32,
        /// What is written before the value, when the value is written at
        /// all (pre-escaped JSON).
        pub before: StrRange,
        /// What is written after it in any case: the constant JSON up to
        /// the next op.
        pub after: StrRange,
    }
}

tag! {
    /// Where a serde member's value comes from.
    pub enum MemberKind {
        /// `null`.
        Null = 0,
        /// A number (`number`).
        Number = 1,
        /// A constant string (`string`).
        String = 2,
        /// A constant object (`section`: its [`ConstMember`]s).
        Object = 3,
        /// A text (`section`: its [`Piece`]s).
        Text = 4,
        /// A display slot as a string.
        Display = 5,
        /// A display slot as a string, left out when empty.
        OptDisplay = 6,
        /// A serde slot's value, `null` if absent or failing.
        SerdeOrNull = 7,
        /// A serde slot's value, left out if absent or failing.
        SerdeOrOmit = 8,
        /// The sub-errors under one more key (`string`), `{"inner": …}`,
        /// left out when there are none.
        SubErrors = 9,
    }
}

entry! {
    /// A member of a body's (or a constant object's) serde struct.
    pub struct Member {
        /// Its key.
        pub key: Hot,
        /// Where its value comes from.
        pub kind: MemberKind,
        /// The display or serde slot it reads.
        pub slot: u32,
        /// A number's value.
        pub number: u16,
        /// A string's value, or the inner key of sub-errors.
        pub string: Hot,
        /// A constant object's members, or a text's pieces.
        pub section: Section,
    }
}

tag! {
    /// What a constant object's member holds.
    pub enum ConstKind {
        /// `null`.
        Null = 0,
        /// A number (`number`).
        Number = 1,
        /// A string (`string`).
        String = 2,
        /// An object (`section`: its members).
        Object = 3,
    }
}

entry! {
    /// A member of a constant object (entrecode's `_links`): a constant,
    /// of its own entry type so that nothing but a constant can be there.
    pub struct ConstMember {
        /// Its key.
        pub key: Hot,
        /// What it holds.
        pub kind: ConstKind,
        /// A number's value.
        pub number: u16,
        /// A string's value.
        pub string: Hot,
        /// An object's members.
        pub section: Section,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Codec, ConstMember, List, Member, MemberKind, Op, OpKind, Piece, PieceKind, RecordEntry,
        VariantEntry, VariantKind,
    };

    /// A xorshift stream of bytes: random entries without a dependency.
    struct Noise(u32);

    impl Noise {
        fn bytes<const N: usize>(&mut self) -> [u8; N] {
            let mut out = [0; N];
            for byte in &mut out {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 17;
                self.0 ^= self.0 << 5;
                *byte = self.0.to_le_bytes()[1];
            }
            out
        }
    }

    /// Every entry decodes what it encoded, for random entries (random
    /// bytes decoded: every field random, every tag a valid kind), and
    /// decoding is the inverse of encoding on bytes that encode an entry.
    macro_rules! round_trips {
        ($noise:expr, $($entry:ty),*) => {$(
            for _ in 0..2000 {
                let entry = <$entry>::decode(&$noise.bytes());
                let bytes = entry.encode();
                assert_eq!(<$entry>::decode(&bytes), entry, "{}", stringify!($entry));
                assert_eq!(<$entry>::decode(&bytes).encode(), bytes);
            }
        )*};
    }

    #[test]
    fn every_entry_round_trips_through_its_codec() {
        let mut noise = Noise(0x2545_f491);
        round_trips!(
            noise,
            List,
            VariantEntry,
            RecordEntry,
            Piece,
            Op,
            Member,
            ConstMember
        );
    }

    /// Every field takes its own bytes: changing one field of an entry
    /// changes the encoding, and only where that field is (checked by
    /// re-decoding: the other fields are unchanged).
    #[test]
    fn fields_do_not_overlap() {
        let base = Member {
            kind: MemberKind::Text,
            number: 7,
            ..Member::default()
        };
        let changed = [
            Member { slot: 9, ..base },
            Member { number: 8, ..base },
            Member {
                kind: MemberKind::SubErrors,
                ..base
            },
            Member {
                key: super::Hot(3),
                ..base
            },
            Member {
                string: super::Hot(5),
                ..base
            },
        ];
        for entry in changed {
            assert_ne!(entry.encode(), base.encode());
            assert_eq!(Member::decode(&entry.encode()), entry);
        }
        assert_eq!(
            Member::LEN,
            4 + 1 + 4 + 2 + 4 + 8,
            "key, kind, slot, number, string, section"
        );
        assert_eq!(Op::LEN, 1 + 4 + 8 + 8, "kind, slot, before, after");
        assert_eq!(Piece::LEN, 1 + 4 + 4, "kind, slot, literal");
    }

    /// A byte that is no kind reads as the first kind (which writes
    /// nothing), and a field past the end of its bytes as zero.
    #[test]
    fn unknown_tags_and_short_bytes_read_as_defaults() {
        for byte in 0..=u8::MAX {
            let op = OpKind::get(&[byte]);
            match OpKind::ALL.get(usize::from(byte)) {
                Some(kind) => assert_eq!(op, *kind),
                None => assert_eq!(op, OpKind::Bytes),
            }
        }
        assert_eq!(VariantKind::get(&[9]), VariantKind::Transparent);
        assert_eq!(PieceKind::get(&[]), PieceKind::Literal);
        assert_eq!(u32::get(&[1, 2]), 0, "a field cut short reads as zero");
        assert_eq!(u32::get(&[1, 2, 0, 0, 9]), 0x0201);
        assert_eq!(u16::get(&[]), 0);
        assert!(!bool::get(&[2]));
    }
}
