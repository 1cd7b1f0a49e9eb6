//! RFC 9457 problem details, from error enums.
//!
//! `cargo run --example rfc9457` prints (and checks, byte for byte) the
//! RFC's two examples, out of credit and a validation error with its
//! `errors` extension, each with `status` after `title` as the format writes
//! it; reads one back with `api_errors::rfc9457::ProblemDetails`; prints the
//! documentation table; then moves an entrecode enum to rfc9457 by changing
//! its `#[api(...)]` on the type alone: the variants keep their codes, now
//! the `code` extension member.

use api_errors::ApiError;
use api_errors::rfc9457::ProblemDetails;
use serde::Serialize;

/// One problem of a request body (RFC 9457 §3's validation example).
#[derive(Debug, Serialize)]
pub struct FieldProblem {
    detail: &'static str,
    pointer: &'static str,
}

/// The shop's problems.
#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
pub enum PurchaseError {
    /// The account cannot pay for the purchase.
    #[api(
        status = 403,
        type = "out-of-credit",
        title = "You do not have enough credit.",
        detail = "Your current balance is {balance}, but that costs {cost}.",
        instance = message,
        extensions(balance, accounts)
    )]
    OutOfCredit {
        /// The account's balance.
        balance: u64,
        /// The purchase's price.
        cost: u64,
        /// The occurrence's URI.
        message: String,
        /// The accounts that could pay.
        accounts: Vec<String>,
    },
    /// No such product.
    #[api(status = 404)] // type "about:blank", title "Not Found"
    NotFound,
    /// The request's body breaks the rules, property by property.
    #[api(
        status = 422,
        type = "https://example.net/validation-error",
        title = "Your request is not valid.",
        extensions(errors = problems)
    )]
    Invalid {
        /// Each property's problem.
        problems: Vec<FieldProblem>,
    },
}

/// The same variants in two formats: only the type's `#[api(...)]` differs.
macro_rules! data_manager_errors {
    ($(#[$format:meta])*) => {
        /// Errors of the Data Manager.
        #[derive(Debug, ApiError)]
        $(#[$format])*
        pub enum DataManagerError {
            /// A required query parameter is missing.
            #[api(code = 2202, status = 400, detail = name)]
            MissingQuery {
                /// The missing parameter.
                name: String,
            },
            /// No resource has this id.
            #[api(code = 2100, status = 404, detail = id)]
            NotFound {
                /// The id.
                id: String,
            },
            /// Something failed inside the Data Manager.
            #[api(code = 2000, status = 500)]
            Internal,
        }
    };
}

mod entrecode {
    use api_errors::ApiError;

    data_manager_errors!(#[api(
        format = "entrecode",
        type_url = "https://entrecode.de/doc/errors/{code}",
        up(title = "Data Manager Home Page", href = "https://datamanager.entrecode.de")
    )]);
}

mod rfc9457 {
    use api_errors::ApiError;

    data_manager_errors!(#[api(format = "rfc9457")]);
}

/// Prints `body` and checks it is `expected`.
fn show(what: &str, body: &str, expected: &str) {
    println!("{what}:\n{body}\n");
    assert_eq!(body, expected, "{what}");
}

fn main() {
    let out_of_credit = PurchaseError::OutOfCredit {
        balance: 30,
        cost: 50,
        message: "/account/12345/msgs/abc".into(),
        accounts: vec!["/account/12345".into(), "/account/67890".into()],
    };
    println!(
        "HTTP {} ({})",
        out_of_credit.status(),
        out_of_credit.content_type()
    );
    show(
        "RFC 9457, section 3: out of credit",
        &out_of_credit.to_json(),
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
    );
    let invalid = PurchaseError::Invalid {
        problems: vec![
            FieldProblem {
                detail: "must be a positive integer",
                pointer: "#/age",
            },
            FieldProblem {
                detail: "must be 'green', 'red' or 'blue'",
                pointer: "#/profile/color",
            },
        ],
    };
    show(
        "RFC 9457, section 3: a validation error with its errors extension",
        &invalid.to_json(),
        r##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","status":422,"errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##,
    );
    show(
        "about:blank: the status's reason phrase",
        &PurchaseError::NotFound.to_json(),
        r#"{"type":"about:blank","title":"Not Found","status":404}"#,
    );

    let body = out_of_credit.to_json();
    let problem = ProblemDetails::from_response(
        out_of_credit.status(),
        Some(out_of_credit.content_type()),
        body.as_bytes(),
    )
    .expect("a derived body reads back");
    println!(
        "parsed back: {} {:?} (balance {})\n",
        problem.type_uri, problem.title, problem.extensions["balance"]
    );

    println!("{}", api_errors::docs::markdown::<PurchaseError>());

    println!("An entrecode enum moved to rfc9457, its codes kept:\n");
    let missing = |name: &str| {
        (
            entrecode::DataManagerError::MissingQuery { name: name.into() },
            rfc9457::DataManagerError::MissingQuery { name: name.into() },
        )
    };
    let (before, after) = missing("count");
    println!("entrecode:\n{}\n", before.to_json());
    show(
        "rfc9457",
        &after.to_json(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"count","code":2202}"#,
    );
    assert_eq!(
        (before.code(), before.status()),
        (after.code(), after.status())
    );
    let before = entrecode::DataManagerError::NotFound { id: "42".into() };
    let after = rfc9457::DataManagerError::NotFound { id: "42".into() };
    assert_eq!(
        (before.code(), before.status()),
        (after.code(), after.status())
    );
    show(
        "rfc9457",
        &after.to_json(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"42","code":2100}"#,
    );
    show(
        "rfc9457",
        &rfc9457::DataManagerError::Internal.to_json(),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"code":2000}"#,
    );
    assert_eq!(entrecode::DataManagerError::Internal.code(), 2000);
}
