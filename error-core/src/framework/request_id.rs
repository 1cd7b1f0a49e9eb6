//! The request's id, as the error answers carry it: what a client sent in
//! `x-request-id` when it is safe to send back, else a generated one.
//!
//! A client's id is echoed on the error's response and logged, so one that
//! could forge a log line or bloat every answer is never taken: at most
//! [`MAX_LEN`] bytes, each visible ASCII (`!` to `~`). Anything else is
//! replaced by a generated id, which the service's inner layers and handlers
//! then see in its place.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;
use core::hash::{BuildHasher, Hasher};
use core::sync::atomic::{AtomicU64, Ordering};
use std::collections::hash_map::RandomState;

/// The header that carries the id, in requests and in responses.
pub(crate) const HEADER: &str = "x-request-id";

/// The longest id taken from a client, in bytes.
pub(crate) const MAX_LEN: usize = 200;

/// Whether a client's id can be echoed as it is.
pub(crate) fn acceptable(id: &[u8]) -> bool {
    !id.is_empty() && id.len() <= MAX_LEN && id.iter().all(|byte| (b'!'..=b'~').contains(byte))
}

/// A new id: 32 hex digits, unpredictable (the standard library's random
/// hasher keys, over a counter), unique within the process.
pub(crate) fn generate() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut id = String::with_capacity(32);
    for half in 0..2u64 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(count);
        hasher.write_u64(half);
        let _ = write!(id, "{:016x}", hasher.finish());
    }
    id
}

/// `body`, a JSON object, with `"member":"id"` as its last member. The
/// id is visible ASCII (it was accepted or generated), so escaping it is
/// escaping `"` and `\`.
pub(crate) fn append(body: &[u8], member: &str, id: &[u8]) -> Vec<u8> {
    let Some((b'}', members)) = body.split_last() else {
        // Not an object: nothing of ours; left as it is.
        return body.to_vec();
    };
    let mut out = Vec::with_capacity(body.len() + member.len() + id.len() + 8);
    out.extend_from_slice(members);
    if members != b"{" {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(member.as_bytes());
    out.extend_from_slice(b"\":\"");
    for &byte in id {
        if matches!(byte, b'"' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.extend_from_slice(b"\"}");
    out
}

/// The body of an answer marked `answered`, written again with the id last,
/// when its type asks for one (`request_id = "name"`). The mark's handle on
/// the body is taken: a layer further out writes no second member.
pub(crate) fn body_with_id(
    answered: Option<&mut crate::__private::Answered>,
    id: &[u8],
) -> Option<Vec<u8>> {
    let (member, body) = answered?.request_id.take()?;
    Some(append(&body, member, id))
}

/// The span an error's log lines are written in: `request{request_id=…}`
/// when the request has an id (with the `tracing` feature), so that `grep`
/// finds the cause of the answer a client reports.
#[cfg(feature = "tracing")]
pub(crate) fn span(id: Option<&str>) -> Span {
    match id {
        Some(id) => tracing::error_span!("request", request_id = %id),
        None => tracing::Span::none(),
    }
}

/// Without `tracing` nothing is logged, and the span is nothing.
#[cfg(not(feature = "tracing"))]
pub(crate) fn span(_id: Option<&str>) -> Span {
    Span
}

#[cfg(feature = "tracing")]
pub(crate) use tracing::Span;

/// Without `tracing`: a span that is entered for nothing.
#[cfg(not(feature = "tracing"))]
#[derive(Clone, Debug, Default)]
pub(crate) struct Span;

#[cfg(not(feature = "tracing"))]
impl Span {
    /// Nothing to enter: a guard of nothing, as `tracing`'s would be.
    #[allow(
        clippy::unused_self,
        reason = "the signature of tracing's `Span::enter`"
    )]
    pub(crate) fn enter(&self) -> Entered {
        Entered
    }
}

/// Without `tracing`: the guard of a span entered for nothing.
#[cfg(not(feature = "tracing"))]
pub(crate) struct Entered;

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use alloc::string::String;

    use super::{MAX_LEN, acceptable, generate};

    #[test]
    fn an_id_is_taken_when_short_and_visible_ascii() {
        assert!(acceptable(b"req-42"));
        assert!(acceptable(b"!~"));
        assert!(acceptable(&[b'a'; MAX_LEN]));
        assert!(!acceptable(&[b'a'; MAX_LEN + 1]));
        assert!(!acceptable(b""));
        assert!(!acceptable(b"two words"));
        assert!(!acceptable(b"line\nbreak"));
        assert!(!acceptable(b"tab\t"));
        assert!(!acceptable("caf\u{e9}".as_bytes()));
        assert!(!acceptable(b"\x7f"));
    }

    #[test]
    fn the_id_is_the_last_member_with_quotes_and_backslashes_escaped() {
        let append = |body: &str, id: &str| {
            String::from_utf8(super::append(body.as_bytes(), "trace_id", id.as_bytes())).unwrap()
        };
        assert_eq!(append(r#"{"a":1}"#, "r-1"), r#"{"a":1,"trace_id":"r-1"}"#);
        assert_eq!(append("{}", "r-1"), r#"{"trace_id":"r-1"}"#);
        assert_eq!(
            append(r#"{"a":1}"#, r#"a"b\c"#),
            r#"{"a":1,"trace_id":"a\"b\\c"}"#
        );
        let value: serde_json::Value =
            serde_json::from_str(&append(r#"{"a":1}"#, r#"a"b\c"#)).unwrap();
        assert_eq!(value["trace_id"], r#"a"b\c"#);
        assert_eq!(append("[1]", "r-1"), "[1]");
    }

    #[test]
    fn generated_ids_are_acceptable_and_distinct() {
        let ids: Vec<_> = (0..100).map(|_| generate()).collect();
        for id in &ids {
            assert_eq!(id.len(), 32, "{id}");
            assert!(id.bytes().all(|byte| byte.is_ascii_hexdigit()), "{id}");
            assert!(acceptable(id.as_bytes()));
        }
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
    }
}
