//! The layer that answers, in an error type's format, every error response
//! the service would otherwise answer outside it, and every panic.

use core::any::Any;
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::panic::{AssertUnwindSafe, catch_unwind};

use axum_core::response::Response;
use http::{HeaderMap, Request};
use pin_project_lite::pin_project;
use tower_layer::Layer;
use tower_service::Service;

use super::Rejection;
use crate::__private::Answered;
use crate::framework::{FrameworkError, FromFrameworkError, describes_body, response_status};

/// A tower layer that answers the framework's errors with `E`'s own
/// variants, in `E`'s format.
///
/// For each request, the service it wraps (a router, with everything
/// layered inside it) answers as usual, and then:
///
/// - a response with status 400 or above that api-errors did not build (a
///   derived type's `IntoResponse` marks its responses) is answered with
///   `E::from_framework_error(error)`, where `error` is the
///   [`Rejection`] it carries (this module's extractors), or else comes
///   from its status: 404 `NotFound`, 405 `MethodNotAllowed`, 413
///   `PayloadTooLarge`, 415 `UnsupportedMediaType`, 408, 503 and 504
///   `Timeout`, any other `Status(status)`;
/// - a panic in the service, when it is called or while its future runs,
///   is answered as `FrameworkError::Panic`: the connection gets its
///   answer, and nothing of the panic reaches the wire (with the `tracing`
///   feature it is logged at `error` level, with its message when that is
///   a string).
///
/// The answer has the variant's body and the format's `Content-Type`; its
/// status is the framework's where the format allows it (see
/// [`FromFrameworkError`]). It keeps the original response's headers (a
/// 405's `Allow`, a 429's `Retry-After`, a 401's `WWW-Authenticate`)
/// except those that described its body (`Content-*`,
/// `Transfer-Encoding`).
///
/// Add it last, with `Router::layer`, so that it wraps the routes, their
/// fallback and every other layer:
///
/// ```
/// # use api_errors::ApiError;
/// # use api_errors::framework::{FrameworkError, FromFrameworkError};
/// # #[derive(Debug, ApiError)]
/// # #[api(format = "oz")]
/// # enum NoteError { #[api(code = 0)] Internal }
/// # impl FromFrameworkError for NoteError {
/// #     fn from_framework_error(_: FrameworkError<'_>) -> Self { NoteError::Internal }
/// # }
/// use api_errors::axum::FrameworkErrorsLayer;
/// use axum::{Router, routing::get};
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(FrameworkErrorsLayer::<NoteError>::new());
/// # let _ = app;
/// ```
pub struct FrameworkErrorsLayer<E> {
    error: PhantomData<fn() -> E>,
}

impl<E> FrameworkErrorsLayer<E> {
    /// The layer for the error type `E`.
    #[must_use]
    pub const fn new() -> Self {
        FrameworkErrorsLayer { error: PhantomData }
    }
}

impl<E> Default for FrameworkErrorsLayer<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> Clone for FrameworkErrorsLayer<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for FrameworkErrorsLayer<E> {}

impl<E> fmt::Debug for FrameworkErrorsLayer<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameworkErrorsLayer")
            .field("error", &core::any::type_name::<E>())
            .finish()
    }
}

impl<S, E> Layer<S> for FrameworkErrorsLayer<E> {
    type Service = FrameworkErrors<S, E>;

    fn layer(&self, inner: S) -> Self::Service {
        FrameworkErrors {
            inner,
            error: PhantomData,
        }
    }
}

/// The service [`FrameworkErrorsLayer`] wraps around another: it answers
/// what the layer's documentation says.
pub struct FrameworkErrors<S, E> {
    inner: S,
    error: PhantomData<fn() -> E>,
}

impl<S: Clone, E> Clone for FrameworkErrors<S, E> {
    fn clone(&self) -> Self {
        FrameworkErrors {
            inner: self.inner.clone(),
            error: PhantomData,
        }
    }
}

impl<S: fmt::Debug, E> fmt::Debug for FrameworkErrors<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameworkErrors")
            .field("inner", &self.inner)
            .field("error", &core::any::type_name::<E>())
            .finish()
    }
}

impl<S, E, B> Service<Request<B>> for FrameworkErrors<S, E>
where
    S: Service<Request<B>, Response = Response>,
    E: FromFrameworkError,
{
    type Response = Response;
    type Error = S::Error;
    type Future = FrameworkErrorsFuture<S::Future, E>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        // The request is lost with the panic: an `AssertUnwindSafe` is
        // sound, nothing of it is looked at again.
        let state = match catch_unwind(AssertUnwindSafe(|| self.inner.call(request))) {
            Ok(future) => State::Running { future },
            Err(payload) => {
                log_panic(payload.as_ref());
                State::Panicked
            }
        };
        FrameworkErrorsFuture {
            state,
            error: PhantomData,
        }
    }
}

pin_project! {
    /// The future of a [`FrameworkErrors`] service's response.
    pub struct FrameworkErrorsFuture<F, E> {
        #[pin]
        state: State<F>,
        error: PhantomData<fn() -> E>,
    }
}

pin_project! {
    #[project = StateProjection]
    enum State<F> {
        Running { #[pin] future: F },
        // The service panicked; its future, if it had one, is dropped.
        Panicked,
    }
}

impl<F, E, Error> Future for FrameworkErrorsFuture<F, E>
where
    F: Future<Output = Result<Response, Error>>,
    E: FromFrameworkError,
{
    type Output = Result<Response, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let polled = match this.state.as_mut().project() {
            // A future that panicked is never polled again.
            StateProjection::Running { future } => {
                catch_unwind(AssertUnwindSafe(|| future.poll(cx)))
            }
            StateProjection::Panicked => {
                return Poll::Ready(Ok(answer::<E>(
                    FrameworkError::Panic,
                    FrameworkError::Panic.status(),
                    None,
                )));
            }
        };
        match polled {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(result)) => Poll::Ready(result.map(convert::<E>)),
            Err(payload) => {
                log_panic(payload.as_ref());
                this.state.set(State::Panicked);
                Poll::Ready(Ok(answer::<E>(
                    FrameworkError::Panic,
                    FrameworkError::Panic.status(),
                    None,
                )))
            }
        }
    }
}

/// `response` as it goes to the client: unchanged unless it is an error
/// answered outside the format.
fn convert<E: FromFrameworkError>(response: Response) -> Response {
    if response.status().as_u16() < 400 || response.extensions().get::<Answered>().is_some() {
        return response;
    }
    let status = response.status().as_u16();
    let error = match response.extensions().get::<Rejection>() {
        Some(rejection) => rejection.error(),
        None => FrameworkError::from_status(status),
    };
    answer::<E>(error, status, Some(response.headers()))
}

/// `E`'s answer to `error`, with the headers of the response it replaces
/// that do not describe that response's body.
fn answer<E: FromFrameworkError>(
    error: FrameworkError<'_>,
    status: u16,
    replaced: Option<&HeaderMap>,
) -> Response {
    let variant = E::from_framework_error(error);
    let mut response = super::response(&variant);
    *response.status_mut() = crate::http::status_code(response_status(status, &variant));
    if let Some(replaced) = replaced {
        let headers = response.headers_mut();
        // The variant's own headers (`headers(...)`) win over the replaced
        // response's.
        let answered: Vec<http::HeaderName> = headers.keys().cloned().collect();
        for (name, value) in replaced {
            if !describes_body(name.as_str()) && !answered.contains(name) {
                headers.append(name, value.clone());
            }
        }
    }
    response
}

/// With `tracing`, the panic at `error` level: its message when it is a
/// string (what `panic!` with a message gives), nothing else of it.
fn log_panic(payload: &(dyn Any + Send)) {
    #[cfg(feature = "tracing")]
    match crate::framework::panic_message(payload) {
        Some(message) => tracing::error!(panic = message, "a handler panicked"),
        None => tracing::error!("a handler panicked"),
    }
    #[cfg(not(feature = "tracing"))]
    let _ = payload;
}
