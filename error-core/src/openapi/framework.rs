//! The framework's own errors in a document: on each operation the answers
//! its request can cause, and in the description the answers to requests
//! that no operation describes (404, 405).
//!
//! What an operation's request can cause is read from the operation as the
//! document states it (its request body, its parameters), so it holds for
//! any framework and extractor that answers through `FromFrameworkError`
//! (as the derive writes it: `ApiError::__from_framework_error`).

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write as _;

use utoipa::openapi::content::Content;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::path::{Operation, Parameter, ParameterIn, PathItem};
use utoipa::openapi::request_body::RequestBody;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{Components, OpenApi, RefOr, Required};

use super::{body_schema_of, description};
use crate::ApiError;
use crate::Format;
use crate::common::framework_cases::framework_case;
use crate::framework::{FrameworkError, response_status};

/// What the examples show for the name a case hands over: the same
/// `{field}` placeholders as the examples of the variants.
const PROPERTY: &str = "{property}";
const PARAMETER: &str = "{parameter}";

/// Adds the framework's answers, as `E` gives them (none for a type that
/// answers no framework error), to the operations
/// under `prefix` but not under one of the `nested` prefixes (another
/// type's), and the answers to requests outside them to the document's
/// description.
pub(super) fn document<E: ApiError>(openapi: &mut OpenApi, prefix: &str, nested: &[String]) {
    let OpenApi {
        info,
        paths,
        components,
        ..
    } = openapi;
    let components = components.as_ref();
    for (path, item) in &mut paths.paths {
        if !is_under(path, prefix) || nested.iter().any(|nested| is_under(path, nested)) {
            continue;
        }
        let PathItem {
            parameters,
            get,
            put,
            post,
            delete,
            options,
            head,
            patch,
            trace,
            query,
            additional_operations,
            ..
        } = item;
        let shared = parameters.as_deref().unwrap_or_default();
        let operations = [get, put, post, delete, options, head, patch, trace, query]
            .into_iter()
            .filter_map(Option::as_mut)
            .chain(additional_operations.values_mut());
        for operation in operations {
            let reads = Reads::of(path, shared, operation, components);
            let mut by_status: BTreeMap<u16, Vec<Answer>> = BTreeMap::new();
            for error in reads.cases() {
                if let Some(answer) = Answer::of::<E>(error) {
                    by_status.entry(answer.status).or_default().push(answer);
                }
            }
            for (status, answers) in by_status {
                add::<E>(operation, status, &answers, components);
            }
        }
    }
    let Some(unrouted) = unrouted::<E>(prefix, nested) else {
        // A type that answers no framework error: nothing to say.
        return;
    };
    // Once, however often the modifier runs.
    info.description = Some(match info.description.take() {
        Some(existing) if existing.contains(&unrouted) => existing,
        Some(existing) if !existing.is_empty() => alloc::format!("{existing}\n\n{unrouted}"),
        _ => unrouted,
    });
}

/// Whether `path` is `prefix` or below it, by whole segments.
fn is_under(path: &str, prefix: &str) -> bool {
    let prefix = prefix.trim_end_matches('/');
    match path.strip_prefix(prefix) {
        Some(rest) => rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

/// The parts of a request that the framework reads for an operation.
#[derive(Debug, Default)]
struct Reads {
    body: Presence,
    /// A path parameter.
    path: bool,
    /// The query parameters (or the whole query string): required when one
    /// of them is.
    query: Presence,
}

/// Whether a request has a part (a body, query parameters), and whether it
/// must.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Presence {
    #[default]
    None,
    Optional,
    Required,
}

impl Presence {
    fn of(required: bool) -> Presence {
        if required {
            Presence::Required
        } else {
            Presence::Optional
        }
    }
}

impl Reads {
    fn of(
        path: &str,
        shared: &[RefOr<Parameter>],
        operation: &Operation,
        components: Option<&Components>,
    ) -> Reads {
        let mut reads = Reads {
            // A template names its parameters even where a document does
            // not declare them (which OpenAPI requires, but not every
            // generator checks).
            path: path.contains('{'),
            ..Reads::default()
        };
        let declared = operation.parameters.as_deref().unwrap_or_default();
        for parameter in shared.iter().chain(declared) {
            let Some(parameter) = resolve_parameter(parameter, components) else {
                continue;
            };
            let required = matches!(parameter.required, Required::True);
            match parameter.parameter_in {
                ParameterIn::Path => reads.path = true,
                ParameterIn::Query | ParameterIn::QueryString => {
                    reads.query = reads.query.max(Presence::of(required));
                }
                ParameterIn::Header | ParameterIn::Cookie => {}
            }
        }
        if let Some(body) = &operation.request_body {
            // A body the document cannot show (a `$ref` to nothing) is
            // taken as required, as the framework's extractors take it.
            reads.body = Presence::of(
                resolve_body(body, components)
                    .is_none_or(|body| matches!(body.required, Some(Required::True))),
            );
        }
        reads
    }

    /// The framework errors such a request can cause, in the order of
    /// `FrameworkError`.
    fn cases(&self) -> Vec<FrameworkError<'static>> {
        let mut cases = Vec::with_capacity(11);
        if self.body != Presence::None {
            cases.extend([
                FrameworkError::MissingProperty { property: PROPERTY },
                FrameworkError::InvalidProperty { property: PROPERTY },
                FrameworkError::InvalidBody,
            ]);
            if self.body == Presence::Required {
                cases.push(FrameworkError::MissingBody);
            }
            cases.extend([
                FrameworkError::UnsupportedMediaType,
                FrameworkError::PayloadTooLarge,
            ]);
        }
        if self.path {
            cases.push(FrameworkError::InvalidPathParameter {
                parameter: PARAMETER,
            });
        }
        if self.query == Presence::Required {
            cases.push(FrameworkError::MissingQueryParameter {
                parameter: PARAMETER,
            });
        }
        if self.query != Presence::None {
            cases.push(FrameworkError::InvalidQueryParameter {
                parameter: PARAMETER,
            });
        }
        cases.extend([FrameworkError::Panic, FrameworkError::Timeout]);
        cases
    }
}

fn resolve_parameter<'a>(
    parameter: &'a RefOr<Parameter>,
    components: Option<&'a Components>,
) -> Option<&'a Parameter> {
    match parameter {
        RefOr::T(parameter) => Some(parameter),
        RefOr::Ref(reference) => {
            let name = reference
                .ref_location
                .strip_prefix("#/components/parameters/")?;
            match components?.parameters.get(name)? {
                RefOr::T(parameter) => Some(parameter),
                RefOr::Ref(_) => None,
            }
        }
    }
}

fn resolve_body<'a>(
    body: &'a RefOr<RequestBody>,
    components: Option<&'a Components>,
) -> Option<&'a RequestBody> {
    match body {
        RefOr::T(body) => Some(body),
        RefOr::Ref(reference) => {
            let name = reference
                .ref_location
                .strip_prefix("#/components/requestBodies/")?;
            match components?.request_bodies.get(name)? {
                RefOr::T(body) => Some(body),
                RefOr::Ref(_) => None,
            }
        }
    }
}

/// How `E` answers one framework error.
struct Answer {
    /// The case's key: the example is named `framework: {key}`.
    key: &'static str,
    /// What the case is, in words.
    what: &'static str,
    status: u16,
    title: String,
    body: serde_json::Value,
}

impl Answer {
    fn of<E: ApiError>(error: FrameworkError<'static>) -> Option<Answer> {
        let variant = E::__from_framework_error(error)?;
        let key = error.key().unwrap_or_default();
        Some(Answer {
            key,
            what: framework_case(key).map_or("", |case| case.what),
            status: response_status(error.status(), &variant),
            title: variant.title().into_owned(),
            body: super::with_request_id::<E>(
                serde_json::from_str(&variant.to_json()).unwrap_or_default(),
            ),
        })
    }

    fn example(&self) -> RefOr<utoipa::openapi::example::Example> {
        ExampleBuilder::new()
            .summary(alloc::format!("Answered by the framework: {}", self.what))
            .value(Some(self.body.clone()))
            .build()
            .into()
    }
}

/// Adds `answers` (all of `status`) to the operation's response for
/// `status`, or to a new one.
fn add<E: ApiError>(
    operation: &mut Operation,
    status: u16,
    answers: &[Answer],
    components: Option<&Components>,
) {
    let response = operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| RefOr::T(new_response(status, answers)));
    // A shared response (`$ref` to `components.responses`) is copied in, so
    // that the examples of this operation do not reach the others.
    if let RefOr::Ref(reference) = response {
        let shared = reference
            .ref_location
            .strip_prefix("#/components/responses/")
            .and_then(|name| components?.responses.get(name));
        match shared {
            Some(RefOr::T(shared)) => *response = RefOr::T(shared.clone()),
            _ => return,
        }
    }
    let RefOr::T(response) = response else {
        return;
    };
    let content = response
        .content
        .entry(E::Format::MEDIA_TYPE.into())
        .or_insert_with(|| RefOr::T(Content::new(Some(body_schema_of::<E>()))));
    let RefOr::T(content) = content else {
        return;
    };
    if content.schema.is_none() {
        content.schema = Some(body_schema_of::<E>());
    }
    // OpenAPI allows `example` or `examples`, not both: a lone example
    // becomes one of the named ones.
    if let Some(example) = content.example.take() {
        content.examples.insert(
            "example".into(),
            ExampleBuilder::new().value(Some(example)).build().into(),
        );
    }
    for answer in answers {
        content.examples.insert(
            alloc::format!("framework: {}", answer.key),
            answer.example(),
        );
    }
}

/// A response of its own for a status the operation does not document.
fn new_response(status: u16, answers: &[Answer]) -> Response {
    let mut titles: Vec<&str> = Vec::with_capacity(answers.len());
    for answer in answers {
        if !titles.contains(&answer.title.as_str()) {
            titles.push(&answer.title);
        }
    }
    ResponseBuilder::new()
        .description(description(status, &titles))
        .build()
}

/// The description of the answers to requests that no operation
/// describes: a path that none has, a method that its path does not take.
fn unrouted<E: ApiError>(prefix: &str, nested: &[String]) -> Option<String> {
    let answer = |error: FrameworkError<'static>| {
        let variant = E::__from_framework_error(error)?;
        // Read in order: the description shows the body as the wire has it
        // (a `serde_json::Value` sorts its members).
        let body = serde_json::from_str::<crate::json::Value>(&variant.to_json())
            .and_then(|body| serde_json::to_string_pretty(&body))
            .unwrap_or_default();
        Some((response_status(error.status(), &variant), body))
    };
    let (not_found, not_found_body) = answer(FrameworkError::NotFound)?;
    let (method, method_body) = answer(FrameworkError::MethodNotAllowed)?;
    let mut scope = match prefix.trim_end_matches('/') {
        "" => String::new(),
        prefix => alloc::format!(" under `{prefix}`"),
    };
    if let Some((last, others)) = nested.split_last() {
        let others: Vec<String> = others
            .iter()
            .map(|other| alloc::format!("`{other}`"))
            .collect();
        let listed = if others.is_empty() {
            alloc::format!("`{last}`")
        } else {
            alloc::format!("{} and `{last}`", others.join(", "))
        };
        let _ = write!(scope, " (except under {listed}, described below)");
    }
    let media_type = <E::Format as Format>::MEDIA_TYPE;
    Some(alloc::format!(
        "Requests{scope} that no operation describes are answered in `{media_type}` too. \
         A path that no operation has is answered with status {not_found}:\n\n\
         ```json\n{not_found_body}\n```\n\n\
         A method that the path does not take, with status {method} and an `Allow` header \
         listing the methods it takes:\n\n\
         ```json\n{method_body}\n```"
    ))
}

#[cfg(test)]
mod tests {
    use super::is_under;

    #[test]
    fn a_prefix_takes_whole_segments() {
        assert!(is_under("/oz", "/oz"));
        assert!(is_under("/oz/capsules/{id}", "/oz"));
        assert!(is_under("/oz/capsules", "/oz/"));
        assert!(!is_under("/ozone", "/oz"));
        assert!(!is_under("/entrecode/oz", "/oz"));
        assert!(is_under("/anything", ""));
        assert!(is_under("/anything", "/"));
    }
}
