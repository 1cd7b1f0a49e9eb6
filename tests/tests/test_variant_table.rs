//! `docs::variant_table`: the derived table read back as text, against a
//! hand-written expectation of what each variant writes (issue 14: a
//! reviewer can see what a variant writes).

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
