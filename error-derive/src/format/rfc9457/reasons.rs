//! The reason phrases of the IANA HTTP Status Code Registry for the error
//! statuses, 400..=599: the `title` an about:blank problem must have
//! (RFC 9457 §4.2.1: about:blank means nothing beyond the status).
//!
//! Transcribed from the registry (RFC 9110 §15 and the RFCs it lists for
//! the other codes). A status without a registered phrase is absent: the
//! unassigned ones, 418 (registered as "(Unused)") and 510 (registered as
//! obsoleted). An about:blank problem on one of them has no title to use.

/// `(status, reason phrase)` for every error status with a registered
/// phrase, sorted by status, each status once.
pub const REASONS: &[(u16, &str)] = &[
    (400, "Bad Request"),                     // RFC 9110
    (401, "Unauthorized"),                    // RFC 9110
    (402, "Payment Required"),                // RFC 9110
    (403, "Forbidden"),                       // RFC 9110
    (404, "Not Found"),                       // RFC 9110
    (405, "Method Not Allowed"),              // RFC 9110
    (406, "Not Acceptable"),                  // RFC 9110
    (407, "Proxy Authentication Required"),   // RFC 9110
    (408, "Request Timeout"),                 // RFC 9110
    (409, "Conflict"),                        // RFC 9110
    (410, "Gone"),                            // RFC 9110
    (411, "Length Required"),                 // RFC 9110
    (412, "Precondition Failed"),             // RFC 9110
    (413, "Content Too Large"),               // RFC 9110
    (414, "URI Too Long"),                    // RFC 9110
    (415, "Unsupported Media Type"),          // RFC 9110
    (416, "Range Not Satisfiable"),           // RFC 9110
    (417, "Expectation Failed"),              // RFC 9110
    (421, "Misdirected Request"),             // RFC 9110
    (422, "Unprocessable Content"),           // RFC 9110
    (423, "Locked"),                          // RFC 4918
    (424, "Failed Dependency"),               // RFC 4918
    (425, "Too Early"),                       // RFC 8470
    (426, "Upgrade Required"),                // RFC 9110
    (428, "Precondition Required"),           // RFC 6585
    (429, "Too Many Requests"),               // RFC 6585
    (431, "Request Header Fields Too Large"), // RFC 6585
    (451, "Unavailable For Legal Reasons"),   // RFC 7725
    (500, "Internal Server Error"),           // RFC 9110
    (501, "Not Implemented"),                 // RFC 9110
    (502, "Bad Gateway"),                     // RFC 9110
    (503, "Service Unavailable"),             // RFC 9110
    (504, "Gateway Timeout"),                 // RFC 9110
    (505, "HTTP Version Not Supported"),      // RFC 9110
    (506, "Variant Also Negotiates"),         // RFC 2295
    (507, "Insufficient Storage"),            // RFC 4918
    (508, "Loop Detected"),                   // RFC 5842
    (511, "Network Authentication Required"), // RFC 6585
];

/// The registered reason phrase of `status`, or `None` when the registry
/// has none (an unassigned status, 418, 510, or one outside 400..=599).
#[must_use]
pub fn reason_phrase(status: u16) -> Option<&'static str> {
    REASONS
        .binary_search_by_key(&status, |&(registered, _)| registered)
        .ok()
        .map(|index| REASONS[index].1)
}
