//! The `rfc9457_out_of_credit` group: RFC 9457 §3's out-of-credit
//! problem, written every way the other groups are, and by the two peer
//! crates that speak RFC 9457 (`http-api-problem`,
//! `problem_details`).
//!
//! The peers cannot write the body's bytes: both put `status` before `title`
//! and `http-api-problem` keeps its extensions in a `HashMap`. Their bodies
//! are checked equal as JSON values ([`check`]), the others byte for byte.

use api_errors::ApiError;
use http::Uri;
use http_api_problem::{HttpApiProblem, StatusCode};
use problem_details::ProblemDetails;
use serde::Serialize;

use crate::escape;

/// The crate docs' `PurchaseError` (RFC 9457 §3's example as a type).
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
    /// No such product: `about:blank`, title "Not Found".
    #[api(status = 404)]
    NotFound,
}

/// The values of the body, as each way receives them.
#[derive(Debug, Clone)]
pub struct OutOfCredit {
    /// `balance`.
    pub balance: u64,
    /// `cost`.
    pub cost: u64,
    /// The `instance`.
    pub message: String,
    /// `accounts`.
    pub accounts: Vec<String>,
}

/// The example's values.
#[must_use]
pub fn values() -> OutOfCredit {
    OutOfCredit {
        balance: 30,
        cost: 50,
        message: "/account/12345/msgs/abc".into(),
        accounts: vec!["/account/12345".into(), "/account/67890".into()],
    }
}

/// The derived error holding [`values`].
#[must_use]
pub fn out_of_credit() -> PurchaseError {
    let OutOfCredit {
        balance,
        cost,
        message,
        accounts,
    } = values();
    PurchaseError::OutOfCredit {
        balance,
        cost,
        message,
        accounts,
    }
}

/// The example's body, byte for byte.
pub const EXPECTED: &str = concat!(
    r#"{"type":"https://example.com/probs/out-of-credit","#,
    r#""title":"You do not have enough credit.","status":403,"#,
    r#""detail":"Your current balance is 30, but that costs 50.","#,
    r#""instance":"/account/12345/msgs/abc","#,
    r#""balance":30,"accounts":["/account/12345","/account/67890"]}"#,
);

const TYPE: &str = "https://example.com/probs/out-of-credit";
const TITLE: &str = "You do not have enough credit.";

/// The body as a hand-written serde struct: the floor a careful user writes
/// (borrowed fields, the detail formatted straight into the output).
#[derive(Serialize)]
pub struct OutOfCreditStruct<'a, D> {
    /// `type`.
    #[serde(rename = "type")]
    pub type_url: &'a str,
    /// `title`.
    pub title: &'a str,
    /// `status`.
    pub status: u16,
    /// `detail`.
    pub detail: D,
    /// `instance`.
    pub instance: &'a str,
    /// `balance`.
    pub balance: u64,
    /// `accounts`.
    pub accounts: &'a [String],
}

/// [`out_of_credit`] as a serde struct.
///
/// # Panics
/// Never: writing into a `Vec` cannot fail.
pub fn out_of_credit_struct(out: &mut Vec<u8>, values: &OutOfCredit) {
    let body = OutOfCreditStruct {
        type_url: TYPE,
        title: TITLE,
        status: 403,
        // `fmt::Arguments` serialises through `collect_str`: no `String`.
        detail: format_args!(
            "Your current balance is {}, but that costs {}.",
            values.balance, values.cost
        ),
        instance: &values.message,
        balance: values.balance,
        accounts: &values.accounts,
    };
    serde_json::to_writer(out, &body).expect("serialises");
}

/// Appends `value` in decimal (through `serde_json`, whose integer writer is
/// the fastest at hand: no `fmt` machinery).
fn integer(value: u64, out: &mut Vec<u8>) {
    // Writing an integer into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &value);
}

/// [`out_of_credit`] by hand: the constant JSON pre-escaped, the strings
/// escaped, the integers written as digits.
pub fn out_of_credit_hand(out: &mut Vec<u8>, values: &OutOfCredit) {
    out.extend_from_slice(
        br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is "#,
    );
    integer(values.balance, out);
    out.extend_from_slice(b", but that costs ");
    integer(values.cost, out);
    out.extend_from_slice(br#".","instance":""#);
    escape(&values.message, out);
    out.extend_from_slice(br#"","balance":"#);
    integer(values.balance, out);
    out.extend_from_slice(br#","accounts":["#);
    for (index, account) in values.accounts.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.push(b'"');
        escape(account, out);
        out.push(b'"');
    }
    out.extend_from_slice(b"]}");
}

/// The detail text, as a `String` (what both peer crates take).
fn detail(values: &OutOfCredit) -> String {
    format!(
        "Your current balance is {}, but that costs {}.",
        values.balance, values.cost
    )
}

/// [`out_of_credit`] with `http-api-problem`: built, then serialised.
///
/// # Panics
/// Never: writing into a `Vec` cannot fail.
pub fn out_of_credit_http_api_problem(out: &mut Vec<u8>, values: &OutOfCredit) {
    let problem = HttpApiProblem::new(StatusCode::FORBIDDEN)
        .type_url(TYPE)
        .title(TITLE)
        .detail(detail(values))
        .instance(values.message.as_str())
        .value("balance", &values.balance)
        .value("accounts", &values.accounts);
    serde_json::to_writer(out, &problem).expect("serialises");
}

/// The extension members of [`out_of_credit_problem_details`], flattened
/// into the object after `problem_details`'s own members.
#[derive(Serialize)]
struct Extensions<'a> {
    balance: u64,
    accounts: &'a [String],
}

/// [`out_of_credit`] with `problem_details` (its `instance` is an
/// `http::Uri`, parsed from the text): built, then serialised.
///
/// # Panics
/// Never: the instance is a valid URI reference and writing into a `Vec`
/// cannot fail.
pub fn out_of_credit_problem_details(out: &mut Vec<u8>, values: &OutOfCredit) {
    let instance = Uri::try_from(values.message.as_str()).expect("a URI reference");
    let problem = ProblemDetails::new()
        .with_type(Uri::from_static(TYPE))
        .with_status(StatusCode::FORBIDDEN)
        .with_title(TITLE)
        .with_detail(detail(values))
        .with_instance(instance)
        .with_extensions(Extensions {
            balance: values.balance,
            accounts: &values.accounts,
        });
    serde_json::to_writer(out, &problem).expect("serialises");
}

/// Checks every way against [`EXPECTED`]: the derived ones, the struct and
/// the hand writer byte for byte, the peers as JSON values.
///
/// # Panics
/// When one of them differs.
pub fn check() {
    fn bytes(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).expect("UTF-8")
    }
    fn json(text: &str) -> serde_json::Value {
        serde_json::from_str(text).expect("JSON")
    }
    let error = out_of_credit();
    let values = values();
    assert_eq!(bytes(|out| error.write_json(out)), EXPECTED);
    assert_eq!(error.to_json(), EXPECTED);
    assert_eq!(serde_json::to_string(&error.body()).unwrap(), EXPECTED);
    assert_eq!(bytes(|out| out_of_credit_struct(out, &values)), EXPECTED);
    assert_eq!(bytes(|out| out_of_credit_hand(out, &values)), EXPECTED);
    assert_eq!(
        json(&bytes(|out| out_of_credit_http_api_problem(out, &values))),
        json(EXPECTED)
    );
    assert_eq!(
        json(&bytes(|out| out_of_credit_problem_details(out, &values))),
        json(EXPECTED)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_gives_the_design_body() {
        check();
    }

    /// The peers' check compares JSON values: it must see a changed member
    /// and must not see the member order.
    #[test]
    fn json_equality_sees_values_not_order() {
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(
            value(r#"{"status":403,"title":"t"}"#),
            value(r#"{"title":"t","status":403}"#)
        );
        assert_ne!(
            value(r#"{"status":403,"title":"t"}"#),
            value(r#"{"title":"t","status":404}"#)
        );
    }

    /// `problem_details` writes `status` before `title`: its body cannot be
    /// compared byte for byte, only as JSON.
    #[test]
    fn problem_details_puts_status_before_title() {
        let mut out = Vec::new();
        out_of_credit_problem_details(&mut out, &values());
        assert!(out.starts_with(
            br#"{"type":"https://example.com/probs/out-of-credit","status":403,"title""#
        ));
    }

    #[test]
    fn the_hand_writer_escapes_the_runtime_texts() {
        let mut values = values();
        values.message = "/a\"b".into();
        values.accounts = vec!["x\\y".into(), "\n".into()];
        let mut out = Vec::new();
        out_of_credit_hand(&mut out, &values);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            concat!(
                r#"{"type":"https://example.com/probs/out-of-credit","#,
                r#""title":"You do not have enough credit.","status":403,"#,
                r#""detail":"Your current balance is 30, but that costs 50.","#,
                r#""instance":"/a\"b","balance":30,"accounts":["x\\y","\n"]}"#,
            )
        );
    }
}
