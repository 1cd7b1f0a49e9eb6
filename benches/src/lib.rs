//! Fixtures of the benchmarks: the derived errors, and what a person would
//! write by hand for the same bodies.
//!
//! Each body is written here in several ways, and [`check`] proves that the
//! ways that claim the same bytes give them. The criterion benchmarks
//! (`benches/bodies.rs`) time them; `src/bin/ratios.rs` turns criterion's
//! results into the table and the chart of BENCHMARKS.md.

pub mod extract;
pub mod rfc9457;

use std::fmt::{self, Display, Write as _};

use api_errors::ApiError;
use serde::{Serialize, Serializer};

// ---------------------------------------------------------------------------
// The derived errors.

/// Oz: one body with `"details": null`, one with structured details.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
pub enum CapsuleError {
    /// Table title and status: `{"error_code":10,…,"details":null}`.
    #[api(code = 10)]
    NotFound,
    /// `details` is a serde value.
    #[api(code = 4, title = "Invalid value", detail = details)]
    InvalidValue {
        /// Which value, and why.
        details: Violation,
    },
}

/// The structured `details` of [`CapsuleError::InvalidValue`].
#[derive(Debug, Clone, Serialize)]
pub struct Violation {
    /// The property.
    pub field: String,
    /// What is wrong with it.
    pub reason: String,
    /// The smallest allowed value.
    pub min: u32,
    /// The largest allowed value.
    pub max: u32,
    /// The value received.
    pub got: i64,
}

/// entrecode: the seed example of the entrecode page (README's example).
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
pub enum DataManagerError {
    /// A required query parameter is missing.
    #[api(code = 202, detail = name, embed = cause)]
    MissingQuery {
        /// The parameter.
        name: String,
        /// Why it is missing.
        cause: Option<BodyError>,
    },
    /// A property has an invalid value: an interpolated title and a
    /// `Display` detail.
    #[api(code = 211, title = "Invalid value for {property}", detail = pointer)]
    InvalidProperty {
        /// The property's name.
        property: String,
        /// Where it is in the body.
        pointer: Pointer,
    },
}

/// The seed example's sub-error.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
pub enum BodyError {
    /// A property of the JSON body is missing.
    #[api(code = 201, title = "Missing property in JSON Body", detail = 0)]
    MissingProperty(String),
}

/// A JSON pointer into a request body (`/items/3/name`): a value known to the
/// wire only through its `Display`.
#[derive(Debug, Clone)]
pub struct Pointer(pub Vec<String>);

impl Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            write!(f, "/{segment}")?;
        }
        Ok(())
    }
}

/// The Oz body with `"details": null`.
#[must_use]
pub fn oz_null() -> CapsuleError {
    CapsuleError::NotFound
}

/// The Oz body with structured details.
#[must_use]
pub fn oz_details() -> CapsuleError {
    CapsuleError::InvalidValue {
        details: violation(),
    }
}

/// The details of [`oz_details`].
#[must_use]
pub fn violation() -> Violation {
    Violation {
        field: "count".into(),
        reason: "out of range".into(),
        min: 1,
        max: 100,
        got: 250,
    }
}

/// The entrecode seed example.
#[must_use]
pub fn seed() -> DataManagerError {
    DataManagerError::MissingQuery {
        name: "count".into(),
        cause: Some(BodyError::MissingProperty("property".into())),
    }
}

/// The interpolated variant.
#[must_use]
pub fn interpolated() -> DataManagerError {
    DataManagerError::InvalidProperty {
        property: "count".into(),
        pointer: Pointer(vec!["items".into(), "3".into(), "count".into()]),
    }
}

// ---------------------------------------------------------------------------
// Hand-written serde structs: the floor a careful user writes (borrowed
// `&str` fields, `collect_str` for `Display` values, no `String`s built).

/// An Oz body.
#[derive(Serialize)]
pub struct OzStruct<'a, D> {
    /// `error_code`.
    pub error_code: u16,
    /// `error_message`.
    pub error_message: &'a str,
    /// `details`.
    pub details: D,
}

/// An entrecode problem; `T` is the title, `D` the detail, `E` the embedded
/// sub-errors.
#[derive(Serialize)]
pub struct ProblemStruct<'a, T, D, E> {
    /// `status`.
    pub status: u16,
    /// `code`.
    pub code: u16,
    /// `title`.
    pub title: T,
    /// `type`.
    #[serde(rename = "type")]
    pub type_url: &'a str,
    /// `detail`.
    pub detail: D,
    /// `_links`.
    #[serde(rename = "_links")]
    pub links: Links<'a>,
    /// `_embedded`.
    #[serde(rename = "_embedded", skip_serializing_if = "Option::is_none")]
    pub embedded: Option<E>,
}

/// `_links`.
#[derive(Serialize)]
pub struct Links<'a> {
    /// `up`.
    pub up: Link<'a>,
    /// `describedby`.
    pub describedby: Link<'a>,
}

/// A HAL link.
#[derive(Serialize)]
pub struct Link<'a> {
    /// `title`.
    pub title: &'a str,
    /// `href`.
    pub href: &'a str,
}

/// `_embedded`.
#[derive(Serialize)]
pub struct Embedded<E> {
    /// `error`.
    pub error: E,
}

/// A sub-error.
#[derive(Serialize)]
pub struct SubStruct<'a> {
    /// `code`.
    pub code: u16,
    /// `title`.
    pub title: &'a str,
    /// `type`.
    #[serde(rename = "type")]
    pub type_url: &'a str,
    /// `detail`.
    pub detail: &'a str,
}

/// A value serialised as its `Display` (`collect_str`: no `String`).
pub struct Shown<'a, T: ?Sized>(pub &'a T);

impl<T: Display + ?Sized> Serialize for Shown<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

const UP: Link<'static> = Link {
    title: "Data Manager Home Page",
    href: "https://datamanager.entrecode.de",
};

/// [`oz_null`] as a serde struct.
///
/// # Panics
/// Never: writing into a `Vec` cannot fail.
pub fn oz_null_struct(out: &mut Vec<u8>) {
    let body = OzStruct {
        error_code: 10,
        error_message: "Resource not found",
        details: (),
    };
    serde_json::to_writer(out, &body).expect("serialises");
}

/// [`oz_details`] as a serde struct.
///
/// # Panics
/// Never: writing into a `Vec` cannot fail.
pub fn oz_details_struct(out: &mut Vec<u8>, details: &Violation) {
    let body = OzStruct {
        error_code: 4,
        error_message: "Invalid value",
        details,
    };
    serde_json::to_writer(out, &body).expect("serialises");
}

/// [`seed`] as a serde struct.
///
/// # Panics
/// Never: writing into a `Vec` cannot fail.
pub fn seed_struct(out: &mut Vec<u8>, name: &str, property: &str) {
    let body = ProblemStruct {
        status: 400,
        code: 2202,
        title: "Missing property in query string",
        type_url: "https://entrecode.de/doc/errors/2202",
        detail: name,
        links: Links {
            up: UP,
            describedby: Link {
                title: "Error Description",
                href: "https://entrecode.de/doc/errors/2202",
            },
        },
        embedded: Some(Embedded {
            error: SubStruct {
                code: 2201,
                title: "Missing property in JSON Body",
                type_url: "https://entrecode.de/doc/errors/2201",
                detail: property,
            },
        }),
    };
    serde_json::to_writer(out, &body).expect("serialises");
}

/// [`interpolated`] as a serde struct.
///
/// # Panics
/// Never: writing into a `Vec` cannot fail.
pub fn interpolated_struct(out: &mut Vec<u8>, property: &str, pointer: &Pointer) {
    let body = ProblemStruct::<_, _, ()> {
        status: 400,
        code: 2211,
        title: format_args!("Invalid value for {property}"),
        type_url: "https://entrecode.de/doc/errors/2211",
        detail: Shown(pointer),
        links: Links {
            up: UP,
            describedby: Link {
                title: "Error Description",
                href: "https://entrecode.de/doc/errors/2211",
            },
        },
        embedded: None,
    };
    serde_json::to_writer(out, &body).expect("serialises");
}

// ---------------------------------------------------------------------------
// Hand-written byte writers: each body's constant JSON as pre-escaped byte
// strings, runtime text escaped into the buffer (the practical limit).

/// Appends `text` JSON-escaped (without quotes), the way `serde_json` does.
pub fn escape(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let short = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x09 => b't',
            0x0a => b'n',
            0x0c => b'f',
            0x0d => b'r',
            0x00..=0x1f => b'u',
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..index]);
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(byte >> 4)]);
            out.push(HEX[usize::from(byte & 0xf)]);
        } else {
            out.extend_from_slice(&[b'\\', short]);
        }
        start = index + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// A `fmt::Write` that escapes into a buffer.
struct Escaping<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escape(text, self.0);
        Ok(())
    }
}

/// [`oz_null`] by hand.
pub fn oz_null_hand(out: &mut Vec<u8>) {
    out.extend_from_slice(
        br#"{"error_code":10,"error_message":"Resource not found","details":null}"#,
    );
}

/// [`oz_details`] by hand (the details through `serde_json`, the practical
/// way to write a structured value).
///
/// # Panics
/// Never: writing into a `Vec` cannot fail.
pub fn oz_details_hand(out: &mut Vec<u8>, details: &Violation) {
    out.extend_from_slice(br#"{"error_code":4,"error_message":"Invalid value","details":"#);
    serde_json::to_writer(&mut *out, details).expect("serialises");
    out.push(b'}');
}

/// [`seed`] by hand.
pub fn seed_hand(out: &mut Vec<u8>, name: &str, property: &str) {
    out.extend_from_slice(
        br#"{"status":400,"code":2202,"title":"Missing property in query string","type":"https://entrecode.de/doc/errors/2202","detail":""#,
    );
    escape(name, out);
    out.extend_from_slice(
        br#"","_links":{"up":{"title":"Data Manager Home Page","href":"https://datamanager.entrecode.de"},"describedby":{"title":"Error Description","href":"https://entrecode.de/doc/errors/2202"}},"_embedded":{"error":{"code":2201,"title":"Missing property in JSON Body","type":"https://entrecode.de/doc/errors/2201","detail":""#,
    );
    escape(property, out);
    out.extend_from_slice(br#""}}}"#);
}

/// [`interpolated`] by hand (the pointer through its `Display`).
pub fn interpolated_hand(out: &mut Vec<u8>, property: &str, pointer: &Pointer) {
    out.extend_from_slice(br#"{"status":400,"code":2211,"title":"Invalid value for "#);
    escape(property, out);
    out.extend_from_slice(br#"","type":"https://entrecode.de/doc/errors/2211","detail":""#);
    // Writing into a Vec cannot fail.
    let _ = write!(Escaping(out), "{pointer}");
    out.extend_from_slice(
        br#"","_links":{"up":{"title":"Data Manager Home Page","href":"https://datamanager.entrecode.de"},"describedby":{"title":"Error Description","href":"https://entrecode.de/doc/errors/2211"}}}"#,
    );
}

// ---------------------------------------------------------------------------
// `serde_json::json!` then `to_string`: what people do by hand.

/// [`oz_null`] with `json!`.
#[must_use]
pub fn oz_null_json() -> String {
    serde_json::json!({"error_code": 10, "error_message": "Resource not found", "details": null})
        .to_string()
}

/// [`oz_details`] with `json!`.
#[must_use]
pub fn oz_details_json(details: &Violation) -> String {
    serde_json::json!({"error_code": 4, "error_message": "Invalid value", "details": details})
        .to_string()
}

/// [`seed`] with `json!`.
#[must_use]
pub fn seed_json(name: &str, property: &str) -> String {
    let code = 2202;
    let type_url = format!("https://entrecode.de/doc/errors/{code}");
    serde_json::json!({
        "status": 400,
        "code": code,
        "title": "Missing property in query string",
        "type": type_url,
        "detail": name,
        "_links": {
            "up": {"title": "Data Manager Home Page", "href": "https://datamanager.entrecode.de"},
            "describedby": {"title": "Error Description", "href": type_url},
        },
        "_embedded": {"error": {
            "code": 2201,
            "title": "Missing property in JSON Body",
            "type": "https://entrecode.de/doc/errors/2201",
            "detail": property,
        }},
    })
    .to_string()
}

/// [`interpolated`] with `json!`.
#[must_use]
pub fn interpolated_json(property: &str, pointer: &Pointer) -> String {
    let code = 2211;
    let type_url = format!("https://entrecode.de/doc/errors/{code}");
    serde_json::json!({
        "status": 400,
        "code": code,
        "title": format!("Invalid value for {property}"),
        "type": type_url,
        "detail": pointer.to_string(),
        "_links": {
            "up": {"title": "Data Manager Home Page", "href": "https://datamanager.entrecode.de"},
            "describedby": {"title": "Error Description", "href": type_url},
        },
    })
    .to_string()
}

// ---------------------------------------------------------------------------

/// The expected body of each group.
pub mod expected {
    /// [`oz_null`](super::oz_null).
    pub const OZ_NULL: &str =
        r#"{"error_code":10,"error_message":"Resource not found","details":null}"#;
    /// [`oz_details`](super::oz_details).
    pub const OZ_DETAILS: &str = r#"{"error_code":4,"error_message":"Invalid value","details":{"field":"count","reason":"out of range","min":1,"max":100,"got":250}}"#;
    /// [`seed`](super::seed): the entrecode page's example.
    pub const SEED: &str = concat!(
        r#"{"status":400,"code":2202,"title":"Missing property in query string","#,
        r#""type":"https://entrecode.de/doc/errors/2202","detail":"count","#,
        r#""_links":{"up":{"title":"Data Manager Home Page","href":"https://datamanager.entrecode.de"},"#,
        r#""describedby":{"title":"Error Description","href":"https://entrecode.de/doc/errors/2202"}},"#,
        r#""_embedded":{"error":{"code":2201,"title":"Missing property in JSON Body","#,
        r#""type":"https://entrecode.de/doc/errors/2201","detail":"property"}}}"#,
    );
    /// [`interpolated`](super::interpolated).
    pub const INTERPOLATED: &str = concat!(
        r#"{"status":400,"code":2211,"title":"Invalid value for count","#,
        r#""type":"https://entrecode.de/doc/errors/2211","detail":"/items/3/count","#,
        r#""_links":{"up":{"title":"Data Manager Home Page","href":"https://datamanager.entrecode.de"},"#,
        r#""describedby":{"title":"Error Description","href":"https://entrecode.de/doc/errors/2211"}}}"#,
    );
}

/// Checks that every way of writing a body that claims its exact bytes gives
/// them (run by the benchmark before timing, and by this crate's tests).
///
/// # Panics
/// When one of them differs.
pub fn check() {
    fn bytes(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).expect("UTF-8")
    }
    fn derived(error: &impl ApiError, expected: &str) {
        assert_eq!(error.to_json(), expected);
        assert_eq!(bytes(|out| error.write_json(out)), expected);
        assert_eq!(serde_json::to_string(&error.body()).unwrap(), expected);
    }
    // `json!` builds a `serde_json::Map`, which sorts its keys unless some
    // crate of the build turns serde_json's `preserve_order` on (none in this
    // workspace does): its bodies have the members, not the order.
    fn same_members(written: &str, expected: &str) {
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).expect("JSON");
        assert_eq!(parse(written), parse(expected), "{written}");
    }
    let details = violation();
    derived(&oz_null(), expected::OZ_NULL);
    derived(&oz_details(), expected::OZ_DETAILS);
    derived(&seed(), expected::SEED);
    derived(&interpolated(), expected::INTERPOLATED);

    assert_eq!(bytes(oz_null_struct), expected::OZ_NULL);
    assert_eq!(bytes(oz_null_hand), expected::OZ_NULL);
    same_members(&oz_null_json(), expected::OZ_NULL);

    assert_eq!(
        bytes(|out| oz_details_struct(out, &details)),
        expected::OZ_DETAILS
    );
    assert_eq!(
        bytes(|out| oz_details_hand(out, &details)),
        expected::OZ_DETAILS
    );
    same_members(&oz_details_json(&details), expected::OZ_DETAILS);

    assert_eq!(
        bytes(|out| seed_struct(out, "count", "property")),
        expected::SEED
    );
    assert_eq!(
        bytes(|out| seed_hand(out, "count", "property")),
        expected::SEED
    );
    same_members(&seed_json("count", "property"), expected::SEED);

    let pointer = Pointer(vec!["items".into(), "3".into(), "count".into()]);
    assert_eq!(
        bytes(|out| interpolated_struct(out, "count", &pointer)),
        expected::INTERPOLATED
    );
    assert_eq!(
        bytes(|out| interpolated_hand(out, "count", &pointer)),
        expected::INTERPOLATED
    );
    same_members(
        &interpolated_json("count", &pointer),
        expected::INTERPOLATED,
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_way_gives_the_same_bytes() {
        super::check();
    }

    #[test]
    fn escape_is_serde_json() {
        let text = "a\"b\\c\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f} é/\u{7f}";
        let mut out = Vec::new();
        super::escape(text, &mut out);
        let serde = serde_json::to_string(text).unwrap();
        assert_eq!(out, serde.as_bytes()[1..serde.len() - 1]);
    }
}
