//! `Json`, `Query` and `Form`: actix-web's extractors of the same names,
//! refusing a request with a [`Rejection`] that names what failed.

use alloc::boxed::Box;
use core::future::{Future, Ready, ready};
use core::pin::Pin;

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::framework::FrameworkError;
use crate::framework::deserialize;

use super::Rejection;
use super::body::{self, BodyLimit};

/// The future of an extractor that reads the body.
type Reading<T> = Pin<Box<dyn Future<Output = Result<T, Rejection>>>>;

/// The newtype's own conveniences, as actix-web's extractors have them.
macro_rules! newtype {
    ($name:ident) => {
        impl<T> $name<T> {
            /// The extracted value.
            pub fn into_inner(self) -> T {
                self.0
            }
        }

        impl<T> core::ops::Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> core::ops::DerefMut for $name<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }
    };
}

pub(crate) use newtype;

/// A JSON body read into `T`, like `actix_web::web::Json`, refused with a
/// [`Rejection`]:
///
/// | the request | the error |
/// | --- | --- |
/// | a `Content-Length` or a body over the [`BodyLimit`] | [`FrameworkError::PayloadTooLarge`] |
/// | no body (with or without a `Content-Type`) | [`FrameworkError::MissingBody`] |
/// | a body whose `Content-Type` is not `application/json` or `application/*+json` | [`FrameworkError::UnsupportedMediaType`] |
/// | not JSON, cut short, not UTF-8, or a string or number for an object | [`FrameworkError::InvalidBody`] |
/// | a required property absent | [`FrameworkError::MissingProperty`], with its path (`profile.color`) |
/// | a property of the wrong type or format, or one `deny_unknown_fields` refuses | [`FrameworkError::InvalidProperty`], with its path (`tags[1]`) |
/// | an array for an object whose elements do not fit its fields in order (serde reads a struct from an array: `[1, 2]` for `{title: String}`) | `InvalidProperty` `[0]` |
///
/// The path is the deserializer's (serde's `missing_field` and the rest),
/// never read from an error message. As a responder, `Json<T>` answers `T`
/// as `application/json` (status 200; 500 with no body if `T` does not
/// serialise).
///
/// ```
/// use api_errors::actix::Json;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Deserialize, Serialize)]
/// struct Note { title: String }
///
/// async fn create(Json(note): Json<Note>) -> Json<Note> {
///     Json(note)
/// }
/// # let _ = actix_web::web::post().to(create);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

newtype!(Json);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = Rejection;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = BodyLimit::of(request);
        if body::declared_too_large(request, limit) {
            return Box::pin(ready(Err(FrameworkError::PayloadTooLarge.into())));
        }
        let json = body::is_json(request);
        let payload = payload.take();
        Box::pin(async move {
            let bytes = body::read(payload, limit).await?;
            deserialize::json_body(&bytes, json)
                .map(Json)
                .map_err(Rejection::from)
        })
    }
}

impl<T: Serialize> Responder for Json<T> {
    type Body = BoxBody;

    fn respond_to(self, _request: &HttpRequest) -> HttpResponse {
        match serde_json::to_vec(&self.0) {
            Ok(body) => HttpResponse::Ok()
                .insert_header((CONTENT_TYPE, HeaderValue::from_static("application/json")))
                .body(body),
            // The serialiser's message names Rust types: none of it is sent.
            Err(_) => HttpResponse::InternalServerError().finish(),
        }
    }
}

/// A query string read into `T`, like `actix_web::web::Query`, refused
/// with a [`Rejection`]: a required parameter absent is
/// [`FrameworkError::MissingQueryParameter`], one that does not parse as its
/// type [`FrameworkError::InvalidQueryParameter`], each with the parameter's
/// name.
///
/// ```
/// use api_errors::actix::Query;
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Page { limit: u32, cursor: Option<String> }
///
/// async fn notes(Query(page): Query<Page>) -> String {
///     format!("{} notes", page.limit)
/// }
/// # let _ = actix_web::web::get().to(notes);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

newtype!(Query);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = Rejection;
    type Future = Ready<Result<Self, Rejection>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(
            deserialize::urlencoded(request.query_string().as_bytes())
                .map(Query)
                .map_err(|fault| Rejection::from(fault.in_query())),
        )
    }
}

/// An `application/x-www-form-urlencoded` body read into `T`, like
/// `actix_web::web::Form`, refused with a [`Rejection`]. A `GET` or `HEAD`
/// request's form is its query string (as a browser sends it); any other
/// reads the body, within the [`BodyLimit`]:
///
/// | the request | the error |
/// | --- | --- |
/// | a body over the limit | [`FrameworkError::PayloadTooLarge`] |
/// | no body and no form `Content-Type` | [`FrameworkError::MissingBody`] |
/// | a body of another `Content-Type` | [`FrameworkError::UnsupportedMediaType`] |
/// | a required field absent | [`FrameworkError::MissingProperty`] |
/// | a field that does not parse as its type | [`FrameworkError::InvalidProperty`] |
///
/// ```
/// use api_errors::actix::Form;
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Login { user: String }
///
/// async fn login(Form(login): Form<Login>) -> String {
///     login.user
/// }
/// # let _ = actix_web::web::post().to(login);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Form<T>(pub T);

newtype!(Form);

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = Rejection;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if matches!(*request.method(), Method::GET | Method::HEAD) {
            let read = deserialize::urlencoded(request.query_string().as_bytes());
            return Box::pin(ready(
                read.map(Form)
                    .map_err(|fault| Rejection::from(fault.in_body())),
            ));
        }
        let limit = BodyLimit::of(request);
        if body::declared_too_large(request, limit) {
            return Box::pin(ready(Err(FrameworkError::PayloadTooLarge.into())));
        }
        let form = body::is_form(request);
        let payload = payload.take();
        Box::pin(async move {
            let bytes = body::read(payload, limit).await?;
            deserialize::form_body(&bytes, form)
                .map(Form)
                .map_err(Rejection::from)
        })
    }
}
