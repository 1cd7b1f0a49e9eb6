//! The entrecode page's example response, rebuilt from an error enum.
//!
//! `cargo run --example entrecode` prints the body of a 2202 "Missing
//! property in query string" with an embedded 2201, exactly as the page shows
//! it, parses it back with `api_errors::entrecode::Problem`, and prints the
//! documentation table.

use api_errors::ApiError;
use api_errors::entrecode::Problem;

/// Errors of the Data Manager (system 2).
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
pub enum DataManagerError {
    /// A required query parameter is missing.
    #[api(code = 202, detail = name, embed = cause)]
    MissingQuery {
        /// The missing parameter.
        name: String,
        /// What else went wrong in the request.
        cause: Option<BodyError>,
    },
    /// Something failed inside the Data Manager.
    #[api(code = 2000)]
    Internal(#[allow(dead_code, reason = "logged, never sent")] std::io::Error),
}

/// Errors in a request's JSON body.
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
pub enum BodyError {
    /// A required property is missing. (The page's example spells the title
    /// "JSON Body"; its table, the default, says "JSON body".)
    #[api(code = 201, title = "Missing property in JSON Body", detail = 0)]
    MissingProperty(String),
}

fn main() {
    let error = DataManagerError::MissingQuery {
        name: "count".into(),
        cause: Some(BodyError::MissingProperty("property".into())),
    };
    let body = error.to_json();
    println!("HTTP {} ({})", error.status(), error.content_type());
    let pretty: serde_json::Value = serde_json::from_str(&body).expect("a body is JSON");
    println!(
        "{}\n",
        serde_json::to_string_pretty(&pretty).expect("a Value serialises")
    );

    let problem: Problem = serde_json::from_str(&body).expect("the body parses as a Problem");
    println!(
        "parsed back: {} {} \"{}\" (detail {:?})\n",
        problem.status, problem.code, problem.title, problem.detail
    );

    let internal = DataManagerError::Internal(std::io::Error::other("disk full on /var/lib/dm"));
    println!(
        "an internal error says no more than its title:\n{}\n",
        internal.to_json()
    );

    println!("{}", api_errors::docs::markdown::<DataManagerError>());
}
