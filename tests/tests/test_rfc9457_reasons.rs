//! The rfc9457 format's table of reason phrases
//! (`error-derive/src/format/rfc9457/reasons.rs`) against the IANA HTTP
//! Status Code Registry, checked by hand here.
//!
//! The table lives in the proc-macro crate, whose non-macro items no other
//! crate can name (a proc-macro crate exports only its macros), so this test
//! compiles the same source file into itself with `#[path]`: what it checks
//! is the text the derive compiles, not a copy of it.

#[path = "../../error-derive/src/format/rfc9457/reasons.rs"]
mod reasons;

use reasons::{REASONS, reason_phrase};

/// Phrases written out by hand from the registry (RFC 9110 §15, RFC 6585,
/// RFC 4918, RFC 8470, RFC 7725, RFC 2295, RFC 5842).
const WELL_KNOWN: &[(u16, &str)] = &[
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (425, "Too Early"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (511, "Network Authentication Required"),
];

#[test]
fn test_well_known_statuses_have_the_registry_phrase() {
    for &(status, phrase) in WELL_KNOWN {
        assert_eq!(reason_phrase(status), Some(phrase), "status {status}");
    }
}

#[test]
fn test_the_phrases_rfc9110_renamed_are_the_new_ones() {
    // RFC 9110 renamed 413 ("Payload Too Large"), 416 ("Requested Range Not
    // Satisfiable") and 422 ("Unprocessable Entity"); an about:blank title
    // must be the registry's current phrase.
    for old in [
        "Payload Too Large",
        "Request Entity Too Large",
        "Requested Range Not Satisfiable",
        "Unprocessable Entity",
        "I'm a teapot",
    ] {
        assert!(
            REASONS.iter().all(|&(_, phrase)| phrase != old),
            "{old:?} is not a registered phrase"
        );
    }
}

#[test]
fn test_statuses_without_a_registered_phrase_are_absent() {
    // 418 is registered as "(Unused)" and 510 as obsoleted; the others are
    // unassigned (499 is nginx's, not the registry's), or not errors.
    for status in [
        0,
        100,
        200,
        399,
        418,
        419,
        420,
        427,
        430,
        432,
        450,
        452,
        499,
        509,
        510,
        512,
        599,
        600,
        u16::MAX,
    ] {
        assert_eq!(reason_phrase(status), None, "status {status}");
    }
}

#[test]
fn test_the_table_is_sorted_unique_and_only_error_statuses() {
    assert!(
        REASONS.windows(2).all(|pair| pair[0].0 < pair[1].0),
        "sorted by status, each status once (reason_phrase searches it by halves)"
    );
    for &(status, phrase) in REASONS {
        assert!((400..=599).contains(&status), "status {status}");
        assert_eq!(reason_phrase(status), Some(phrase), "status {status}");
        assert!(
            !phrase.is_empty() && phrase.trim() == phrase && !phrase.contains("  "),
            "status {status}: {phrase:?}"
        );
    }
}

#[test]
fn test_the_registry_has_28_client_and_10_server_error_phrases() {
    // Counted by hand in the registry: 400–417, 421–426, 428, 429, 431, 451;
    // 500–508, 511.
    let client = REASONS.iter().filter(|(status, _)| *status < 500).count();
    let server = REASONS.iter().filter(|(status, _)| *status >= 500).count();
    assert_eq!((client, server), (28, 10));
}
