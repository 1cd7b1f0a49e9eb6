//! Documentation rendered from the catalogue: each format's table in the
//! shape of its seed page, and the JSON catalogue.

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
| 4 | Bad {0} | A `\\|` in a doc comment. |
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
| 2356 | **Cannot change Model, has Entries.** | model {0} | The affected field. | 403 |
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
}

#[test]
fn test_json_catalogue_has_stable_field_names() {
    let json: serde_json::Value =
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
            "description",
            "detail",
            "verbose"
        ]
    );
    assert_eq!(first["name"], "MissingQuery");
    assert_eq!(first["code"], 2202);
}
