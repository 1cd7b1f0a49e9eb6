//! The layout of a derived type's variant table: the derive encodes it, the
//! runtime (`__private::table`) reads it.
//!
//! Why a table: everything about a variant that is constant (its body's
//! pre-escaped JSON, its serde members, its title's pieces, its catalog row,
//! its example) costs rustc nothing as one byte-string and one string
//! literal, while the same data as generated code costs type checking,
//! borrow checking and code generation in every build of the user's crate
//! (BENCHMARKS.md, "Compile time"). Generated code keeps only what needs the
//! user's types: one `match` that hands each variant's fields to the table's
//! interpreter.
//!
//! `code` (bytes) holds numbers, little-endian, and ranges: a range is two
//! `u32`, a start and a length, into `text` (one string literal, so that
//! every slice of it is a `&'static str`) for a string, or into `code` for a
//! section. The strings the serde path and `title()` hand out (literal title
//! pieces, constant member values) are rather an index into `strs`, an array
//! of string literals: taking one costs a bounds check, not the two
//! character-boundary checks of slicing `text`. Every entry of a section
//! has a fixed size, so the interpreter walks it with `chunks_exact` and
//! reads fields at constant offsets: no bounds check per field, which is
//! what keeps it close to straight-line code.
//!
//! `code` starts with the variant list: a `u16` count, then per variant
//! [`VARIANT_LEN`] bytes, a kind ([`VARIANT_OWN`] or
//! [`VARIANT_TRANSPARENT`]) and the `u32` offset of its record. A record is
//! a fixed header ([`HEADER_LEN`] bytes, fields at the offsets below); its
//! sections follow it.
//!
//! The serde path follows the body's *shape*: the members section has one
//! entry per key of the shape, in order, and the runtime serialises each
//! shape with straight-line code (its keys, its length), reading only the
//! entries' values; a generic loop over keyed members cost up to 17% over a
//! hand-written serde struct, straight-line code is within a few percent.

/// The length of a variant list entry.
pub const VARIANT_LEN: usize = 5;
/// A variant with its own code.
pub const VARIANT_OWN: u8 = 0;
/// A variant that delegates to its field's type.
pub const VARIANT_TRANSPARENT: u8 = 1;

/// Record header: the code (`u16`).
pub const CODE: usize = 0;
/// Record header: the status (`u16`).
pub const STATUS: usize = 2;
/// Record header: 1 if the variant embeds sub-errors (`u8`).
pub const HAS_EMBED: usize = 8;
/// Record header: the body's shape, which the serde path follows
/// ([`SHAPE_OZ`] or [`SHAPE_ENTRECODE`]; `u8`).
pub const SHAPE: usize = 9;
/// Record header: the variant's name (string).
pub const NAME: usize = 12;
/// Record header: the title as written (string).
pub const TITLE_TEMPLATE: usize = 20;
/// Record header: the variant's doc comment (string).
pub const DESCRIPTION: usize = 28;
/// Record header: what `detail` documents (string).
pub const DETAIL_DOC: usize = 36;
/// Record header: what `verbose` documents (string).
pub const VERBOSE_DOC: usize = 44;
/// Record header: the title for readers, placeholders named (string).
pub const READABLE_TITLE: usize = 52;
/// Record header: the `detail` documentation for readers (string).
pub const READABLE_DETAIL: usize = 60;
/// Record header: the example body (string).
pub const EXAMPLE: usize = 68;
/// Record header: the example sub-error (string; empty for Oz).
pub const SUB_EXAMPLE: usize = 76;
/// Record header: the title's pieces (section of [`PIECE_LEN`] entries).
pub const TITLE: usize = 84;
/// Record header: the body's write program (section of [`OP_LEN`]
/// entries).
pub const BODY: usize = 92;
/// Record header: the sub-error's write program.
pub const SUB_BODY: usize = 100;
/// Record header: the body's serde members, in the header itself (one
/// [`MEMBER_LEN`] entry per key of the shape, in order, up to
/// [`MAX_MEMBERS`]): reading them needs no bounds check beyond the
/// header's.
pub const MEMBERS: usize = 108;
/// The most members a body shape has.
pub const MAX_MEMBERS: usize = 8;
/// Record header: the sub-error's serde members, likewise.
pub const SUB_MEMBERS: usize = MEMBERS + MAX_MEMBERS * MEMBER_LEN;
/// The most members a sub-error shape has.
pub const MAX_SUB_MEMBERS: usize = 4;
/// The length of a record's header.
pub const HEADER_LEN: usize = SUB_MEMBERS + MAX_SUB_MEMBERS * MEMBER_LEN;

/// The Oz body: `error_code`, `error_message`, `details`.
pub const SHAPE_OZ: u8 = 0;
/// The entrecode problem: `status`, `code`, `title`, `type`, `detail`,
/// `verbose`, `_links`, `_embedded`; its sub-error: `code`, `title`, `type`,
/// `detail`.
pub const SHAPE_ENTRECODE: u8 = 1;

/// A title piece: tag, slot, two unused bytes, an index into `strs`.
pub const PIECE_LEN: usize = 8;
/// Title pieces: literal text.
pub const PIECE_LIT: u8 = 0;
/// Title pieces: a field's text (the slot).
pub const PIECE_ARG: u8 = 1;

/// A write op: tag, slot, two unused bytes, then two strings: what is
/// written before the op's value, when the value is written at all (a
/// member's key), and what is written after it in any case (the constant
/// JSON up to the next runtime part).
pub const OP_LEN: usize = 20;
/// Write program: nothing but the bytes after (the body's first op).
pub const OP_BYTES: u8 = 0;
/// Write program: a text slot, JSON-escaped.
pub const OP_TEXT: u8 = 1;
/// Write program: an optional text member (before: `,"key":"`), left out
/// when the slot is empty.
pub const OP_OPT_STRING: u8 = 2;
/// Write program: the serde value, `null` if it fails.
pub const OP_VALUE_OR_NULL: u8 = 3;
/// Write program: the serde value as a member (before: `,"key":`), left out
/// if absent or failing.
pub const OP_VALUE_OR_OMIT: u8 = 4;
/// Write program: `_embedded` (before: `,"key":`), left out when empty.
pub const OP_EMBED: u8 = 5;

/// A serde member (and a constant object's entry): tag, slot, an unused
/// byte, a `u16` number, two unused bytes, the key (a `strs` index; only an
/// object's entries have one, a shape's members take the shape's keys), the
/// value (a `strs` index, or a section's range).
pub const MEMBER_LEN: usize = 20;
/// Serde members: a number.
pub const MEMBER_INT: u8 = 0;
/// Serde members: a constant string.
pub const MEMBER_STR: u8 = 1;
/// Serde members: `null`.
pub const MEMBER_NULL: u8 = 2;
/// Serde members: a constant object (a section of entries).
pub const MEMBER_OBJECT: u8 = 3;
/// Serde members: a text (a section of pieces).
pub const MEMBER_TEXT: u8 = 4;
/// Serde members: a text slot as a string.
pub const MEMBER_DISPLAY: u8 = 5;
/// Serde members: the serde value, `null` if it fails.
pub const MEMBER_VALUE_OR_NULL: u8 = 6;
/// Serde members: a text slot as a string, left out when empty. (This and
/// the tags after it are the members that may be left out.)
pub const MEMBER_OPT_DISPLAY: u8 = 7;
/// Serde members: the serde value, left out if absent or failing.
pub const MEMBER_VALUE_OR_OMIT: u8 = 8;
/// Serde members: `{"error": …}`, left out when empty.
pub const MEMBER_EMBED: u8 = 9;
/// Serde members: a member of the shape this variant does not have (not
/// written, not skipped: it is not part of this variant's struct).
pub const MEMBER_ABSENT: u8 = 10;
