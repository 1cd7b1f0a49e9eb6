//! Documentation rendered from the catalog: each format's table in the
//! shape of its seed page (rfc9457's: `| Type | Title | Status |
//! Description |`, one row per variant with its type URI), and the JSON
//! catalog, compared with tables written out by hand.

use api_errors::ApiError;

/// OzCapsula errors, documented.
#[allow(dead_code, reason = "only the documentation is under test")]
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    /// Missing payload.json
    #[api(code = 3, title = "Invalid structure", detail = path)]
    MissingPayload { path: String },
    /// The container appears to be affected by errors
    /// and can't be unpackaged.
    #[api(code = 14, title = "Invalid signature")]
    BadSignature,
    #[api(code = 10)]
    NotFound,
    /// A `|` in a doc comment.
    #[api(code = 4, title = "Bad {0}")]
    Bad(u8),
}

#[test]
fn test_oz_markdown_has_the_seed_columns() {
    let expected = "\
| Error code | Error message | Description |
| --- | --- | --- |
| 3 | Invalid structure | Missing payload.json |
| 14 | Invalid signature | The container appears to be affected by errors and can't be unpackaged. |
| 10 | Resource not found | The requested resource is not found (alternative of HTTP status_code = 404). |
| 4 | Bad {value} | A `\\|` in a doc comment. |
";
    assert_eq!(api_errors::docs::markdown::<CapsuleError>(), expected);
}

/// Data Manager errors, documented.
#[allow(dead_code, reason = "only the documentation is under test")]
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
enum DataManagerError {
    /// No further information disclosured to client.
    #[api(code = 0)]
    Internal,
    /// A required query parameter is missing.
    ///
    /// The request is not processed.
    #[api(code = 202, detail = name)]
    MissingQuery {
        /// The missing parameter.
        name: String,
    },
    #[api(code = 150, detail = description, verbose = remote)]
    Remote { description: String, remote: String },
    #[api(code = 356, detail = "model {0}", verbose = 1)]
    ModelHasEntries(
        String,
        /// The affected field.
        String,
    ),
}

#[test]
fn test_entrecode_markdown_has_the_seed_columns() {
    let expected = "\
| Code | Description | Detail | Verbose | HTTP Status Code |
| --- | --- | --- | --- | --- |
| 2000 | **Internal Error** No further information disclosured to client. |  |  | 500 |
| 2202 | **Missing property in query string** A required query parameter is missing.<br>The request is not processed. | The missing parameter. |  | 400 |
| 2150 | **Error in remote API** | description of the error | the Error returned from the remote API | 400 |
| 2356 | **Cannot change Model, has Entries.** | model {value 1} | The affected field. | 403 |
";
    assert_eq!(api_errors::docs::markdown::<DataManagerError>(), expected);
}

#[test]
fn test_catalog_rows_carry_the_field_docs() {
    let rows = DataManagerError::catalog();
    assert_eq!(rows[1].detail, "The missing parameter.");
    assert_eq!(
        rows[1].description,
        "A required query parameter is missing.\nThe request is not processed."
    );
    assert_eq!(
        (rows[2].detail, rows[2].verbose),
        ("", ""),
        "undocumented fields leave the row empty"
    );
    assert_eq!(
        rows[3].detail, "model {0}",
        "a text detail documents itself"
    );
    assert_eq!(
        rows[3].readable_detail, "model {value 1}",
        "named for readers"
    );
}

#[test]
fn test_json_catalog_has_stable_field_names() {
    // Read in order (a `serde_json::Value` would sort the keys).
    let json: api_errors::json::Value =
        serde_json::from_str(&api_errors::docs::json::<DataManagerError>()).unwrap();
    assert_eq!(json["format"], "entrecode");
    assert_eq!(json["media_type"], "application/problem+json");
    let first = &json["errors"][1];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "name",
            "code",
            "status",
            "title",
            "readable_title",
            "description",
            "detail",
            "readable_detail",
            "verbose",
            "type_uri"
        ]
    );
    assert_eq!(first["name"], "MissingQuery");
    assert_eq!(first["code"], 2202);
}

/// Every kind of placeholder, as the docs show it to an API's consumers.
#[allow(dead_code, reason = "only the documentation is under test")]
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Placeholders {
    #[api(code = 201, title = "Missing {property}", detail = property)]
    Named {
        /// The property.
        property: String,
    },
    #[api(code = 100, title = "Capsule {0} not found")]
    Documented(
        /// capsule id.
        u64,
    ),
    #[api(code = 211, title = "{0} in {1}", detail = "at {1}, {{line}}")]
    Several(String, String),
    #[api(code = 950, title = "Expected <{r#type}> | got {{x}}", status = 422)]
    Raw { r#type: String },
    #[api(code = 951, title = "Quota of {0} exceeded", status = 429)]
    Quota(
        /// The `plan`'s {name}.
        ///
        /// Counted per day.
        u32,
    ),
}

#[test]
fn test_tables_name_every_placeholder_for_readers() {
    let expected = "\
| Code | Description | Detail | Verbose | HTTP Status Code |
| --- | --- | --- | --- | --- |
| 2201 | **Missing {property}** | The property. |  | 400 |
| 2100 | **Capsule {capsule id} not found** |  |  | 404 |
| 2211 | **{value 1} in {value 2}** | at {value 2}, {line} |  | 400 |
| 2950 | **Expected \\<{type}> \\| got {x}** |  |  | 422 |
| 2951 | **Quota of {The plan's name} exceeded** |  |  | 429 |
";
    assert_eq!(api_errors::docs::markdown::<Placeholders>(), expected);
}

#[test]
fn test_the_json_catalog_has_both_the_template_and_the_readable_text() {
    let json: serde_json::Value =
        serde_json::from_str(&api_errors::docs::json::<Placeholders>()).unwrap();
    let pairs: Vec<(&str, &str, &str, &str)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["title"].as_str().unwrap(),
                row["readable_title"].as_str().unwrap(),
                row["detail"].as_str().unwrap(),
                row["readable_detail"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (
                "Missing {property}",
                "Missing {property}",
                "The property.",
                "The property."
            ),
            (
                "Capsule {0} not found",
                "Capsule {capsule id} not found",
                "",
                ""
            ),
            (
                "{0} in {1}",
                "{value 1} in {value 2}",
                "at {1}, {{line}}",
                "at {value 2}, {line}"
            ),
            (
                "Expected <{r#type}> | got {{x}}",
                "Expected <{type}> | got {x}",
                "",
                ""
            ),
            (
                "Quota of {0} exceeded",
                "Quota of {The plan's name} exceeded",
                "",
                ""
            ),
        ]
    );
}

/// Variants that share entrecode codes, with their own docs.
#[allow(dead_code, reason = "only the documentation is under test")]
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Shared {
    /// No capsule has this id.
    #[api(code = 100, detail = id)]
    NoCapsule {
        /// The capsule's id.
        id: String,
    },
    #[api(code = 202, detail = name)]
    MissingQuery {
        /// The parameter.
        name: String,
    },
    /// No route matches the path.
    #[api(code = 100, detail = path)]
    NoRoute {
        /// The path.
        path: String,
    },
    /// No capsule has this id.
    #[api(code = 2100, title = "Resource not found", verbose = 0)]
    ByIndex(
        /// The lookup.
        String,
    ),
}

#[test]
fn test_variants_that_share_a_code_are_one_row_with_their_distinct_docs() {
    let expected = "\
| Code | Description | Detail | Verbose | HTTP Status Code |
| --- | --- | --- | --- | --- |
| 2100 | **Resource not found** No capsule has this id.<br>No route matches the path. | The capsule's id.<br>The path. | The lookup. | 404 |
| 2202 | **Missing property in query string** | The parameter. |  | 400 |
";
    assert_eq!(api_errors::docs::markdown::<Shared>(), expected);
    assert_eq!(
        Shared::catalog().len(),
        4,
        "the catalog keeps every variant"
    );
}

#[test]
fn test_the_json_catalog_has_one_row_per_entrecode_code() {
    let json: serde_json::Value =
        serde_json::from_str(&api_errors::docs::json::<Shared>()).unwrap();
    assert_eq!(
        json["errors"],
        serde_json::json!([
            {
                "name": "NoCapsule, NoRoute, ByIndex",
                "code": 2100,
                "status": 404,
                "title": "Resource not found",
                "readable_title": "Resource not found",
                "description": "No capsule has this id.\nNo route matches the path.",
                "detail": "The capsule's id.\nThe path.",
                "readable_detail": "The capsule's id.\nThe path.",
                "verbose": "The lookup.",
                "type_uri": "https://example.com/errors/2100"
            },
            {
                "name": "MissingQuery",
                "code": 2202,
                "status": 400,
                "title": "Missing property in query string",
                "readable_title": "Missing property in query string",
                "description": "",
                "detail": "The parameter.",
                "readable_detail": "The parameter.",
                "verbose": "",
                "type_uri": "https://example.com/errors/2202"
            }
        ])
    );
}

/// Oz codes are categories: variants that share one keep their rows.
#[allow(dead_code, reason = "only the documentation is under test")]
#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum Categories {
    /// No capsule has this id.
    #[api(code = 10, title = "Capsule {0} not found")]
    NoCapsule(u64),
    #[api(code = 10)]
    NoRoute,
}

#[test]
fn test_oz_keeps_one_row_per_variant() {
    let expected = "\
| Error code | Error message | Description |
| --- | --- | --- |
| 10 | Capsule {value} not found | No capsule has this id. |
| 10 | Resource not found | The requested resource is not found (alternative of HTTP status_code = 404). |
";
    assert_eq!(api_errors::docs::markdown::<Categories>(), expected);
    let json: serde_json::Value =
        serde_json::from_str(&api_errors::docs::json::<Categories>()).unwrap();
    let names: Vec<&str> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["NoCapsule", "NoRoute"]);
    assert!(
        json["errors"][0].get("type_uri").is_none(),
        "a format without type URIs has no type_uri member"
    );
}

/// rfc9457 problems: a row per variant, even where two share a status.
#[derive(Debug, ApiError)]
#[allow(dead_code, reason = "only its documentation is read")]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum PurchaseError {
    /// The account cannot pay for the purchase.
    ///
    /// Top it up | or pay less.
    #[api(
        status = 403,
        type = "out-of-credit",
        title = "You do not have enough credit.",
        detail = "Your current balance is {balance}, but that costs {cost}.",
        extensions(balance)
    )]
    OutOfCredit { balance: u64, cost: u64 },
    #[api(status = 404)]
    NotFound,
    /// The same status, another problem: a row of its own.
    #[api(status = 404, type = "no-such-offer", title = "No offer <{0}>")]
    NoOffer(/** offer id */ u32),
    #[api(
        code = 2202,
        status = 400,
        type = "urn:example:missing",
        title = "Missing a|b"
    )]
    Missing,
}

#[test]
fn test_rfc9457_catalog_has_one_row_per_variant_with_its_type() {
    let rows = PurchaseError::catalog();
    let summary: Vec<_> = rows
        .iter()
        .map(|row| (row.name, row.code, row.status, row.type_uri, row.title))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "OutOfCredit",
                403,
                403,
                "https://example.com/probs/out-of-credit",
                "You do not have enough credit."
            ),
            ("NotFound", 404, 404, "about:blank", "Not Found"),
            (
                "NoOffer",
                404,
                404,
                "https://example.com/probs/no-such-offer",
                "No offer <{0}>"
            ),
            ("Missing", 2202, 400, "urn:example:missing", "Missing a|b"),
        ]
    );
    assert_eq!(rows[2].readable_title, "No offer <{offer id}>");
    assert_eq!(
        rows[0].description,
        "The account cannot pay for the purchase.\nTop it up | or pay less."
    );
    assert_eq!(rows[1].description, "");
}

#[test]
fn test_rfc9457_markdown_has_a_row_per_variant() {
    assert_eq!(
        api_errors::docs::markdown::<PurchaseError>(),
        "| Type | Title | Status | Description |\n\
         | --- | --- | --- | --- |\n\
         | https://example.com/probs/out-of-credit | You do not have enough credit. | 403 | The account cannot pay for the purchase.<br>Top it up \\| or pay less. |\n\
         | about:blank | Not Found | 404 |  |\n\
         | https://example.com/probs/no-such-offer | No offer \\<{offer id}> | 404 | The same status, another problem: a row of its own. |\n\
         | urn:example:missing | Missing a\\|b | 400 |  |\n"
    );
}

#[test]
fn test_rfc9457_json_catalog_has_a_row_per_variant() {
    let json: serde_json::Value =
        serde_json::from_str(&api_errors::docs::json::<PurchaseError>()).unwrap();
    assert_eq!(json["format"], "rfc9457");
    assert_eq!(json["media_type"], "application/problem+json");
    let errors = json["errors"].as_array().unwrap();
    // One row per variant: the two 404s are two problems.
    assert_eq!(errors.len(), 4);
    assert_eq!(errors[0]["name"], "OutOfCredit");
    assert_eq!(errors[0]["status"], 403);
    assert_eq!(errors[0]["title"], "You do not have enough credit.");
    assert_eq!(
        errors[0]["detail"],
        "Your current balance is {balance}, but that costs {cost}."
    );
    assert_eq!(errors[1]["title"], "Not Found");
    assert_eq!(errors[2]["title"], "No offer <{0}>");
    assert_eq!(errors[2]["readable_title"], "No offer <{offer id}>");
    assert_eq!(errors[3]["code"], 2202);
}
