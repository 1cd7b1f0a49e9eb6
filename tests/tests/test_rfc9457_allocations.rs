//! Heap allocations of rfc9457 bodies, counted by a counting global
//! allocator (`allocation-counter`, this thread only), as
//! `test_allocations.rs` counts the other formats': writing a problem into
//! a buffer that has room allocates nothing, on the fast path and on the
//! serde path, interpolated titles and details, `Display` instances,
//! extensions and a failing extension included; `to_json` allocates its
//! `String` once.

use std::collections::BTreeMap;
use std::fmt;

use allocation_counter::measure;
use api_errors::ApiError;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct FieldProblem {
    detail: String,
    pointer: String,
    limits: BTreeMap<String, u32>,
}

/// A value known only through its `Display`, written in pieces.
#[derive(Debug)]
struct Pointer(Vec<String>);

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            write!(f, "/{segment}")?;
        }
        Ok(())
    }
}

/// A value whose `Serialize` fails: the extension is omitted.
#[derive(Debug)]
struct Refuses;

impl Serialize for Refuses {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum PurchaseError {
    #[api(
        status = 403,
        type = "out-of-credit",
        title = "You do not have enough credit.",
        detail = "Your current balance is {balance}, but that costs {cost}.",
        instance = message,
        extensions(balance, accounts)
    )]
    OutOfCredit {
        balance: u64,
        cost: u64,
        message: String,
        accounts: Vec<String>,
    },
    #[api(status = 404)]
    NotFound,
    #[api(
        code = 2211,
        status = 422,
        type = "invalid",
        title = "Invalid {property}",
        detail = pointer,
        instance = "/requests/{request}",
        extensions(errors = problems, failing, request)
    )]
    Invalid {
        property: String,
        pointer: Pointer,
        request: u64,
        problems: Vec<FieldProblem>,
        failing: Refuses,
    },
    #[api(status = 400, type = "optional", title = "Optional", detail = detail, instance = instance)]
    Optional {
        detail: Option<Pointer>,
        instance: Option<String>,
    },
}

fn bodies() -> Vec<PurchaseError> {
    vec![
        PurchaseError::OutOfCredit {
            balance: 30,
            cost: 50,
            message: "/account/12345/msgs/abc".into(),
            accounts: vec!["/account/12345".into(), "/account/67890".into()],
        },
        PurchaseError::NotFound,
        PurchaseError::Invalid {
            property: "pro\"file".into(),
            pointer: Pointer(vec!["profile".into(), "co\nlor".into()]),
            request: 7,
            problems: vec![FieldProblem {
                detail: "must be 'green', 'red' or 'blue'".into(),
                pointer: "#/profile/color".into(),
                limits: [("max".into(), 3)].into(),
            }],
            failing: Refuses,
        },
        PurchaseError::Optional {
            detail: Some(Pointer(vec!["a".into()])),
            instance: None,
        },
        PurchaseError::Optional {
            detail: None,
            instance: Some("/x".into()),
        },
    ]
}

/// No allocation on either path into a buffer with room, and one for
/// `to_json`.
fn assert_allocations<E: ApiError + fmt::Debug>(error: &E) {
    let mut buffer = Vec::with_capacity(4096);
    let fast = measure(|| error.write_json(&mut buffer));
    assert_eq!(fast.count_total, 0, "write_json of {error:?}");
    let written = buffer.len();

    buffer.clear();
    let serde = measure(|| serde_json::to_writer(&mut buffer, &error.body()).unwrap());
    assert_eq!(serde.count_total, 0, "serde_json of body() of {error:?}");
    assert_eq!(buffer.len(), written);

    let mut json = String::new();
    let to_json = measure(|| json = error.to_json());
    assert_eq!(to_json.count_total, 1, "to_json of {error:?}: {json}");
    assert_eq!(json.len(), written);
}

#[test]
fn test_rfc9457_bodies_allocate_nothing() {
    bodies().iter().for_each(assert_allocations);
}

/// A buffer reused for many bodies grows once, then never again.
#[test]
fn test_reused_buffer_allocates_nothing() {
    let bodies = bodies();
    let mut buffer = Vec::new();
    let write_all = |buffer: &mut Vec<u8>| {
        for error in &bodies {
            buffer.clear();
            error.write_json(buffer);
        }
    };
    write_all(&mut buffer);
    let info = measure(|| write_all(&mut buffer));
    assert_eq!(info.count_total, 0);
}
