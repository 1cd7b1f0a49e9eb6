//! `FrameworkErrors`: the middleware that answers every error response in
//! the error type's format, and a panic as its internal variant.

use alloc::boxed::Box;
use alloc::rc::Rc;
use core::any::Any;
use core::cell::Cell;
use core::fmt;
use core::future::{Future, Ready, ready};
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use std::panic::{AssertUnwindSafe, catch_unwind};

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::error::InternalError;
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use actix_web::rt::time::{Sleep, sleep};
use actix_web::{Error, HttpMessage as _, HttpResponse};

use crate::__private::Answered;
use crate::framework::request_id::{self, Span};
use crate::framework::{FrameworkError, FromFrameworkError, describes_body, response_status};

use super::{Rejection, respond};

/// Answers every error of the service in `E`'s format: wrap the app (or a
/// scope) in it with `App::wrap(FrameworkErrors::<E>::new())`.
///
/// Each response with an error status (400 and above) that api-errors did
/// not build (an [`HttpError`](super::HttpError) passes as it is) becomes
/// `E::from_framework_error(error)`, with the format's `Content-Type` and
/// body, where `error` is:
///
/// - the [`Rejection`] of this module's extractors ([`Json`](super::Json),
///   [`Query`](super::Query), [`Path`](super::Path),
///   [`Form`](super::Form)): the property or parameter that failed;
/// - else, by the status: 404 [`FrameworkError::NotFound`] (actix-web's
///   default service), 405 [`FrameworkError::MethodNotAllowed`] (a
///   resource without a route for the method), 413
///   [`FrameworkError::PayloadTooLarge`], 415
///   [`FrameworkError::UnsupportedMediaType`], 408, 503 and 504
///   [`FrameworkError::Timeout`], any other [`FrameworkError::Status`] (a
///   middleware's 429, actix-web's own extractors' 400).
///
/// The status answered is the variant's where the format's body states it
/// (entrecode, rfc9457), else the error's own when it is of the variant's
/// class (Oz), whatever status the replaced response had (see
/// [`FromFrameworkError`]). The original response's headers are kept (`Allow`, which
/// actix-web sets on a 405; a middleware's `Retry-After`; a CORS
/// middleware's headers), except those that describe its body
/// (`Content-*`, `Transfer-Encoding`), and the variant's own headers
/// (`headers(...)`) win over them. Its body is not, so no framework text
/// reaches the wire.
///
/// A handler that panics (in its body or while its future is polled) is
/// answered with `E::from_framework_error(FrameworkError::Panic)` instead
/// of a dropped connection; nothing of the panic is sent. With the
/// `tracing` feature the panic is logged at `error` level, with its message
/// when the payload is a string. The panic hook runs as usual before that
/// (Rust's default hook prints the panic to standard error). State the
/// handler shared with others may be left half-updated by the panic, as
/// with any `catch_unwind`.
///
/// Responses below 400 pass unchanged.
///
/// A scope with an error type of its own is wrapped in its own
/// `FrameworkErrors`: its unknown paths, wrong methods and timeouts are
/// answered in its format (a timeout by the innermost middleware the
/// request reached, whichever timer ran out).
///
/// A body over the limit is refused before it is read; actix-web keeps
/// reading what the client sends after the answer, for
/// `HttpServer::client_disconnect_timeout` (1 second by default), so that a
/// client that writes its whole body before it reads gets the answer.
pub struct FrameworkErrors<E> {
    timeout: Option<Duration>,
    format: PhantomData<fn() -> E>,
}

impl<E> FrameworkErrors<E> {
    /// The middleware for `E`.
    #[must_use]
    pub const fn new() -> Self {
        FrameworkErrors {
            timeout: None,
            format: PhantomData,
        }
    }

    /// Answers a request that takes longer than `limit` (its handler and
    /// every middleware inside this one) with
    /// `E::from_framework_error(FrameworkError::Timeout)`: actix-web has
    /// no timeout of its own for a handler. The handler's future is
    /// dropped at the deadline, as tower-http's `TimeoutLayer` does in
    /// axum.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use api_errors::ApiError;
    /// use api_errors::actix::FrameworkErrors;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "oz")]
    /// enum NoteError {
    ///     #[api(framework)]
    ///     Framework(api_errors::framework::Answer),
    /// }
    ///
    /// let app = actix_web::App::new()
    ///     .wrap(FrameworkErrors::<NoteError>::new().timeout(Duration::from_secs(10)));
    /// # let _ = app;
    /// ```
    #[must_use]
    pub const fn timeout(self, limit: Duration) -> Self {
        FrameworkErrors {
            timeout: Some(limit),
            format: PhantomData,
        }
    }
}

impl<E> Default for FrameworkErrors<E> {
    fn default() -> Self {
        FrameworkErrors::new()
    }
}

impl<E> Clone for FrameworkErrors<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for FrameworkErrors<E> {}

impl<E> fmt::Debug for FrameworkErrors<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameworkErrors")
            .field("error", &core::any::type_name::<E>())
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl<S, B, E> Transform<S, ServiceRequest> for FrameworkErrors<E>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
    E: FromFrameworkError,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = FrameworkErrorsMiddleware<S, E>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(FrameworkErrorsMiddleware {
            service,
            timeout: self.timeout,
            format: PhantomData,
        }))
    }
}

/// The service [`FrameworkErrors`] wraps around the app's: actix-web builds
/// it; its name only appears in types.
pub struct FrameworkErrorsMiddleware<S, E> {
    service: S,
    timeout: Option<Duration>,
    format: PhantomData<fn() -> E>,
}

impl<S: fmt::Debug, E> fmt::Debug for FrameworkErrorsMiddleware<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameworkErrorsMiddleware")
            .field("service", &self.service)
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl<S, B, E> Service<ServiceRequest> for FrameworkErrorsMiddleware<S, E>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
    E: FromFrameworkError,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = FrameworkErrorsFuture<S::Future, E>;

    forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        let id = identify(request.headers_mut());
        let span = request_id::span(id.as_ref().and_then(|id| id.to_str().ok()));
        let _entered = span.enter();
        // A timeout is answered in the format of the innermost middleware
        // the request reached (a scope's, not the app's): every middleware
        // of a timed request sets the one answer its timers share, the
        // innermost last.
        let shared = request.extensions().get::<TimeoutAnswer>().cloned();
        if let Some(shared) = &shared {
            shared.0.set(timeout_answer::<E>);
        }
        let timed = self.timeout.map(|limit| {
            let shared = shared.unwrap_or_else(|| {
                let shared = TimeoutAnswer(Rc::new(Cell::new(timeout_answer::<E>)));
                request.extensions_mut().insert(shared.clone());
                shared
            });
            (Box::pin(sleep(limit)), shared)
        });
        // A service may panic in `call` as well as in its future.
        let state = match catch_unwind(AssertUnwindSafe(|| self.service.call(request))) {
            Ok(future) => State::Running(Box::pin(future)),
            Err(payload) => State::Answered(Some(panicked::<E>(&*payload, id.as_ref()))),
        };
        FrameworkErrorsFuture {
            state,
            timed,
            id,
            span: span.clone(),
            format: PhantomData,
        }
    }
}

/// `x-request-id`, made once: a name parsed on every request would be a
/// good part of what an id costs an answer.
const X_REQUEST_ID: HeaderName = HeaderName::from_static(request_id::HEADER);

/// The request's id: the client's `x-request-id` when it is safe to send
/// back, else a generated one that replaces it (for the services and the
/// handler inside too); `None` when the request has none.
fn identify(headers: &mut HeaderMap) -> Option<HeaderValue> {
    let sent = headers.get(&X_REQUEST_ID)?;
    if request_id::acceptable(sent.as_bytes()) {
        return Some(sent.clone());
    }
    let generated = HeaderValue::try_from(request_id::generate()).ok()?;
    headers.insert(X_REQUEST_ID, generated.clone());
    Some(generated)
}

/// An error response carries the request's id: in `x-request-id`, and
/// last in the body when its type asks for it (`request_id = "name"`).
fn identified(mut response: HttpResponse, id: Option<&HeaderValue>) -> HttpResponse {
    let Some(id) = id else {
        return response;
    };
    if response.status().as_u16() < 400 {
        return response;
    }
    response.headers_mut().insert(X_REQUEST_ID, id.clone());
    let body = request_id::body_with_id(
        response.extensions_mut().get_mut::<Answered>(),
        id.as_bytes(),
    );
    match body {
        Some(body) => response.set_body(BoxBody::new(body)),
        None => response,
    }
}

/// [`identified`], for a response of the inner service.
fn identified_service_response<B: MessageBody>(
    mut response: ServiceResponse<EitherBody<B>>,
    id: Option<&HeaderValue>,
) -> ServiceResponse<EitherBody<B>> {
    let Some(id) = id else {
        return response;
    };
    if response.status().as_u16() < 400 {
        return response;
    }
    response.headers_mut().insert(X_REQUEST_ID, id.clone());
    let body = request_id::body_with_id(
        response
            .response_mut()
            .extensions_mut()
            .get_mut::<Answered>(),
        id.as_bytes(),
    );
    match body {
        Some(body) => response.map_body(|_, _| EitherBody::right(BoxBody::new(body))),
        None => response,
    }
}

/// The response future of [`FrameworkErrorsMiddleware`]: the inner
/// service's, its panics caught and its error responses converted.
pub struct FrameworkErrorsFuture<F, E> {
    state: State<F>,
    // With a timeout: its timer (boxed: a timer is not `Unpin`), and who
    // answers it.
    timed: Option<(Pin<Box<Sleep>>, TimeoutAnswer)>,
    // The request's id, for the error answers.
    id: Option<HeaderValue>,
    // Where the service's log lines go: the request's id.
    span: Span,
    format: PhantomData<fn() -> E>,
}

/// The answer to a timed request's timeout, in a request's extensions:
/// set by each middleware the request reaches, read by the one whose timer
/// ran out.
#[derive(Clone)]
struct TimeoutAnswer(Rc<Cell<fn() -> HttpResponse>>);

/// `E`'s answer to a timeout.
fn timeout_answer<E: FromFrameworkError>() -> HttpResponse {
    answer::<E>(FrameworkError::Timeout)
}

enum State<F> {
    // Boxed so that the future is `Unpin` and can be polled inside
    // `catch_unwind` without `unsafe` pinning.
    Running(Pin<Box<F>>),
    // The answer (to a panic in `call`), given once; or given already.
    Answered(Option<Error>),
}

impl<F, E> fmt::Debug for FrameworkErrorsFuture<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FrameworkErrorsFuture")
    }
}

impl<F, B, E> Future for FrameworkErrorsFuture<F, E>
where
    F: Future<Output = Result<ServiceResponse<B>, Error>>,
    B: MessageBody,
    E: FromFrameworkError,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let _entered = this.span.enter();
        let id = this.id.as_ref();
        let future = match &mut this.state {
            State::Running(future) => future,
            State::Answered(error) => {
                return Poll::Ready(Err(error.take().expect("polled after completion")));
            }
        };
        match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(Poll::Pending) => {
                let Some((deadline, answer)) = &mut this.timed else {
                    return Poll::Pending;
                };
                if deadline.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                let answer = (answer.0.get())();
                // The handler's future is dropped: it is not polled again.
                this.state = State::Answered(None);
                Poll::Ready(Err(prepared(answer, id)))
            }
            Ok(Poll::Ready(Ok(response))) => Poll::Ready(Ok(identified_service_response(
                convert_response::<E, B>(response),
                id,
            ))),
            Ok(Poll::Ready(Err(error))) => Poll::Ready(Err(convert_error::<E>(&error, id))),
            Err(payload) => Poll::Ready(Err(panicked::<E>(&*payload, id))),
        }
    }
}

/// The inner service's response, converted if it is an error outside the
/// format.
fn convert_response<E: FromFrameworkError, B: MessageBody>(
    response: ServiceResponse<B>,
) -> ServiceResponse<EitherBody<B>> {
    let answer = {
        let inner = response.response();
        let rejection = inner.error().and_then(Error::as_error::<Rejection>);
        replacement::<E>(
            inner.status(),
            inner.headers(),
            inner.extensions().contains::<Answered>(),
            rejection,
        )
    };
    match answer {
        Some(answer) => response.into_response(answer).map_into_right_body(),
        None => response.map_into_left_body(),
    }
}

/// An error the inner service returned instead of a response (another
/// middleware's): actix-web would answer `error_response()`, so that is
/// what is converted.
fn convert_error<E: FromFrameworkError>(error: &Error, id: Option<&HeaderValue>) -> Error {
    // `error_response()` may give its response only once (an
    // `InternalError` built from a response hands it over): what is not
    // replaced goes on as that response, not as the emptied error.
    let original = error.error_response();
    let answer = replacement::<E>(
        original.status(),
        original.headers(),
        original.extensions().contains::<Answered>(),
        error.as_error::<Rejection>(),
    );
    prepared(answer.unwrap_or(original), id)
}

/// The answer to a response of `status`, unless it needs none: a success,
/// or a response api-errors built.
fn replacement<E: FromFrameworkError>(
    status: StatusCode,
    headers: &HeaderMap,
    answered: bool,
    rejection: Option<&Rejection>,
) -> Option<HttpResponse> {
    if status.as_u16() < 400 || answered {
        return None;
    }
    let error = rejection.map_or_else(
        || FrameworkError::from_status(status.as_u16()),
        Rejection::error,
    );
    let mut answer = answer::<E>(error);
    let answer_headers = answer.headers_mut();
    // The variant's own headers (and its `Content-Type`) win.
    let answered: Vec<HeaderName> = answer_headers.keys().cloned().collect();
    for (name, value) in headers {
        if !describes_body(name.as_str()) && !answered.contains(name) {
            answer_headers.append(name.clone(), value.clone());
        }
    }
    Some(answer)
}

/// `E`'s answer to `error`. Its status depends on the error and the
/// variant only (never on which status the replaced response had: a
/// timeout answered 408 or 504 is answered as any timeout), so that the
/// OpenAPI document can say it.
fn answer<E: FromFrameworkError>(error: FrameworkError<'_>) -> HttpResponse {
    let variant = E::from_framework_error(error);
    let status = StatusCode::from_u16(response_status(error.status(), &variant))
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    respond(&variant, status)
}

/// The answer to a panic, as an error (the request went down with the
/// panicking future: there is no `ServiceResponse` to build); actix-web
/// writes its response.
fn panicked<E: FromFrameworkError>(payload: &(dyn Any + Send), id: Option<&HeaderValue>) -> Error {
    log_panic(payload);
    prepared(answer::<E>(FrameworkError::Panic), id)
}

/// An error whose response is `response`, with the request's id.
fn prepared(response: HttpResponse, id: Option<&HeaderValue>) -> Error {
    // The cause only shows in actix-web's debug logs.
    InternalError::from_response("an error answered in the format", identified(response, id)).into()
}

#[cfg(feature = "tracing")]
fn log_panic(payload: &(dyn Any + Send)) {
    match crate::framework::panic_message(payload) {
        Some(message) => tracing::error!(
            target: crate::LOG_TARGET,
            panic = message,
            "a request handler panicked"
        ),
        None => tracing::error!(target: crate::LOG_TARGET, "a request handler panicked"),
    }
}

#[cfg(not(feature = "tracing"))]
fn log_panic(_payload: &(dyn Any + Send)) {}
