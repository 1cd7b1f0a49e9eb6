//! The variant table as text, for a reviewer: what each variant writes on
//! the fast path (its write program) and on the serde path (its members),
//! read back from the table the derive encoded. `docs::variant_table`
//! publishes it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use super::table::{Record, Table, entries_of};
use crate::common::layout::{
    ConstKind, ConstMember, Member, MemberKind, Op, OpKind, Piece, PieceKind, Section, VariantKind,
};

impl Table {
    /// Every variant, one block each (see `docs::variant_table`).
    #[must_use]
    pub fn describe(self) -> String {
        let mut out = String::new();
        for (entry, record) in self.entries().zip(self.variants()) {
            let name = self.string(entry.name);
            match (entry.kind, record) {
                (VariantKind::Coded | VariantKind::Row, Some(record)) => {
                    describe_record(&mut out, name, record);
                }
                _ => {
                    let _ = writeln!(out, "{name}: transparent (its field's type writes it)");
                }
            }
        }
        out
    }
}

fn describe_record(out: &mut String, name: &str, record: Record) {
    let (table, entry) = (record.table, record.entry);
    let slots = |fields: &'static str| -> Vec<&'static str> {
        if fields.is_empty() {
            Vec::new()
        } else {
            fields.split(", ").collect()
        }
    };
    let displays = slots(table.string(entry.display_fields));
    let values = slots(table.string(entry.serde_fields));
    let names = Names {
        displays: &displays,
        values: &values,
    };
    let _ = writeln!(out, "{name}: code {}, status {}", entry.code, entry.status);
    let _ = writeln!(out, "  title: {}", pieces(table, entry.title, &names));
    program(out, "write_json", table, entry.body, &names);
    members(
        out,
        &format!("serde (struct {})", table.hot(entry.struct_name)),
        table,
        entry.members,
        &names,
    );
    // A sub-error has members (its code at least) whenever it has a body.
    if entry.sub_members.len > 0 {
        program(
            out,
            "write_json as a sub-error",
            table,
            entry.sub_body,
            &names,
        );
        members(
            out,
            &format!(
                "serde as a sub-error (struct {})",
                table.hot(entry.sub_struct_name)
            ),
            table,
            entry.sub_members,
            &names,
        );
    }
}

/// The field names of a variant's slots.
struct Names<'a> {
    displays: &'a [&'static str],
    values: &'a [&'static str],
}

impl Names<'_> {
    fn display(&self, slot: u32) -> &str {
        self.displays.get(slot as usize).copied().unwrap_or("?")
    }

    fn value(&self, slot: u32) -> &str {
        self.values.get(slot as usize).copied().unwrap_or("?")
    }
}

/// A text: literal pieces quoted, fields as `{name}`.
fn pieces(table: Table, section: Section, names: &Names<'_>) -> String {
    let mut out = String::new();
    for piece in entries_of!(table, section, Piece) {
        if !out.is_empty() {
            out.push(' ');
        }
        match piece.kind {
            PieceKind::Literal => {
                let _ = write!(out, "{:?}", table.hot(piece.literal));
            }
            PieceKind::Display => {
                let _ = write!(out, "{{{}}}", names.display(piece.slot));
            }
        }
    }
    out
}

fn program(out: &mut String, what: &str, table: Table, section: Section, names: &Names<'_>) {
    let _ = writeln!(out, "  {what}:");
    for op in entries_of!(table, section, Op) {
        let before = table.string(op.before);
        let line = match op.kind {
            OpKind::Bytes => None,
            OpKind::Display => Some(format!("display {}", names.display(op.slot))),
            OpKind::OptDisplay => Some(format!(
                "if {} is Some: {before:?}, display {}, \"\\\"\"",
                names.display(op.slot),
                names.display(op.slot)
            )),
            OpKind::SerdeOrNull => Some(format!(
                "serde {}, null if absent or failing",
                names.value(op.slot)
            )),
            OpKind::SerdeOrOmit => Some(format!(
                "if {} is present and serialises: {before:?}, serde {}",
                names.value(op.slot),
                names.value(op.slot)
            )),
            OpKind::SubErrors => Some(format!(
                "if there are sub-errors: {before:?}, the sub-errors, \"}}\""
            )),
        };
        if let Some(line) = line {
            let _ = writeln!(out, "    {line}");
        }
        let after = table.string(op.after);
        if !after.is_empty() {
            let _ = writeln!(out, "    bytes `{after}`");
        }
    }
}

fn members(out: &mut String, what: &str, table: Table, section: Section, names: &Names<'_>) {
    let _ = writeln!(out, "  {what}:");
    for member in entries_of!(table, section, Member) {
        let slot = member.slot;
        let value = match member.kind {
            MemberKind::Null => String::from("null"),
            MemberKind::Number => format!("{}", member.number),
            MemberKind::String => format!("{:?}", table.hot(member.string)),
            MemberKind::Object => constant(table, member.section),
            MemberKind::Text => format!("text {}", pieces(table, member.section, names)),
            MemberKind::Display => format!("display {}", names.display(slot)),
            MemberKind::OptDisplay => {
                format!("display {}, left out when None", names.display(slot))
            }
            MemberKind::SerdeOrNull => {
                format!("serde {}, null if absent or failing", names.value(slot))
            }
            MemberKind::SerdeOrOmit => {
                format!("serde {}, left out if absent or failing", names.value(slot))
            }
            MemberKind::SubErrors => format!(
                "sub-errors under {:?}, left out when there are none",
                table.hot(member.string)
            ),
        };
        let _ = writeln!(out, "    {}: {value}", table.hot(member.key));
    }
}

/// A constant object, in JSON-like notation.
fn constant(table: Table, section: Section) -> String {
    let mut out = String::from("{");
    for (index, member) in entries_of!(table, section, ConstMember).enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}: ", table.hot(member.key));
        match member.kind {
            ConstKind::Null => out.push_str("null"),
            ConstKind::Number => {
                let _ = write!(out, "{}", member.number);
            }
            ConstKind::String => {
                let _ = write!(out, "{:?}", table.hot(member.string));
            }
            ConstKind::Object => out.push_str(&constant(table, member.section)),
        }
    }
    out.push('}');
    out
}
