//! Extractors shaped like axum's (`Json`, `Query`, `Path`, `Form`) whose
//! rejection is a [`Rejection`]: what was wrong, as data, for the layer to
//! answer in the error type's format.

use axum::body::{Bytes, HttpBody as _};
use axum::extract::path::ErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{RawPathParams, Request};
use axum_core::RequestExt as _;
use axum_core::body::Body;
use axum_core::extract::{
    FromRequest, FromRequestParts, OptionalFromRequest, OptionalFromRequestParts,
};
use axum_core::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use http::request::Parts;
use http::{HeaderMap, HeaderValue, Method, StatusCode};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Rejection;
use crate::framework::FrameworkError;
use crate::framework::{deserialize, media_type};

/// `Deref`, `DerefMut` and `From<T>`, as axum's extractors have them.
macro_rules! wrapper {
    ($name:ident) => {
        impl<T> core::ops::Deref for $name<T> {
            type Target = T;

            #[inline]
            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> core::ops::DerefMut for $name<T> {
            #[inline]
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }

        impl<T> From<T> for $name<T> {
            #[inline]
            fn from(inner: T) -> Self {
                $name(inner)
            }
        }
    };
}

/// A JSON body, read into `T`; as a response, `T` as JSON.
///
/// Used like `axum::Json`: the request's `Content-Type` must be
/// `application/json` or `application/*+json` (parameters such as
/// `charset` allowed), and the body is limited by axum's
/// `DefaultBodyLimit` (2 MiB unless the router sets another). It must be
/// the handler's last argument, as every extractor that reads the body.
///
/// It refuses a request with a [`Rejection`]:
///
/// | request | [`FrameworkError`] |
/// | --- | --- |
/// | no body (whatever its `Content-Type`) | `MissingBody` |
/// | a body without a JSON `Content-Type` | `UnsupportedMediaType` |
/// | a body over the limit | `PayloadTooLarge` |
/// | not JSON, cut short, not UTF-8, or a string or number for an object | `InvalidBody` |
/// | a required property absent | `MissingProperty { property }` |
/// | a property of the wrong type or format, or one `deny_unknown_fields` refuses | `InvalidProperty { property }` |
/// | an array for an object whose elements do not fit its fields in order (serde reads a struct from an array: `[1, 2]` for `{title: String}`) | `InvalidProperty` `[0]` |
///
/// `property` is the property's path as the client wrote it
/// (`profile.color`, `tags[1]`, serde's renames applied), taken from the
/// deserializer's calls, never from its message.
///
/// `Option<Json<T>>` is `None` when the request has no `Content-Type`, as
/// with axum's.
///
/// As a response, `T` serialised with `serde_json`, `Content-Type:
/// application/json`; if `T`'s `Serialize` fails, an empty 500 (which the
/// layer answers in the format).
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct Json<T>(pub T);

wrapper!(Json);

impl<T: DeserializeOwned> Json<T> {
    /// Reads `bytes` as JSON, as the extractor does once the body is read
    /// and its `Content-Type` checked.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] the extractor gives for that body (`MissingBody`
    /// for no bytes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Rejection> {
        deserialize::json_body(bytes, true)
            .map(Json)
            .map_err(Rejection::from)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let is_json = is_json(request.headers());
        let body = read_body(request, state).await?;
        deserialize::json_body(&body, is_json)
            .map(Json)
            .map_err(Rejection::from)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> OptionalFromRequest<S> for Json<T> {
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Option<Self>, Rejection> {
        if request.headers().contains_key(CONTENT_TYPE) {
            <Self as FromRequest<S>>::from_request(request, state)
                .await
                .map(Some)
        } else {
            Ok(None)
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        let mut body = Vec::with_capacity(128);
        match serde_json::to_writer(&mut body, &self.0) {
            Ok(()) => typed_response(body, "application/json"),
            Err(error) => unserialisable(&error),
        }
    }
}

/// A query string, read into `T`.
///
/// Used like `axum::extract::Query`. It refuses a request with a
/// [`Rejection`]: a required parameter absent is
/// `MissingQueryParameter { parameter }`, one that does not parse as its
/// type (or that the type refuses) `InvalidQueryParameter { parameter }`.
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct Query<T>(pub T);

wrapper!(Query);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        deserialize::urlencoded(query.as_bytes())
            .map(Query)
            .map_err(|fault| Rejection::from(fault.in_query()))
    }
}

/// A form: the query string of a `GET` or `HEAD` request, else an
/// `application/x-www-form-urlencoded` body (limited as [`Json`]'s), read
/// into `T`; as a response, `T` urlencoded.
///
/// Used like `axum::Form`. A form is a body, so its fields are properties:
/// it refuses a request with a [`Rejection`] of `MissingProperty`,
/// `InvalidProperty`, `MissingBody` (no body and no form `Content-Type`),
/// `UnsupportedMediaType` (a body of another type) or `PayloadTooLarge`.
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct Form<T>(pub T);

wrapper!(Form);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        if request.method() == Method::GET || request.method() == Method::HEAD {
            let query = request.uri().query().unwrap_or_default();
            return deserialize::urlencoded(query.as_bytes())
                .map(Form)
                .map_err(|fault| Rejection::from(fault.in_body()));
        }
        let is_form = is_form(request.headers());
        let body = read_body(request, state).await?;
        deserialize::form_body(&body, is_form)
            .map(Form)
            .map_err(Rejection::from)
    }
}

impl<T: Serialize> IntoResponse for Form<T> {
    fn into_response(self) -> Response {
        match serde_urlencoded::to_string(&self.0) {
            Ok(body) => typed_response(body.into_bytes(), "application/x-www-form-urlencoded"),
            Err(error) => unserialisable(&error),
        }
    }
}

/// The route's path parameters, read into `T` (a value for a route with one
/// parameter, a tuple in the route's order, or a struct by name).
///
/// Used like `axum::extract::Path`, which it runs. It refuses a request
/// with a [`Rejection`]: a parameter that does not parse is
/// `InvalidPathParameter { parameter }`, named by the route (`id` for
/// `/notes/{id}`; `""` only where neither axum nor the route can tell
/// which); a `Path` on a route without the parameters it reads is a bug in
/// the service, answered as `Status(500)`.
///
/// `Option<Path<T>>` is `None` on a route without parameters, as with
/// axum's.
#[derive(Debug)]
pub struct Path<T>(pub T);

wrapper!(Path);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match <axum::extract::Path<T> as FromRequestParts<S>>::from_request_parts(parts, state)
            .await
        {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => Err(path_rejection(&rejection, parts, state).await),
        }
    }
}

impl<T: DeserializeOwned + Send + 'static, S: Send + Sync> OptionalFromRequestParts<S> for Path<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Option<Self>, Rejection> {
        match <axum::extract::Path<T> as FromRequestParts<S>>::from_request_parts(parts, state)
            .await
        {
            Ok(axum::extract::Path(value)) => Ok(Some(Path(value))),
            Err(PathRejection::FailedToDeserializePathParams(failed))
                if matches!(
                    failed.kind(),
                    ErrorKind::WrongNumberOfParameters { got: 0, .. }
                ) =>
            {
                Ok(None)
            }
            Err(rejection) => Err(path_rejection(&rejection, parts, state).await),
        }
    }
}

/// axum's `Path` rejection as a [`Rejection`], from its structured kind.
async fn path_rejection<S: Send + Sync>(
    rejection: &PathRejection,
    parts: &mut Parts,
    state: &S,
) -> Rejection {
    let params = RawPathParams::from_request_parts(parts, state).await.ok();
    path_error(rejection, params.as_ref()).into()
}

/// The error for a `Path` rejection, given the route's raw parameters.
fn path_error<'a>(
    rejection: &'a PathRejection,
    params: Option<&'a RawPathParams>,
) -> FrameworkError<'a> {
    let invalid = |parameter| FrameworkError::InvalidPathParameter { parameter };
    // Where axum names no key: the route's only parameter, if it has one.
    let only = || {
        let mut names = params.into_iter().flat_map(RawPathParams::iter);
        match (names.next(), names.next()) {
            (Some((name, _)), None) => name,
            _ => "",
        }
    };
    match rejection {
        PathRejection::FailedToDeserializePathParams(failed) => match failed.kind() {
            ErrorKind::ParseErrorAtKey { key, .. }
            | ErrorKind::InvalidUtf8InPathParam { key }
            | ErrorKind::DeserializeError { key, .. } => invalid(key),
            ErrorKind::ParseErrorAtIndex { index, .. } => invalid(
                params
                    .and_then(|params| params.iter().nth(*index))
                    .map_or("", |(name, _)| name),
            ),
            // The handler's type does not fit the route: the service's bug.
            ErrorKind::WrongNumberOfParameters { .. } | ErrorKind::UnsupportedType { .. } => {
                FrameworkError::Status(500)
            }
            // `ParseError` (a single value), `Message`, and kinds axum may
            // add: by the status axum gives them.
            _ if failed.status().is_server_error() => FrameworkError::Status(500),
            _ => invalid(only()),
        },
        // `MissingPathParams` (the route has none) and any later rejection.
        _ if rejection.status().is_server_error() => FrameworkError::Status(500),
        _ => invalid(only()),
    }
}

/// The request's body, within axum's `DefaultBodyLimit`.
///
/// A body whose `Content-Length` is over the limit is refused before a
/// byte of it is read: a client that sent `Expect: 100-continue` (curl
/// does for large bodies) then gets the answer without sending the body.
async fn read_body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, Rejection> {
    let declared = request.body().size_hint().lower();
    // The limited body's hint stops at the limit (when one is in force).
    let request = request.with_limited_body();
    if request
        .body()
        .size_hint()
        .upper()
        .is_some_and(|limit| declared > limit)
    {
        return Err(FrameworkError::PayloadTooLarge.into());
    }
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                FrameworkError::PayloadTooLarge.into()
            } else {
                // The body broke off while it was read.
                FrameworkError::InvalidBody.into()
            }
        })
}

/// The `Content-Type` as text, if it is any.
fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers.get(CONTENT_TYPE)?.to_str().ok()
}

fn is_json(headers: &HeaderMap) -> bool {
    content_type(headers).is_some_and(media_type::is_json)
}

fn is_form(headers: &HeaderMap) -> bool {
    content_type(headers).is_some_and(media_type::is_form)
}

fn typed_response(body: Vec<u8>, content_type: &'static str) -> Response {
    let mut response = Response::new(Body::from(body));
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// The response to a body that did not serialise: an empty 500, which the
/// layer answers in the format. Its reason is the service's to read, in
/// the log, never the client's.
fn unserialisable(error: &dyn core::fmt::Display) -> Response {
    #[cfg(feature = "tracing")]
    tracing::error!(error = %error, "the response body did not serialise");
    #[cfg(not(feature = "tracing"))]
    let _ = error;
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_str(content_type).unwrap());
        headers
    }

    #[test]
    fn json_content_types_are_those_axum_accepts() {
        for accepted in [
            "application/json",
            "application/json; charset=utf-8",
            "application/json;charset=utf-8",
            "Application/JSON",
            "application/cloudevents+json",
            "application/problem+json",
        ] {
            assert!(is_json(&headers(accepted)), "{accepted}");
        }
        for refused in [
            "text/json",
            "text/plain",
            "application/jsonx",
            "json",
            "application/+jso",
            "",
        ] {
            assert!(!is_json(&headers(refused)), "{refused}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn form_content_type_is_urlencoded() {
        assert!(is_form(&headers("application/x-www-form-urlencoded")));
        assert!(is_form(&headers(
            "application/x-www-form-urlencoded; charset=utf-8"
        )));
        assert!(!is_form(&headers("multipart/form-data")));
        assert!(!is_form(&HeaderMap::new()));
    }

    #[test]
    fn json_from_bytes_tells_an_empty_body_from_a_broken_one() {
        #[derive(Debug, serde::Deserialize)]
        struct Note {
            #[allow(dead_code, reason = "only deserialised")]
            title: String,
        }
        assert_eq!(
            Json::<Note>::from_bytes(b"").unwrap_err(),
            FrameworkError::MissingBody.into()
        );
        assert_eq!(
            Json::<Note>::from_bytes(b"{").unwrap_err(),
            FrameworkError::InvalidBody.into()
        );
        assert_eq!(
            Json::<Note>::from_bytes(b"{}").unwrap_err(),
            FrameworkError::MissingProperty { property: "title" }.into()
        );
        assert_eq!(
            Json::<Note>::from_bytes(br#"{"title":"t"}"#).unwrap().title,
            "t"
        );
    }

    #[test]
    fn json_and_form_responses_are_typed() {
        let response = Json(serde_json::json!({"id": 1})).into_response();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        let response = Form([("a", "b c")]).into_response();
        assert_eq!(
            response.headers()[CONTENT_TYPE],
            "application/x-www-form-urlencoded"
        );
    }

    #[test]
    fn a_body_that_does_not_serialise_is_an_empty_500() {
        struct Refuses;
        impl Serialize for Refuses {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("secret reason"))
            }
        }
        let response = Json(Refuses).into_response();
        assert_eq!(response.status(), 500);
        assert!(!response.headers().contains_key(CONTENT_TYPE));
    }
}
