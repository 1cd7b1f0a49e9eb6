//! The rfc9457 format's rules and body: RFC 9457 Problem Details for HTTP
//! APIs.
//!
//! `type` (always; `"about:blank"` when the variant has none), `title`,
//! `status`, `detail`?, `instance`?, then the extension members: `code`
//! when the variant has one, then `extensions(...)` in the order written.
//! A problem is known by its type and status, so `code` is optional
//! (`ApiError::code` is the status when there is none).

mod keys;
mod reasons;
mod rules;
#[cfg(test)]
mod tests;

use crate::errors::Errors;
use syn::LitStr;

use self::keys::{ExtensionValue, Instance};
use super::{Format, FrameworkRow, Resolved, RowDetail, detail_display, row, title_value};
use crate::common::framework_cases::FrameworkCase;
use crate::model::{Coded, Plan, Variant};
use crate::parse;
use crate::parse::formats::FormatKey;
use crate::parse::keys::{ContainerAttrs, Key};
use crate::plan::{Check, Const, Object, OnError, Source};

/// The type of a problem that means nothing beyond its status.
const ABOUT_BLANK: &str = "about:blank";

/// The check of a `detail = field`.
const DETAIL_DISPLAY: Check = "rfc9457::ProblemDetailDisplay";

/// The rows of a `framework` variant: about:blank problems of the case's
/// status (titled with its reason phrase), with a `detail` that says what
/// was wrong where the status alone does not.
pub const FRAMEWORK_ROWS: [FrameworkRow; 13] = [
    row(
        "missing_property",
        None,
        Some(400),
        None,
        RowDetail::Text("The body lacks the property {0}."),
    ),
    row(
        "invalid_property",
        None,
        Some(400),
        None,
        RowDetail::Text("The body's property {0} is invalid."),
    ),
    row(
        "invalid_body",
        None,
        Some(400),
        None,
        RowDetail::Text("The body cannot be read."),
    ),
    row(
        "missing_body",
        None,
        Some(400),
        None,
        RowDetail::Text("The request has no body."),
    ),
    row(
        "unsupported_media_type",
        None,
        Some(415),
        None,
        RowDetail::None,
    ),
    row("payload_too_large", None, Some(413), None, RowDetail::None),
    row(
        "invalid_path_parameter",
        None,
        Some(400),
        None,
        RowDetail::Text("The path parameter {0} is invalid."),
    ),
    row(
        "missing_query_parameter",
        None,
        Some(400),
        None,
        RowDetail::Text("The query parameter {0} is missing."),
    ),
    row(
        "invalid_query_parameter",
        None,
        Some(400),
        None,
        RowDetail::Text("The query parameter {0} is invalid."),
    ),
    row("not_found", None, Some(404), None, RowDetail::None),
    row("method_not_allowed", None, Some(405), None, RowDetail::None),
    row("panic", None, Some(500), None, RowDetail::None),
    row("timeout", None, Some(503), None, RowDetail::None),
];

/// The check of an `instance = field`.
const INSTANCE_DISPLAY: Check = "rfc9457::ProblemInstanceDisplay";
/// The check of a field `extensions(...)` names.
const EXTENSION_SERIALIZE: Check = "rfc9457::ProblemExtensionSerialize";
/// The check of a placeholder in an extension's text.
const EXTENSION_PLACEHOLDER: Check = "rfc9457::ProblemExtensionPlaceholder";

/// `format = "rfc9457"` with its container settings.
pub struct Rfc9457 {
    /// `type_base`: `Ok(None)` when absent, `Err(())` when written but
    /// refused (reported already: a relative `type` is then not reported
    /// again).
    type_base: Result<Option<String>, ()>,
    /// `request_id = "name"`, when written and a valid member name.
    request_id: Option<LitStr>,
}

impl Rfc9457 {
    /// Rule: `type_base` is an absolute URI. A mistake is reported and the
    /// variants are still checked.
    pub fn build(container: &ContainerAttrs, errors: &mut Errors) -> Self {
        let keys = keys::container(&container.format_keys, errors);
        let type_base = match keys.type_base {
            Some(lit) => rules::check_type_base(&lit, errors).map(Some).ok_or(()),
            // Written with a value of the wrong kind, or misspelt.
            None if container.may_have_named("type_base") => Err(()),
            None => Ok(None),
        };
        let request_id = keys
            .request_id
            .filter(|name| rules::request_id_name(name, errors));
        Rfc9457 {
            type_base,
            request_id,
        }
    }

    fn type_base(&self) -> Result<Option<&str>, ()> {
        match &self.type_base {
            Ok(base) => Ok(base.as_deref()),
            Err(()) => Err(()),
        }
    }
}

impl Format for Rfc9457 {
    fn resolve<'a>(
        &self,
        variant: &'a parse::Variant,
        _title_has_fields: bool,
        errors: &mut Errors,
    ) -> Option<Resolved<'a>> {
        let (keys, keys_ok) = keys::variant(variant, errors);
        let status = rules::status(variant, errors);
        let code = rules::code(variant, errors);
        // A `type` that did not parse was reported: whether the problem
        // is about:blank is then unknown, and so are the title's rules.
        let type_refused = keys.type_.is_none() && keys::value_span(variant, "type").is_some();
        let (type_uri, default_title) = if type_refused {
            (None, None)
        } else {
            (
                rules::type_uri(keys.type_.as_ref(), self.type_base(), errors),
                rules::title(variant, keys.type_.as_ref(), status, errors),
            )
        };
        let has_code = variant.attrs.has(Key::Code);
        let names_ok = rules::extension_names(&keys.extensions, has_code, errors)
            & rules::request_id_free(self.request_id.as_ref(), &keys.extensions, errors);
        let (true, true, Some(status), Some(code), Some(type_uri), Some(default_title)) =
            (keys_ok, names_ok, status, code, type_uri, default_title)
        else {
            return None;
        };
        Some(Resolved {
            code: code.unwrap_or(status.value),
            status: status.value,
            default_title,
            plan: Box::new(move |coded| plan(keys, type_uri, has_code, coded)),
        })
    }

    fn request_id_member(&self) -> Option<String> {
        self.request_id.as_ref().map(LitStr::value)
    }

    fn check_variants(&self, variants: &[Variant<'_>], errors: &mut Errors) {
        rules::shared_types(variants, errors);
    }

    /// A problem is known by its type, not by a code.
    fn code_required(&self) -> bool {
        false
    }

    fn transparent_check(&self) -> Check {
        "rfc9457::TransparentRfc9457"
    }

    /// The status's about:blank problem: the status the framework gives
    /// the case (`FrameworkError::status`), which is the code of a variant
    /// with that status and no `code` of its own. 400 for a request that
    /// cannot be read, 415, 413, 404, 405, 500 for a panic, 503 for a
    /// timeout.
    /// A variant without `code` is known by its status.
    fn code_attribute(&self, code: u16) -> String {
        format!("status = {code}")
    }

    fn framework_default(&self, case: &FrameworkCase) -> Result<u16, &'static str> {
        Ok(match case.key {
            "unsupported_media_type" => 415,
            "payload_too_large" => 413,
            "not_found" => 404,
            "method_not_allowed" => 405,
            "panic" => 500,
            "timeout" => 503,
            // missing_property, invalid_property, invalid_body,
            // missing_body, the path and query parameters
            _ => 400,
        })
    }

    /// Data goes into extension members; the container keys of other
    /// formats have a counterpart here.
    fn foreign_key_hint(&self, key: &FormatKey) -> Option<&'static str> {
        Some(match key.name {
            "verbose" => {
                "name the field in `extensions(...)`, which rfc9457 writes with serde as extension members, like `extensions(verbose = field)`"
            }
            "embed" => {
                "rfc9457 problems embed no sub-errors; name the field in `extensions(...)` to write it with serde as an extension member"
            }
            "type_url" => {
                "write `type_base = \"https://…/\"` on the type and a `type = \"…\"` on each variant (appended to it)"
            }
            "system" => {
                "rfc9457 has no systems, so write each variant's full code, like `code = 2202` (written as the `code` member)"
            }
            "up" => "rfc9457 problems have no links; remove it",
            _ => return None,
        })
    }
}

/// `type`, `title`, `status`, `detail` (the field's `Display` or the text),
/// `instance` (likewise), `code` when the variant has one, then each
/// extension serialised with serde; those named by a field are left out
/// when it is `None` (and an extension whose `Serialize` fails).
fn plan<'a>(
    keys: keys::VariantKeys<'a>,
    type_uri: String,
    has_code: bool,
    coded: &Coded<'a>,
) -> Plan<'a> {
    let mut body = Object::new("ProblemDetails", ("type", Const::Str(type_uri.clone())));
    body.push("title", title_value(coded));
    body.push("status", Source::Const(Const::Int(coded.status)));
    if let Some(detail) = &coded.detail {
        body.push("detail", detail_display(detail, DETAIL_DISPLAY));
    }
    match keys.instance {
        Some(Instance::Field(field)) => {
            body.push("instance", Source::Display(field, INSTANCE_DISPLAY));
        }
        Some(Instance::Text(text)) => {
            body.push(
                "instance",
                Source::Text(text, "rfc9457::ProblemInstancePlaceholder"),
            );
        }
        None => {}
    }
    if has_code {
        body.push("code", Source::Const(Const::Int(coded.code)));
    }
    for extension in keys.extensions {
        let value = match extension.value {
            ExtensionValue::Field(field) => {
                Source::Serde(field, OnError::Omit, EXTENSION_SERIALIZE)
            }
            ExtensionValue::Text(text) => Source::Text(text, EXTENSION_PLACEHOLDER),
        };
        body.push(extension.name, value);
    }
    Plan {
        body,
        sub_body: None,
        verbose_doc: String::new(),
        type_uri,
    }
}
