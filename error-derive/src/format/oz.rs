//! The Oz format's rules and body.
//!
//! `{"error_code": code, "error_message": title, "details": detail or null}`.
//! Codes are categories `0..=14` from the Oz table; 0, 2, 11 and 12 are server
//! errors (5xx), the others client errors (4xx). Codes may repeat.

use crate::errors::Errors;

use super::{
    DETAIL_PLACEHOLDER, Format, FrameworkRow, Resolved, RowDetail, error, row, title_value,
};
use crate::common::framework_cases::FrameworkCase;
use crate::common::oz_table;
use crate::model::{Coded, Detail, Plan};
use crate::parse::formats::FormatKey;
use crate::parse::value::listed;
use crate::parse::{self, Spanned};
use crate::plan::{Check, Const, Object, OnError, Source};

/// The rows of a `framework` variant: the Oz page's categories (as
/// [`Format::framework_default`] picks them), with a title that names the
/// case where the category's message does not, and the status of the case.
pub const FRAMEWORK_ROWS: [FrameworkRow; 13] = [
    row(
        "missing_property",
        Some(3),
        None,
        Some("Missing property"),
        RowDetail::Name,
    ),
    row("invalid_property", Some(4), None, None, RowDetail::Name),
    row("invalid_body", Some(3), None, None, RowDetail::None),
    row(
        "missing_body",
        Some(3),
        None,
        Some("Missing body"),
        RowDetail::None,
    ),
    row(
        "unsupported_media_type",
        Some(3),
        Some(415),
        Some("Unsupported media type"),
        RowDetail::None,
    ),
    row(
        "payload_too_large",
        Some(3),
        Some(413),
        Some("Payload too large"),
        RowDetail::None,
    ),
    row(
        "invalid_path_parameter",
        Some(5),
        None,
        None,
        RowDetail::Name,
    ),
    row(
        "missing_query_parameter",
        Some(3),
        None,
        Some("Missing query parameter"),
        RowDetail::Name,
    ),
    row(
        "invalid_query_parameter",
        Some(5),
        None,
        None,
        RowDetail::Name,
    ),
    row("not_found", Some(10), None, None, RowDetail::None),
    row("method_not_allowed", Some(1), None, None, RowDetail::None),
    row("panic", Some(0), None, None, RowDetail::None),
    row(
        "timeout",
        Some(0),
        Some(503),
        Some("Request timed out"),
        RowDetail::None,
    ),
];

/// `format = "oz"`: no settings of its own.
pub struct Oz;

impl Format for Oz {
    fn code_hint(&self, status: Option<u16>) -> String {
        // With a status written, the codes of its class; else all of them.
        let (which, codes): (&str, Vec<String>) = match status {
            Some(status) => {
                let server = status >= 500;
                let class: Vec<&oz_table::OzCode> = oz_table::CODES
                    .iter()
                    .filter(|code| code.is_server_error() == server)
                    .collect();
                // Names while the list is short; the numbers alone else.
                let codes = class
                    .iter()
                    .map(|code| {
                        if class.len() <= 4 {
                            format!("{} ({})", code.code, code.name)
                        } else {
                            code.code.to_string()
                        }
                    })
                    .collect();
                let class = if server { "a server" } else { "a client" };
                (class, codes)
            }
            None => ("an", Vec::new()),
        };
        if codes.is_empty() {
            "#[api(code = …)] with an Oz code, 0..=14 (3 invalid structure, 4 invalid value, 10 not found, 0 unknown server error, …)".to_string()
        } else {
            let common = if codes.iter().any(|code| code.contains('(')) {
                ""
            } else {
                " (3 invalid structure, 4 invalid value, 10 not found, …)"
            };
            format!(
                "#[api(code = …)] with the code of {which} error that fits: {}{common}",
                listed(&codes, "or")
            )
        }
    }

    fn resolve<'a>(
        &self,
        variant: &'a parse::Variant,
        _title_has_fields: bool,
        errors: &mut Errors,
    ) -> Option<Resolved<'a>> {
        let attrs = &variant.attrs;
        let code = attrs.code?;
        let Some(documented) = u16::try_from(code.value).ok().and_then(oz_table::lookup) else {
            errors.push(error(
                code.span,
                format_args!(
                    "code {} is not an Oz code: Oz codes are 0..=14; use the category that fits (3 invalid structure, 4 invalid value, 10 not found, 0 unknown server error, …)",
                    code.value
                ),
            ));
            return None;
        };
        let status = match attrs.status {
            Some(status) => check_class(documented, status, errors)?,
            None => documented.status,
        };
        Some(Resolved {
            code: documented.code,
            status,
            default_title: Some(documented.message),
            plan: Box::new(plan),
        })
    }

    /// A variant key of another format holds data: Oz has one place for it.
    fn foreign_key_hint(&self, key: &FormatKey) -> Option<&'static str> {
        (!key.container).then_some(
            "remove it, or put the data it names into `detail` (an Oz body is error_code, error_message and details)",
        )
    }

    fn transparent_check(&self) -> Check {
        "oz::TransparentOz"
    }

    /// The Oz page's categories: 3 INVALID STRUCTURE for what is missing or
    /// unreadable ("some required fields missing or a format validation
    /// error"), 4 INVALID VALUE for a body's property ("incorrect value of
    /// the parameter inside request body or query"), 5 INVALID TYPE for a
    /// parameter that does not parse as its type, 10 NOT EXIST, 1 NOT
    /// ALLOWED, 0 UNKNOWN for what the server failed at.
    fn framework_default(&self, case: &FrameworkCase) -> Result<u16, &'static str> {
        Ok(match case.key {
            "invalid_property" => 4,
            "invalid_path_parameter" | "invalid_query_parameter" => 5,
            "not_found" => 10,
            "method_not_allowed" => 1,
            "panic" | "timeout" => 0,
            // missing_property, invalid_body, missing_body,
            // unsupported_media_type, payload_too_large,
            // missing_query_parameter
            _ => 3,
        })
    }
}

/// `{"error_code": code, "error_message": title, "details": …}`: the
/// `detail` field serialised with serde (`null` when it fails), a text as a
/// string, else `null`.
fn plan<'a>(coded: &Coded<'a>) -> Plan<'a> {
    let details = match &coded.detail {
        None => Source::Const(Const::Null),
        Some(Detail::Field(field)) => Source::Serde(field, OnError::Null, "oz::DetailSerialize"),
        Some(Detail::Text(text)) => Source::Text(text.clone(), DETAIL_PLACEHOLDER),
    };
    let mut body = Object::new("OzBody", ("error_code", Const::Int(coded.code)));
    body.push("error_message", title_value(coded));
    body.push("details", details);
    Plan {
        body,
        ..Plan::default()
    }
}

/// Rule: codes 0, 2, 11 and 12 need a 5xx status, the others 4xx.
fn check_class(
    documented: &oz_table::OzCode,
    status: Spanned<u64>,
    errors: &mut Errors,
) -> Option<u16> {
    let (class, range) = if documented.is_server_error() {
        ("server", 500..=599)
    } else {
        ("client", 400..=499)
    };
    let value = u16::try_from(status.value)
        .ok()
        .filter(|value| range.contains(value));
    if value.is_none() && (400..=599).contains(&status.value) {
        errors.push(error(
            status.span,
            format_args!(
                "code {} ({}) is an Oz {class} error, so its status is {}xx, not {}: use {} or another {}xx status",
                documented.code,
                documented.name,
                range.start() / 100,
                status.value,
                documented.status,
                range.start() / 100
            ),
        ));
    }
    value
}
