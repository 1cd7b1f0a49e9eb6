//! The library's main job: one error enum, documented HTTP error responses.
//!
//! `cargo run --example quickstart` prints a few bodies with their status and
//! media type, the same error shape in the entrecode format, and the
//! documentation tables generated from the enums.

use api_errors::ApiError;

/// Errors of an OzCapsula upload endpoint, in the Oz format.
#[derive(Debug, ApiError)]
#[api(format = "oz")]
pub enum CapsuleError {
    /// The API did not receive the container.
    #[api(code = 13)]
    NoContainer,
    /// The container has no payload.json.
    #[api(code = 3, title = "Missing payload.json", detail = path)]
    MissingPayload {
        /// Where payload.json was expected.
        path: String,
    },
    /// The container's signature does not match its contents.
    #[api(code = 14, title = "Invalid signature")]
    BadSignature,
    /// No media were added to the container.
    #[api(code = 4, title = "Can't start analysis without media")]
    NoMedia,
    /// The session token is missing or empty.
    #[api(code = 14, title = "Invalid or empty Session Token")]
    BadSession,
    /// The requested capsule does not exist.
    #[api(code = 10, title = "Capsule {0} not found")]
    NotFound(u64),
    /// The database failed; the cause stays in the logs.
    #[api(code = 12)]
    Database(#[allow(dead_code, reason = "logged, never sent")] std::io::Error),
}

/// The same shape in the entrecode format: only the container attribute and
/// the codes change.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Capsule API", href = "https://example.com")
)]
pub enum CapsuleProblem {
    /// The API did not receive the container.
    #[api(code = 200)]
    NoContainer,
    /// The container has no payload.json.
    #[api(code = 201, detail = path)]
    MissingPayload {
        /// Where payload.json was expected.
        path: String,
    },
    /// The requested capsule does not exist.
    #[api(code = 100, title = "Capsule {0} not found")]
    NotFound(u64),
    /// The database failed; the cause stays in the logs.
    #[api(code = 0)]
    Database(#[allow(dead_code, reason = "logged, never sent")] std::io::Error),
}

fn show(error: &dyn ApiError<Format = impl api_errors::Format>) {
    let mut body = Vec::new();
    error.write_json(&mut body);
    println!(
        "HTTP {} ({})\n{}\n",
        error.status(),
        error.content_type(),
        String::from_utf8_lossy(&body)
    );
}

fn main() {
    println!("== Oz ==\n");
    show(&CapsuleError::BadSignature);
    show(&CapsuleError::MissingPayload {
        path: "capsule/payload.json".into(),
    });
    show(&CapsuleError::NotFound(42));
    show(&CapsuleError::Database(std::io::Error::other(
        "connection refused by 10.0.0.7",
    )));

    println!("== entrecode ==\n");
    show(&CapsuleProblem::MissingPayload {
        path: "capsule/payload.json".into(),
    });
    show(&CapsuleProblem::NotFound(42));
    show(&CapsuleProblem::Database(std::io::Error::other(
        "connection refused by 10.0.0.7",
    )));

    println!("== Documentation of CapsuleError ==\n");
    println!("{}", api_errors::docs::markdown::<CapsuleError>());
    println!("== Documentation of CapsuleProblem ==\n");
    println!("{}", api_errors::docs::markdown::<CapsuleProblem>());
}
