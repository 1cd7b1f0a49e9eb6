//! JSON string escaping, byte-for-byte as `serde_json` does it.
//!
//! Compiled into both crates: the derive escapes a variant's constant text when
//! it pre-renders the body, the runtime escapes what only exists at run time
//! (interpolated fields, `Display` details). Both must agree with
//! `serde_json::to_string`, which escapes `"`, `\` and the control characters
//! below U+0020 (with the short forms `\b \t \n \f \r`, else `\u00xx` in lower
//! case) and nothing else: not `/`, not DEL, not non-ASCII.

/// What a byte becomes: 0 = itself, `u` = `\u00xx`, else `\` and that byte.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `text` to `out` with JSON string escapes, without the quotes.
///
/// Runs of bytes that need no escape are copied in one call, the way
/// `serde_json` does it, so plain text costs one `extend_from_slice`.
pub fn escape_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[byte as usize];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..index]);
        if escape == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(byte >> 4) as usize],
                HEX[(byte & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        start = index + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}
