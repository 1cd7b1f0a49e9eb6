//! The body plan: a format describes its JSON body as data, and
//! `expand::table` encodes any plan into the variant table: the fast path's
//! write program and the serde path's members (in the order of the format's
//! shape, which the runtime serialises). A format therefore never writes
//! serialisation code of its own, and both paths agree by construction.
//!
//! An object's first member must always be present (the comma rule of the
//! fast path relies on it); every format's first member is a constant code or
//! status.

use crate::common::escape::escape_into;
use crate::model::Text;
use crate::parse::Field;

/// A JSON object: members in wire order. (Its serde struct name belongs to
/// the format's shape, which the runtime serialises.)
pub struct Object<'a> {
    /// The members, in order.
    pub members: Vec<Member<'a>>,
}

/// `"key": value`.
pub struct Member<'a> {
    /// The key, written as is (keys are plain ASCII).
    pub key: &'static str,
    /// The value.
    pub value: Value<'a>,
}

/// Where a member's value comes from.
pub enum Value<'a> {
    /// Fixed at compile time.
    Const(Const),
    /// A string of literal text and fields' `Display`.
    Text(&'a Text<'a>),
    /// A field's `Display`, as a string. A field written `Option<…>` leaves
    /// the member out when `None`.
    Display(&'a Field),
    /// A field serialised with serde.
    Serde(&'a Field, OnError),
    /// entrecode sub-errors, `{"error": …}`; left out when there are none.
    Embed(&'a Field),
}

/// What a serde value becomes when its `Serialize` fails.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// `null` (Oz `details`). An `Option` field is `null` when `None`.
    Null,
    /// The member is left out (entrecode `verbose`), as it is for `None`.
    Omit,
}

/// A JSON value known at compile time.
#[derive(Clone)]
pub enum Const {
    /// `null`.
    Null,
    /// A number.
    Int(u16),
    /// A string.
    Str(String),
    /// An object.
    Object(Vec<(&'static str, Const)>),
}

impl Const {
    /// Appends the value's JSON, exactly as `serde_json` writes it.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Const::Null => out.extend_from_slice(b"null"),
            Const::Int(number) => out.extend_from_slice(number.to_string().as_bytes()),
            Const::Str(text) => {
                out.push(b'"');
                escape_into(text, out);
                out.push(b'"');
            }
            Const::Object(members) => {
                out.push(b'{');
                for (index, (key, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(b',');
                    }
                    Const::Str((*key).to_owned()).write_json(out);
                    out.push(b':');
                    value.write_json(out);
                }
                out.push(b'}');
            }
        }
    }
}
