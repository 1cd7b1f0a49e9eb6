//! Whether a `Content-Type` is the one an extractor reads: one reading of
//! the header for both frameworks (its essence, `type/subtype` without
//! parameters, compared without regard to case, with no allocation).

/// The type and subtype of a `Content-Type` value, trimmed.
fn essence(content_type: &str) -> Option<(&str, &str)> {
    let essence = content_type.split(';').next().unwrap_or_default();
    let (kind, subtype) = essence.split_once('/')?;
    Some((kind.trim(), subtype.trim()))
}

/// `application/json` or `application/*+json`, as axum's and actix-web's
/// `Json` accept.
pub(crate) fn is_json(content_type: &str) -> bool {
    essence(content_type).is_some_and(|(kind, subtype)| {
        kind.eq_ignore_ascii_case("application")
            && (subtype.eq_ignore_ascii_case("json")
                || subtype
                    .len()
                    .checked_sub(5)
                    .and_then(|start| subtype.get(start..))
                    .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")))
    })
}

/// `application/x-www-form-urlencoded`.
pub(crate) fn is_form(content_type: &str) -> bool {
    essence(content_type).is_some_and(|(kind, subtype)| {
        kind.eq_ignore_ascii_case("application")
            && subtype.eq_ignore_ascii_case("x-www-form-urlencoded")
    })
}

#[cfg(test)]
mod tests {
    use super::{is_form, is_json};

    #[test]
    fn json_and_its_structured_suffix_in_any_case_with_parameters() {
        for accepted in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "application/problem+json",
            "application/vnd.api+JSON ; x=y",
        ] {
            assert!(is_json(accepted), "{accepted}");
        }
        for refused in [
            "text/json",
            "text/plain",
            "application/jsonp",
            "json",
            "",
            "application/x-www-form-urlencoded",
            "application/ée+jsonx",
        ] {
            assert!(!is_json(refused), "{refused}");
        }
    }

    #[test]
    fn forms_are_urlencoded() {
        assert!(is_form("application/x-www-form-urlencoded"));
        assert!(is_form("Application/X-WWW-Form-Urlencoded; charset=utf-8"));
        assert!(!is_form("multipart/form-data"));
        assert!(!is_form("application/json"));
    }
}
