//! The fast path's compile-time parts: member keys as JSON and the size
//! hint (the program itself is encoded by `table`).

use crate::common::escape::escape_into;
use crate::plan::Part;
use crate::plan::{Object, Source};

/// What a runtime text (a `Display` field) is guessed to add, for the
/// buffer's first capacity.
const TEXT_HINT: usize = 32;
/// What a serde value is guessed to add.
const SERDE_HINT: usize = 128;
/// What sub-errors are guessed to add: one sub-error (entrecode's) is about 150
/// bytes (code, title, type URL, detail).
const EMBED_HINT: usize = 256;

/// `"key":`, with the comma that separates it from the member before.
pub fn key_bytes(index: usize, key: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(key.len() + 4);
    if index > 0 {
        bytes.push(b',');
    }
    bytes.push(b'"');
    escape_into(key, &mut bytes);
    bytes.extend_from_slice(b"\":");
    bytes
}

/// The buffer capacity that fits a variant's body: its constant bytes plus a
/// guess for each runtime part.
pub fn size_hint(object: &Object<'_>) -> usize {
    let mut constant = Vec::new();
    let mut runtime = 0;
    for (index, member) in object.members.iter().enumerate() {
        constant.extend_from_slice(&key_bytes(index, &member.key));
        match &member.value {
            Source::Const(value) => value.write_json(&mut constant),
            Source::Text(text, _) => {
                runtime += TEXT_HINT
                    * text
                        .iter()
                        .filter(|piece| matches!(piece, Part::Field(_)))
                        .count();
            }
            Source::Display(..) => runtime += TEXT_HINT,
            Source::Serde(..) => runtime += SERDE_HINT,
            Source::SubErrors { .. } => runtime += EMBED_HINT,
        }
    }
    constant.len() + 2 + runtime
}
