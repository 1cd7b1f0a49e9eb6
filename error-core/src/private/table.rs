//! The variant table: reading it (layout and codec: `common/layout.rs`).
//!
//! Generated code has one `match` (`ApiError::__visit`) whose arms call
//! [`visit`](super::visit) with the variant's record and its fields; this
//! file reads what the record says. Nothing here panics: a read outside the
//! table gives an empty string, an empty section or a zeroed entry.
#![allow(
    clippy::inline_always,
    reason = "inlined into each generated arm, the table reads fold into constants (BENCHMARKS.md)"
)]

use alloc::vec::Vec;

use super::Example;
use crate::ErrorInfo;
use crate::common::layout::{Hot, List, RecordEntry, Section, StrRange, VariantEntry, VariantKind};

/// A derived type's table: its entries, its strings, and its hot strings.
#[derive(Clone, Copy)]
pub struct Table {
    data: &'static [u8],
    strings: &'static str,
    hot: &'static [&'static str],
}

/// The entries of a section, decoded by `decode` (an entry of another size
/// cannot occur: `chunks_exact` guarantees the length, the conversion only
/// tells the compiler).
macro_rules! entries_of {
    ($table:expr, $section:expr, $entry:ty) => {
        $table
            .section($section)
            .chunks_exact(<$entry>::LEN)
            .filter_map(|bytes| <&[u8; <$entry>::LEN]>::try_from(bytes).ok())
            .map(<$entry>::decode)
    };
}
pub(super) use entries_of;

impl Table {
    /// The table the derive encoded.
    #[must_use]
    pub const fn new(
        data: &'static [u8],
        strings: &'static str,
        hot: &'static [&'static str],
    ) -> Self {
        Table { data, strings, hot }
    }

    /// A hot string.
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(super) fn hot(self, index: Hot) -> &'static str {
        let hot: &'static [&'static str] = self.hot;
        hot.get(index.0 as usize).copied().unwrap_or("")
    }

    /// A string of `strings`.
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(super) fn string(self, range: StrRange) -> &'static str {
        let strings: &'static str = self.strings;
        strings.get(range.range()).unwrap_or("")
    }

    /// The bytes of a string of `strings`.
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(super) fn bytes(self, range: StrRange) -> &'static [u8] {
        let strings: &'static [u8] = self.strings.as_bytes();
        strings.get(range.range()).unwrap_or(&[])
    }

    /// The bytes of a section of `data`.
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(super) fn section(self, section: Section) -> &'static [u8] {
        let data: &'static [u8] = self.data;
        data.get(section.range()).unwrap_or(&[])
    }

    /// The record at `offset`.
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(super) fn record(self, offset: usize) -> Record {
        let entry = self
            .data
            .get(offset..)
            .and_then(|rest| rest.get(..RecordEntry::LEN))
            .and_then(|bytes| <&[u8; RecordEntry::LEN]>::try_from(bytes).ok())
            .map(RecordEntry::decode)
            .unwrap_or_default();
        Record { table: self, entry }
    }

    /// Every variant's record, in order (`None` for a transparent one).
    pub(super) fn variants(self) -> impl Iterator<Item = Option<Record>> {
        self.entries().map(move |entry| match entry.kind {
            VariantKind::Coded | VariantKind::Row => Some(self.record(entry.record as usize)),
            VariantKind::Transparent => None,
        })
    }

    /// The variant list's entries, in order.
    pub(super) fn entries(self) -> impl Iterator<Item = VariantEntry> {
        let list = self
            .data
            .get(..List::LEN)
            .and_then(|bytes| <&[u8; List::LEN]>::try_from(bytes).ok())
            .map(List::decode)
            .unwrap_or_default();
        let len = (list.count as usize).saturating_mul(VariantEntry::LEN);
        let entries = Section {
            start: u32::try_from(List::LEN).unwrap_or(0),
            len: u32::try_from(len).unwrap_or(0),
        };
        entries_of!(self, entries, VariantEntry)
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
        for (kind, record) in self.entries().map(|entry| entry.kind).zip(self.variants()) {
            match record {
                // A framework answer: the operations that can give it list
                // it (`openapi::ErrorDocs`), not every response of the type.
                Some(_) if kind == VariantKind::Row => {}
                Some(record) => {
                    let entry = record.entry;
                    rows.push(Example {
                        name: self.string(entry.name),
                        code: entry.code,
                        status: entry.status,
                        title: self.string(entry.title_template),
                        body: self.string(entry.example),
                        embedded: if entry.has_sub_errors {
                            embedded.next().copied()
                        } else {
                            None
                        },
                        embedded_at: entry.sub_errors_at.map(|key| self.hot(key)),
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
            .map(|record| self.string(record.entry.sub_example))
    }
}

/// One variant's record: its table and its `RecordEntry`.
#[derive(Clone, Copy)]
pub struct Record {
    pub(super) table: Table,
    pub(super) entry: RecordEntry,
}

impl Record {
    /// The variant's catalog row.
    fn info(self) -> ErrorInfo {
        let (table, entry) = (self.table, self.entry);
        ErrorInfo::__new(
            table.string(entry.name),
            [entry.code, entry.status],
            [
                table.string(entry.title_template),
                table.string(entry.readable_title),
            ],
            table.string(entry.description),
            [
                table.string(entry.detail_doc),
                table.string(entry.readable_detail),
            ],
            table.string(entry.verbose_doc),
            table.string(entry.type_uri),
        )
    }
}
