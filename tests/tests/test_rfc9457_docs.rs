//! The rfc9457 format's documentation: the catalog (one row per variant,
//! with its type URI), the markdown table `| Type | Title | Status |
//! Description |` and the JSON catalog, compared with tables written out
//! by hand.

use api_errors::ApiError;

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
fn test_the_catalog_has_one_row_per_variant_with_its_type() {
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
fn test_the_markdown_table() {
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
fn test_the_json_catalog() {
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
