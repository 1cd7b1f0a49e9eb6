//! The rfc9457 format as the derive sees it, without the compiler: the
//! members each plan writes (in wire order, with the value each takes), the
//! code, status, title and type every variant resolves to, the framework
//! defaults, and that every rule reports its mistake, all at once. The
//! expectations are written out by hand from the format's rules (RFC 9457
//! and the crate docs' rfc9457 section).

use syn::parse_quote;

use super::rules::has_scheme;
use crate::common::framework_cases::framework_case;
use crate::model::{Coded, Kind, Model};
use crate::plan::{Const, OnError, Source};
use crate::{parse, validate};

/// What a plan's member takes its value from, as a short word.
fn describe(value: &Source<'_>) -> String {
    match value {
        Source::Const(Const::Str(text)) => format!("{text:?}"),
        Source::Const(Const::Int(number)) => number.to_string(),
        Source::Const(_) => "const".to_owned(),
        Source::Text(_, check) => format!("text {check}"),
        Source::Display(_, check) => format!("display {check}"),
        Source::Serde(_, on_error, check) => {
            let on_error = if *on_error == OnError::Omit {
                "omit"
            } else {
                "null"
            };
            format!("serde {on_error} {check}")
        }
        Source::SubErrors { .. } => "sub-errors".to_owned(),
    }
}

/// Validates `input` (which must hold) and hands its model to `check`.
fn with_model(input: &syn::DeriveInput, check: impl FnOnce(&Model<'_>)) {
    let mut errors = crate::errors::Errors::default();
    let parsed = parse::Input::from_syn(input, &mut errors).expect("parses");
    let model = validate::validate(&parsed, &[], &mut errors);
    if let Err(errors) = errors.finish() {
        panic!("unexpected errors: {errors:?}");
    }
    check(&model.expect("validates"));
}

fn coded<'m>(model: &'m Model<'_>, index: usize) -> &'m Coded<'m> {
    match &model.variants[index].kind {
        Kind::Coded(coded) => coded,
        Kind::Transparent(_) => panic!("variant {index} is transparent"),
    }
}

/// `key = value` for each member of variant `index`'s body, in order.
fn members(model: &Model<'_>, index: usize) -> Vec<String> {
    coded(model, index)
        .plan
        .body
        .members
        .iter()
        .map(|member| format!("{} = {}", member.key, describe(&member.value)))
        .collect()
}

/// The messages of the errors `input` gives.
fn messages(input: &syn::DeriveInput) -> Vec<String> {
    let mut errors = crate::errors::Errors::default();
    if let Some(parsed) = parse::Input::from_syn(input, &mut errors) {
        let _ = validate::validate(&parsed, &[], &mut errors);
    }
    match errors.finish() {
        Ok(()) => Vec::new(),
        Err(error) => error.into_iter().map(|error| error.to_string()).collect(),
    }
}

#[test]
fn the_designs_example_plans_members_in_wire_order() {
    with_model(
        &parse_quote! {
            #[api(format = "rfc9457", type_base = "https://example.com/probs/")]
            enum PurchaseError {
                #[api(status = 403, type = "out-of-credit", title = "You do not have enough credit.",
                      detail = "Your current balance is {balance}, but that costs {cost}.",
                      instance = message, extensions(balance, accounts))]
                OutOfCredit { balance: u64, cost: u64, message: String, accounts: Vec<String> },
                #[api(status = 404)]
                NotFound,
                #[api(status = 422, type = "https://example.net/validation-error",
                      title = "Your request is not valid.", extensions(errors = problems))]
                Invalid { problems: Vec<String> },
            }
        },
        |model| {
            assert_eq!(
                members(model, 0),
                [
                    r#"type = "https://example.com/probs/out-of-credit""#,
                    r#"title = "You do not have enough credit.""#,
                    "status = 403",
                    "detail = text field::DetailPlaceholder",
                    "instance = display rfc9457::ProblemInstanceDisplay",
                    "balance = serde omit rfc9457::ProblemExtensionSerialize",
                    "accounts = serde omit rfc9457::ProblemExtensionSerialize",
                ]
            );
            assert_eq!(
                members(model, 1),
                [
                    r#"type = "about:blank""#,
                    r#"title = "Not Found""#,
                    "status = 404"
                ]
            );
            assert_eq!(
                members(model, 2),
                [
                    r#"type = "https://example.net/validation-error""#,
                    r#"title = "Your request is not valid.""#,
                    "status = 422",
                    "errors = serde omit rfc9457::ProblemExtensionSerialize",
                ]
            );
            let types: Vec<&str> = (0..3)
                .map(|index| coded(model, index).plan.type_uri.as_str())
                .collect();
            assert_eq!(
                types,
                [
                    "https://example.com/probs/out-of-credit",
                    "about:blank",
                    "https://example.net/validation-error"
                ]
            );
            // No code: `ApiError::code` is the status.
            let codes: Vec<(u16, u16)> = (0..3)
                .map(|index| (coded(model, index).code, coded(model, index).status))
                .collect();
            assert_eq!(codes, [(403, 403), (404, 404), (422, 422)]);
            assert!(coded(model, 0).plan.sub_body.is_none());
            assert_eq!(coded(model, 0).plan.body.name, "ProblemDetails");
        },
    );
}

#[test]
fn a_code_is_the_first_extension_and_the_errors_code() {
    with_model(
        &parse_quote! {
            #[api(format = "rfc9457", type_base = "https://api.example.com/errors/")]
            enum E {
                #[api(status = 400, code = 2202, type = "missing-query-property",
                      title = "Missing property in query string", detail = property,
                      instance = "/requests/{request}", extensions(property_path = property, request))]
                MissingQueryProperty { property: Option<String>, request: u64 },
                #[api(status = 404, code = 65535, title = "Not Found")]
                NotFound,
            }
        },
        |model| {
            assert_eq!(
                members(model, 0),
                [
                    r#"type = "https://api.example.com/errors/missing-query-property""#,
                    r#"title = "Missing property in query string""#,
                    "status = 400",
                    "detail = display rfc9457::ProblemDetailDisplay",
                    "instance = text rfc9457::ProblemInstancePlaceholder",
                    "code = 2202",
                    "property_path = serde omit rfc9457::ProblemExtensionSerialize",
                    "request = serde omit rfc9457::ProblemExtensionSerialize",
                ]
            );
            assert_eq!((coded(model, 0).code, coded(model, 0).status), (2202, 400));
            assert_eq!(
                members(model, 1),
                [
                    r#"type = "about:blank""#,
                    r#"title = "Not Found""#,
                    "status = 404",
                    "code = 65535"
                ]
            );
        },
    );
}

#[test]
fn about_blank_written_out_and_a_placeholder_title_on_a_type() {
    with_model(
        &parse_quote! {
            #[api(format = "rfc9457")]
            enum E {
                #[api(status = 429, type = "about:blank", title = "Too Many Requests")]
                Slow,
                #[api(status = 409, type = "tag:example.com,2024:conflict", title = "{0} is taken")]
                Taken(String),
                #[api(status = 511)]
                Portal,
            }
        },
        |model| {
            assert_eq!(
                members(model, 0),
                [
                    r#"type = "about:blank""#,
                    r#"title = "Too Many Requests""#,
                    "status = 429"
                ]
            );
            assert_eq!(
                members(model, 1),
                [
                    r#"type = "tag:example.com,2024:conflict""#,
                    "title = text field::TitlePlaceholder",
                    "status = 409"
                ]
            );
            assert_eq!(
                members(model, 2),
                [
                    r#"type = "about:blank""#,
                    r#"title = "Network Authentication Required""#,
                    "status = 511"
                ]
            );
        },
    );
}

#[test]
fn variants_that_share_a_type_and_agree_are_allowed() {
    with_model(
        &parse_quote! {
            #[api(format = "rfc9457", type_base = "https://example.com/probs/")]
            enum E {
                #[api(status = 403, type = "out-of-credit", title = "No credit")]
                A,
                #[api(status = 403, type = "https://example.com/probs/out-of-credit", title = "No credit")]
                B { balance: u64 },
                #[api(status = 404)]
                C,
                #[api(status = 500)]
                D,
            }
        },
        |model| assert_eq!(model.variants.len(), 4),
    );
}

#[test]
fn framework_defaults_are_the_cases_statuses() {
    let format = super::Rfc9457 {
        type_base: Ok(None),
        request_id: None,
    };
    let expected = [
        ("missing_property", 400),
        ("invalid_property", 400),
        ("invalid_body", 400),
        ("missing_body", 400),
        ("unsupported_media_type", 415),
        ("payload_too_large", 413),
        ("invalid_path_parameter", 400),
        ("missing_query_parameter", 400),
        ("invalid_query_parameter", 400),
        ("not_found", 404),
        ("method_not_allowed", 405),
        ("panic", 500),
        ("timeout", 503),
    ];
    for (key, status) in expected {
        let case = framework_case(key).expect("a case");
        assert_eq!(
            crate::format::Format::framework_default(&format, case),
            Ok(status),
            "{key}"
        );
    }
}

#[test]
fn a_scheme_is_a_letter_then_letters_digits_plus_minus_dot() {
    for uri in [
        "https://example.com",
        "urn:problem:x",
        "tag:a",
        "a+b-c.d:x",
        "H2:x",
    ] {
        assert!(has_scheme(uri), "{uri}");
    }
    for uri in [
        "out-of-credit",
        "/probs/",
        "1http://x",
        ":x",
        "ht tp://x",
        "+a:x",
        "",
        "a_b:x",
    ] {
        assert!(!has_scheme(uri), "{uri}");
    }
}

/// Each mistake gives one error, and one derive reports them all.
#[test]
fn every_rule_reports_its_mistake_at_once() {
    let found = messages(&parse_quote! {
        #[api(format = "rfc9457")]
        enum E {
            #[api(title = "Gone")]
            MissingStatus,
            #[api(status = 403, type = "https://example.com/a")]
            TypeWithoutTitle,
            #[api(status = 404, title = "Missing")]
            AboutBlankOtherTitle,
            #[api(status = 499)]
            NoReasonPhrase,
            #[api(status = 400, type = "relative", title = "T")]
            Relative,
            #[api(status = 400, code = 65536, extensions(_x1 = a, ab = a, ok_1 = a, ok_1 = b, title = b, grün = a))]
            Names { a: u8, b: u8 },
            #[api(status = 400, code = 1, extensions(code = a, nope))]
            CodeTwice { a: u8 },
            #[api(status = 400, instance = nothing)]
            NoInstanceField,
        }
    });
    let expected = [
        "missing `status` on `MissingStatus`",
        "missing `title` on `TypeWithoutTitle`",
        "an about:blank problem's title is its status's reason phrase, and 404's is \"Not Found\"",
        "status 499 has no reason phrase in the IANA registry",
        "`type = \"relative\"` has no scheme, and the type has no `type_base`",
        "code 65536 is too large",
        "`_x1` is not an extension name",
        "`ab` is not an extension name",
        "the extension `ok_1` is written twice",
        "the extension `title` would collide with the standard member `title`",
        "`grün` is not an extension name",
        "the extension `code` would collide with the `code` member",
        "`extensions` names `nope`, which is not a field of `CodeTwice`",
        "`instance` names `nothing`, which is not a field of `NoInstanceField`",
    ];
    for lead in expected {
        assert_eq!(
            found
                .iter()
                .filter(|message| message.starts_with(lead))
                .count(),
            1,
            "{lead:?} once in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn a_type_base_that_is_not_absolute_is_reported_once() {
    for base in ["/probs/", "example.com/probs/", "https:", "https://a b/"] {
        let input: syn::DeriveInput = syn::parse_str(&format!(
            r#"#[api(format = "rfc9457", type_base = {base:?})]
            enum E {{
                #[api(status = 403, type = "out-of-credit", title = "No credit")]
                A,
            }}"#
        ))
        .expect("an item");
        let found = messages(&input);
        // Not also "no `type_base`" for the relative type.
        assert_eq!(found.len(), 1, "{base}: {found:#?}");
        assert!(
            found[0].contains("is not an absolute URI"),
            "{base}: {found:#?}"
        );
    }
}

#[test]
fn variants_that_share_a_type_but_not_its_title_or_status_are_reported() {
    let found = messages(&parse_quote! {
        #[api(format = "rfc9457", type_base = "https://example.com/probs/")]
        enum E {
            #[api(status = 403, type = "t", title = "One")]
            A,
            #[api(status = 403, type = "t", title = "Two")]
            B,
            #[api(status = 402, type = "https://example.com/probs/t", title = "One")]
            C,
            #[api(status = 404)]
            D,
            #[api(status = 410)]
            F,
        }
    });
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("`B` gives the type https://example.com/probs/t the title \"Two\", but `A` gives it \"One\""), "{found:#?}");
    assert!(
        found[1].starts_with(
            "`C` gives the type https://example.com/probs/t the status 402, but `A` gives it 403"
        ),
        "{found:#?}"
    );
}
