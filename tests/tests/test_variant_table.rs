//! `docs::variant_table`: the derived table read back as text, against a
//! hand-written expectation of what each variant writes (what a reviewer
//! reads to see what a variant writes).

use api_errors::ApiError;

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum SubErr {
    #[api(code = 201, detail = property)]
    Missing { property: String },
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum DataError {
    #[api(code = 202, detail = property, verbose = context, embed = causes)]
    MissingProperty {
        property: Option<String>,
        context: u8,
        causes: Vec<SubErr>,
    },
    #[api(transparent)]
    Other(SubErr),
}

#[test]
fn test_an_entrecode_table_reads_as_what_each_variant_writes() {
    let expected = r#"MissingProperty: code 2202, status 400
  title: "Missing property in query string"
  write_json:
    bytes `{"status":400,"code":2202,"title":"Missing property in query string","type":"https://example.com/errors/2202"`
    if property is Some: ",\"detail\":\"", display property, "\""
    if context is present and serialises: ",\"verbose\":", serde context
    bytes `,"_links":{"up":{"title":"Home","href":"https://example.com"},"describedby":{"title":"Error Description","href":"https://example.com/errors/2202"}}`
    if there are sub-errors: ",\"_embedded\":{\"error\":", the sub-errors, "}"
    bytes `}`
  serde (struct Problem):
    status: 400
    code: 2202
    title: "Missing property in query string"
    type: "https://example.com/errors/2202"
    detail: display property, left out when None
    verbose: serde context, left out if absent or failing
    _links: {up: {title: "Home", href: "https://example.com"}, describedby: {title: "Error Description", href: "https://example.com/errors/2202"}}
    _embedded: sub-errors under "error", left out when there are none
  write_json as a sub-error:
    bytes `{"code":2202,"title":"Missing property in query string","type":"https://example.com/errors/2202"`
    if property is Some: ",\"detail\":\"", display property, "\""
    bytes `}`
  serde as a sub-error (struct SubError):
    code: 2202
    title: "Missing property in query string"
    type: "https://example.com/errors/2202"
    detail: display property, left out when None
Other: transparent (its field's type writes it)
"#;
    assert_eq!(api_errors::docs::variant_table::<DataError>(), expected);
}

/// What the table says is what the variant writes: the description's
/// constant bytes, with its runtime parts filled in by hand, are the body.
#[test]
fn test_the_described_bytes_are_the_body() {
    let error = DataError::MissingProperty {
        property: Some("count".into()),
        context: 7,
        causes: Vec::new(),
    };
    let expected = concat!(
        r#"{"status":400,"code":2202,"title":"Missing property in query string","type":"https://example.com/errors/2202""#,
        r#","detail":"count""#,
        r#","verbose":7"#,
        r#","_links":{"up":{"title":"Home","href":"https://example.com"},"describedby":{"title":"Error Description","href":"https://example.com/errors/2202"}}"#,
        "}",
    );
    assert_eq!(error.to_json(), expected);
    assert_eq!(serde_json::to_string(&error.body()).unwrap(), expected);
    let wrapped = DataError::Other(SubErr::Missing {
        property: "id".into(),
    });
    assert_eq!(wrapped.code(), 2201);
}

/// A format without sub-errors, whose variants take a code or not, whose
/// title and detail interpolate fields, and whose members are named by the
/// user (rfc9457's extensions).
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum CreditError {
    #[api(
        code = 7,
        status = 403,
        type = "out-of-credit",
        title = "No credit for {item}",
        detail = "Your balance is {balance}, but that costs {cost}.",
        instance = account,
        extensions(balance, owners = accounts)
    )]
    OutOfCredit {
        item: String,
        balance: u64,
        cost: u64,
        account: Option<String>,
        accounts: Vec<String>,
    },
    #[api(status = 404)]
    NotFound,
}

#[test]
fn test_an_rfc9457_table_reads_as_what_each_variant_writes() {
    let expected = r#"OutOfCredit: code 7, status 403
  title: "No credit for " {item}
  write_json:
    bytes `{"type":"https://example.com/probs/out-of-credit","title":"No credit for `
    display item
    bytes `","status":403,"detail":"Your balance is `
    display balance
    bytes `, but that costs `
    display cost
    bytes `."`
    if account is Some: ",\"instance\":\"", display account, "\""
    bytes `,"code":7`
    if balance is present and serialises: ",\"balance\":", serde balance
    if accounts is present and serialises: ",\"owners\":", serde accounts
    bytes `}`
  serde (struct ProblemDetails):
    type: "https://example.com/probs/out-of-credit"
    title: text "No credit for " {item}
    status: 403
    detail: text "Your balance is " {balance} ", but that costs " {cost} "."
    instance: display account, left out when None
    code: 7
    balance: serde balance, left out if absent or failing
    owners: serde accounts, left out if absent or failing
NotFound: code 404, status 404
  title: "Not Found"
  write_json:
    bytes `{"type":"about:blank","title":"Not Found","status":404}`
  serde (struct ProblemDetails):
    type: "about:blank"
    title: "Not Found"
    status: 404
"#;
    assert_eq!(api_errors::docs::variant_table::<CreditError>(), expected);
}

/// The rfc9457 description's bytes, with its runtime parts filled in by hand,
/// are the bodies.
#[test]
fn test_the_described_rfc9457_bytes_are_the_body() {
    let error = CreditError::OutOfCredit {
        item: "a hat".into(),
        balance: 30,
        cost: 50,
        account: None,
        accounts: vec!["/account/1".into()],
    };
    let expected = concat!(
        r#"{"type":"https://example.com/probs/out-of-credit","title":"No credit for a hat""#,
        r#","status":403,"detail":"Your balance is 30, but that costs 50.""#,
        r#","code":7,"balance":30,"owners":["/account/1"]}"#,
    );
    assert_eq!(error.to_json(), expected);
    assert_eq!(serde_json::to_string(&error.body()).unwrap(), expected);
    let expected = r#"{"type":"about:blank","title":"Not Found","status":404}"#;
    assert_eq!(CreditError::NotFound.to_json(), expected);
    assert_eq!(
        serde_json::to_string(&CreditError::NotFound.body()).unwrap(),
        expected
    );
}
