//! The entrecode format's rules and body.
//!
//! Problem Details + HAL: `status`, `code`, `title`, `type`, `detail`?,
//! `verbose`?, `_links` (`up`, `describedby`), `_embedded`? with sub-errors
//! of `code`, `title`, `type`, `detail`?. Codes are four digits `SXXX`:
//! system `S`, local code `XXX` from the entrecode table.

mod keys;

use std::collections::HashMap;

use crate::errors::Errors;
use syn::LitStr;

use super::{Format, FrameworkRow, Resolved, RowDetail, detail_display, error, row, title_value};
use crate::common::entrecode_table::{self, EntrecodeCode, Systems};
use crate::common::framework_cases::FrameworkCase;
use crate::model::{Coded, Kind, Plan, Variant};
use crate::parse::keys::{ContainerAttrs, Key};

use crate::parse::{self, Spanned};
use crate::plan::{Check, Const, Object, OnError, Source};

/// The rows of a `framework` variant, local codes of the type's system: the
/// page's codes where it has one for the case (x201, x211, x200, x202,
/// x212, x100, x110, x000), and codes of the groups the page leaves open
/// where it has none, so that each has a title that says what happened:
/// x205 an unreadable body, x206 a media type, x207 a body over the limit
/// (syntax errors, 2xx), x001 a timeout (the server's, 0xx, 503).
pub const FRAMEWORK_ROWS: [FrameworkRow; 13] = [
    row("missing_property", Some(201), None, None, RowDetail::Name),
    row("invalid_property", Some(211), None, None, RowDetail::Name),
    row(
        "invalid_body",
        Some(205),
        Some(400),
        Some("Unreadable body"),
        RowDetail::None,
    ),
    row("missing_body", Some(200), None, None, RowDetail::None),
    row(
        "unsupported_media_type",
        Some(206),
        Some(415),
        Some("Unsupported media type"),
        RowDetail::None,
    ),
    row(
        "payload_too_large",
        Some(207),
        Some(413),
        Some("Body too large"),
        RowDetail::None,
    ),
    row(
        "invalid_path_parameter",
        Some(100),
        None,
        None,
        RowDetail::Name,
    ),
    row(
        "missing_query_parameter",
        Some(202),
        None,
        None,
        RowDetail::Name,
    ),
    row(
        "invalid_query_parameter",
        Some(212),
        None,
        None,
        RowDetail::Name,
    ),
    row("not_found", Some(100), None, None, RowDetail::None),
    row("method_not_allowed", Some(110), None, None, RowDetail::None),
    row("panic", Some(0), None, None, RowDetail::None),
    row(
        "timeout",
        Some(1),
        Some(503),
        Some("Request timed out"),
        RowDetail::None,
    ),
];

/// `format = "entrecode"` with its container settings.
pub struct Entrecode {
    system: Option<u16>,
    /// Whether `system` was written (even with a value that was refused).
    system_written: bool,
    /// `type_url`, split around `{code}`.
    type_url: (String, String),
    up_title: String,
    up_href: String,
}

impl Entrecode {
    /// Rules: `type_url` and `up` are required; `type_url` is an absolute
    /// http(s) URL with `{code}`; `system` is `1..=9`. A mistake is reported
    /// and a stand-in used, so that the variants are still checked.
    pub fn build(container: &ContainerAttrs, errors: &mut Errors) -> Self {
        let written = keys::container(&container.format_keys, errors);
        let system = written.system.and_then(|Spanned { value, span }| {
            let system = u16::try_from(value).ok().filter(|system| (1..=9).contains(system));
            if system.is_none() {
                errors.push(error(
                    span,
                    format_args!("`system = {value}` is not a system: entrecode systems are 1..=9 (1 Account Server, 2 Data Manager, 3 App Manager)"),
                ));
            }
            system
        });
        let type_url = match &written.type_url {
            Some(url) => check_type_url(url, errors),
            None => {
                if !container.may_have_named("type_url") {
                    errors.push(error(
                        container.anchor,
                        "missing `type_url`: entrecode bodies link each code's description; add type_url = \"https://…/{code}\"",
                    ));
                }
                None
            }
        };
        if written.up.is_none() && !container.may_have_named("up") {
            errors.push(error(
                container.anchor,
                "missing `up`: entrecode bodies link the API's home; add up(title = \"…\", href = \"https://…\")",
            ));
        }
        let (up_title, up_href) = written
            .up
            .as_ref()
            .map_or_else(Default::default, |up| (up.title.value(), up.href.value()));
        Entrecode {
            system,
            system_written: container.may_have_named("system"),
            type_url: type_url.unwrap_or_default(),
            up_title,
            up_href,
        }
    }

    fn type_url(&self, code: u16) -> String {
        format!("{}{code}{}", self.type_url.0, self.type_url.1)
    }
}

/// What a variant's body links to: its type URL (its code's description),
/// and the type's `up` link.
struct Links {
    type_url: String,
    up_title: String,
    up_href: String,
}

/// The problem: `status`, `code`, `title`, `type`, `detail` (the field's
/// `Display` or the text), `verbose` (serde, left out when it fails),
/// `_links` (`up` and `describedby`, constants) and `_embedded.error` (the
/// `embed` field's sub-errors); a sub-error has `code`, `title`, `type` and
/// `detail`.
fn plan<'a>(links: &Links, keys: keys::VariantKeys<'a>, coded: &Coded<'a>) -> Plan<'a> {
    let link = |title: &str, href: &str| {
        Const::object([
            ("title", Const::Str(title.to_owned())),
            ("href", Const::Str(href.to_owned())),
        ])
    };
    let constant_links = Const::object([
        ("up", link(&links.up_title, &links.up_href)),
        ("describedby", link("Error Description", &links.type_url)),
    ]);
    let (verbose, embed) = (keys.verbose, keys.embed);
    let mut body = Object::new("Problem", ("status", Const::Int(coded.status)));
    body.push("code", Source::Const(Const::Int(coded.code)));
    subset(&mut body, &links.type_url, coded);
    if let Some(field) = verbose {
        body.push(
            "verbose",
            Source::Serde(field, OnError::Omit, "entrecode::VerboseSerialize"),
        );
    }
    body.push("_links", Source::Const(constant_links));
    if let Some(field) = embed {
        body.push(
            "_embedded",
            Source::SubErrors {
                inner: "error",
                field,
                check: "entrecode::EmbedErrors",
            },
        );
    }
    let mut sub_body = Object::new("SubError", ("code", Const::Int(coded.code)));
    subset(&mut sub_body, &links.type_url, coded);
    Plan {
        body,
        sub_body: Some(sub_body),
        verbose_doc: verbose.map_or_else(String::new, |field| field.docs.clone()),
        type_uri: links.type_url.clone(),
    }
}

/// The members a sub-error shares with a problem, in wire order: "a subset
/// of the properties described above: `code`, `title`, `type` and
/// `detail`".
fn subset<'a>(object: &mut Object<'a>, type_url: &str, coded: &Coded<'a>) {
    object.push("title", title_value(coded));
    object.push("type", Source::Const(Const::Str(type_url.to_owned())));
    if let Some(detail) = &coded.detail {
        object.push("detail", detail_display(detail, "entrecode::DetailDisplay"));
    }
}

/// Rule: `type_url` is an absolute http(s) URL containing `{code}`.
fn check_type_url(url: &LitStr, errors: &mut Errors) -> Option<(String, String)> {
    let text = url.value();
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        errors.push(error(
            url.span(),
            "`type_url` must be an absolute http(s) URL, like \"https://example.com/errors/{code}\"",
        ));
        return None;
    };
    if rest.is_empty()
        || rest.starts_with('/')
        || rest.starts_with('{')
        || text.chars().any(char::is_whitespace)
    {
        errors.push(error(
            url.span(),
            "`type_url` needs a host and no spaces, like \"https://example.com/errors/{code}\"",
        ));
        return None;
    }
    match text.split_once("{code}") {
        Some((before, after)) => Some((before.to_owned(), after.to_owned())),
        None => {
            errors.push(error(
                url.span(),
                "`type_url` must contain `{code}`, where each error's code goes: like \"https://example.com/errors/{code}\"",
            ));
            None
        }
    }
}

impl Format for Entrecode {
    fn resolve<'a>(
        &self,
        variant: &'a parse::Variant,
        title_has_fields: bool,
        errors: &mut Errors,
    ) -> Option<Resolved<'a>> {
        let attrs = &variant.attrs;
        let keys = keys::variant(variant, errors);
        let code = attrs.code?;
        let (system, local) = self.split_code(code, errors)?;
        let full = system * 1000 + local;
        let group = local / 100;
        if matches!(group, 6..=8) {
            errors.push(error(
                code.span,
                format_args!("code {full}: the error group {group}xx is not defined; use 1xx generic, 2xx syntax, 3xx semantics, 4xx rights, 5xx plan or 9xx other"),
            ));
            return None;
        }
        let documented = entrecode_table::lookup(local);
        let defined = match documented {
            Some(row) => check_system(row, system, full, code, errors),
            None => check_plan_system(group, system, full, code, errors),
        };
        let status = match (documented, attrs.status) {
            (Some(row), Some(status)) => check_documented_status(row, full, status, errors),
            (Some(row), None) => Some(row.status),
            (None, status) => check_undocumented(variant, full, local, status, errors),
        };
        let internal_ok = local != 0 || check_internal(variant, full, title_has_fields, errors);
        let (status, true, true, Some(keys)) = (status?, defined, internal_ok, keys) else {
            return None;
        };
        let links = Links {
            type_url: self.type_url(full),
            up_title: self.up_title.clone(),
            up_href: self.up_href.clone(),
        };
        Some(Resolved {
            code: full,
            status,
            default_title: documented.map(|row| row.title),
            plan: Box::new(move |coded| plan(&links, keys, coded)),
        })
    }

    fn check_variants(&self, variants: &[Variant<'_>], errors: &mut Errors) {
        check_shared_codes(variants, errors);
    }

    fn transparent_check(&self) -> Check {
        "entrecode::TransparentEntrecode"
    }

    /// The page's codes in the type's system: x201 and x211 for a body's
    /// property (missing, invalid format), x202 and x212 for a query
    /// parameter, x200 for a body that is missing or cannot be read (the
    /// page has no code for a wrong media type or a body over the limit: x200
    /// is the one that says the body could not be used, and its documented
    /// status 400 is what such a variant answers), x100 for a path that names
    /// no resource (no route, or a path parameter that does not parse), x110
    /// for a method, x000 for what the server failed at (a panic, a timeout).
    fn framework_default(&self, case: &FrameworkCase) -> Result<u16, &'static str> {
        let Some(system) = self.system else {
            return Err(
                "`framework_errors` finds its default codes in the type's system: add `system = 2` (your system's digit), or map every case to a variant",
            );
        };
        let local = match case.key {
            "missing_property" => 201,
            "invalid_property" => 211,
            "missing_query_parameter" => 202,
            "invalid_query_parameter" => 212,
            "not_found" | "invalid_path_parameter" => 100,
            "method_not_allowed" => 110,
            "panic" | "timeout" => 0,
            // invalid_body, missing_body, unsupported_media_type,
            // payload_too_large
            _ => 200,
        };
        Ok(system * 1000 + local)
    }

    /// The rows are local codes of the type's system.
    fn framework_rows(&self) -> Result<(), Option<&'static str>> {
        match (self.system, self.system_written) {
            (Some(_), _) => Ok(()),
            // The refused `system` was reported.
            (None, true) => Err(None),
            (None, false) => Err(Some(
                "`framework` answers with codes of the type's system (x201, x100, …): add `system = 2` (your system's digit) to the type",
            )),
        }
    }

    /// Sub-errors under `_embedded.error`.
    fn embeds(&self) -> bool {
        true
    }
}

impl Entrecode {
    /// Rules: a full code is 1000..=9999 and its first digit is `system`; a
    /// local code (below 1000) needs `system`.
    fn split_code(&self, code: Spanned<u64>, errors: &mut Errors) -> Option<(u16, u16)> {
        let value = code.value;
        if value > 9999 {
            errors.push(error(
                code.span,
                format_args!("entrecode codes are four digits, and {value} is larger: write the system digit and the three-digit code, like 2202"),
            ));
            return None;
        }
        let value = u16::try_from(value).ok()?;
        if value >= 1000 {
            let system = value / 1000;
            if let Some(expected) = self.system.filter(|expected| *expected != system) {
                errors.push(error(
                    code.span,
                    format_args!(
                        "code {value} is in system {system}, but this type sets `system = {expected}`: write the local code {} or the full code {}",
                        value % 1000,
                        expected * 1000 + value % 1000
                    ),
                ));
                return None;
            }
            return Some((system, value % 1000));
        }
        match self.system {
            Some(system) => Some((system, value)),
            // The refused `system` was reported already.
            None if self.system_written => None,
            None => {
                errors.push(error(
                    code.span,
                    format_args!(
                        "code {value} has no system digit: write the full four-digit code (like {}), or add `system = …` to the type",
                        2000 + value
                    ),
                ));
                None
            }
        }
    }
}

/// Rule: a code the table restricts to some systems is used only there.
fn check_system(
    row: &EntrecodeCode,
    system: u16,
    full: u16,
    code: Spanned<u64>,
    errors: &mut Errors,
) -> bool {
    let defined = u8::try_from(system).is_ok_and(|system| row.is_defined_in(system));
    if !defined {
        let where_ = match row.systems {
            Systems::Only(systems) => systems
                .iter()
                .map(|s| format!("{s}{:03}", row.code))
                .collect::<Vec<_>>()
                .join(" and "),
            Systems::All => String::new(),
        };
        errors.push(error(
            code.span,
            format_args!(
                "code {full} is not defined: the table defines \"{}\" only as {where_} ({}); use one of those, or another code",
                row.title, row.note
            ),
        ));
    }
    defined
}

/// Rule: plan errors (5xx) exist only in systems 2 and 3.
fn check_plan_system(
    group: u16,
    system: u16,
    full: u16,
    code: Spanned<u64>,
    errors: &mut Errors,
) -> bool {
    let defined = group != 5
        || entrecode_table::PLAN_SYSTEMS
            .iter()
            .any(|plan| u16::from(*plan) == system);
    if !defined {
        errors.push(error(
            code.span,
            format_args!("code {full} is a plan error (5xx), and those are defined only in systems 2 and 3 (\"only 25xx and 35xx are defined\"): use another group"),
        ));
    }
    defined
}

/// Rule: a documented code keeps its documented status.
fn check_documented_status(
    row: &EntrecodeCode,
    full: u16,
    status: Spanned<u64>,
    errors: &mut Errors,
) -> Option<u16> {
    if status.value == u64::from(row.status) {
        return Some(row.status);
    }
    if (400..=599).contains(&status.value) {
        errors.push(error(
            status.span,
            format_args!(
                "code {full} (\"{}\") is documented with status {}, not {}: remove `status`, or use an undocumented code",
                row.title, row.status, status.value
            ),
        ));
    }
    None
}

/// Rules: an undocumented code needs `title` and `status`; in the 0xx group
/// (the server's own) its status is 5xx.
fn check_undocumented(
    variant: &parse::Variant,
    full: u16,
    local: u16,
    status: Option<Spanned<u64>>,
    errors: &mut Errors,
) -> Option<u16> {
    let code_span = variant
        .attrs
        .code
        .map_or_else(|| variant.ident.span(), |code| code.span);
    let missing: Vec<&str> = [(Key::Title, "title = \"…\""), (Key::Status, "status = …")]
        .into_iter()
        .filter(|(key, _)| !variant.attrs.may_have(*key))
        .map(|(_, example)| example)
        .collect();
    if !missing.is_empty() {
        errors.push(error(
            code_span,
            format_args!("code {full} is not in the entrecode table, so it has no documented title or status: add {}", missing.join(" and ")),
        ));
        return None;
    }
    let status = status?;
    if local / 100 == 0
        && !(500..=599).contains(&status.value)
        && (400..=599).contains(&status.value)
    {
        errors.push(error(
            status.span,
            format_args!("code {full} is in the 0xx group, the server's own errors, so its status is 5xx, not {}: use 500, 502, 503 or another 5xx status", status.value),
        ));
        return None;
    }
    u16::try_from(status.value).ok()
}

/// Rule: the internal error x000 discloses nothing: no `detail`, `verbose`,
/// `embed`, and no placeholders in its title.
fn check_internal(
    variant: &parse::Variant,
    full: u16,
    title_has_fields: bool,
    errors: &mut Errors,
) -> bool {
    let mut clean = true;
    for key in variant
        .attrs
        .seen
        .iter()
        .filter(|key| matches!(key.value.name(), "detail" | "verbose" | "embed"))
    {
        errors.push(error(
            key.span,
            format_args!("`{}` on the internal error {full}: internal errors disclose nothing to the client; remove it (log the cause instead)", key.value.name()),
        ));
        clean = false;
    }
    if title_has_fields {
        if let Some(title) = &variant.attrs.title {
            errors.push(error(
                title.span(),
                format_args!("the title of the internal error {full} has placeholders: internal errors disclose nothing to the client; use a fixed title"),
            ));
        }
        clean = false;
    }
    clean
}

/// Rule: variants that share a code agree on its title and status (a code
/// means one title and one status; codes behind `transparent` belong to the
/// inner type). Titles agree when their templates do, compared as parsed
/// (the same literal text and the same placeholders, `{0}` and `{0}` agree
/// whatever the values) and after defaults (no `title` is the code's
/// documented title, so it agrees with that title written out). Each
/// variant is compared with the first one that has its code.
fn check_shared_codes(variants: &[Variant<'_>], errors: &mut Errors) {
    let mut first_by_code: HashMap<u16, (&Variant<'_>, &Coded<'_>)> =
        HashMap::with_capacity(variants.len());
    // Codes whose variant of your own was told about a row already: the
    // rows of one code agree, so one error says it.
    let mut told = std::collections::HashSet::new();
    for variant in variants {
        let Kind::Coded(coded) = &variant.kind else {
            continue;
        };
        match first_by_code.get(&coded.code) {
            Some(&(first, first_coded)) => {
                // A `framework` variant's row keeps its code: the variant
                // of your own that shares it is the one to change.
                let against_row = variant.source.row.is_some() && first.source.row.is_none();
                let (first, second) = if against_row {
                    ((variant, &**coded), (first, first_coded))
                } else {
                    ((first, first_coded), (variant, &**coded))
                };
                if let Some(error) = disagreement(first, second)
                    && (!against_row || told.insert(coded.code))
                {
                    errors.push(error);
                }
            }
            None => {
                first_by_code.insert(coded.code, (variant, coded));
            }
        }
    }
}

/// The error for `second` when it gives its code another title or status
/// than `first`, spanned on what differs: the `title` or the `status` as
/// written, or the `code` when both differ (or the differing one is a
/// default, which has no token).
fn disagreement(
    (first, first_coded): (&Variant<'_>, &Coded<'_>),
    (second, second_coded): (&Variant<'_>, &Coded<'_>),
) -> Option<syn::Error> {
    let other_title = first_coded.title.canonical() != second_coded.title.canonical();
    let other_status = first_coded.status != second_coded.status;
    let attrs = &second.source.attrs;
    let code_span = attrs
        .code
        .map_or_else(|| second.source.ident.span(), |code| code.span);
    let (span, gives, first_gives, fix) = match (other_title, other_status) {
        (false, false) => return None,
        (true, false) => (
            attrs.title.as_ref().map_or(code_span, LitStr::span),
            format!("the title {}", title_of(second, second_coded)),
            title_of(first, first_coded),
            "the same title",
        ),
        (false, true) => (
            attrs.status.map_or(code_span, |status| status.span),
            format!("the status {}", second_coded.status),
            first_coded.status.to_string(),
            "the same status",
        ),
        (true, true) => (
            code_span,
            format!(
                "the title {} and the status {}",
                title_of(second, second_coded),
                second_coded.status
            ),
            format!(
                "{} and {}",
                title_of(first, first_coded),
                first_coded.status
            ),
            "the same title and status",
        ),
    };
    Some(error(
        span,
        format_args!(
            "`{}` gives code {} {gives}, but `{}` gives it {first_gives}: a code has one title and one status; give both variants {fix}, or use another code for `{}`",
            second.source.name(),
            second_coded.code,
            first.source.name(),
            second.source.ident
        ),
    ))
}

/// A title as the messages quote it: as written, or marked as the code's
/// documented title when the variant writes none.
fn title_of(variant: &Variant<'_>, coded: &Coded<'_>) -> String {
    if variant.source.attrs.title.is_some() {
        format!("{:?}", coded.title.written)
    } else {
        format!("{:?} (the documented one)", coded.title.written)
    }
}
