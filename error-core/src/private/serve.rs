//! What the derive emits for serving, whatever features are on.
//!
//! Generated code cannot test *api-errors's* features (a `#[cfg(feature)]`
//! in it would test the user's crate), so the derive always calls these
//! macros, and each is defined here twice: as the real impl when the feature
//! is on, as nothing when it is off. They expand in the user's crate, at the
//! concrete type, and name only `$crate` paths.

/// Serving impls for a derived type:
/// `serve!{[impl generics] [type] [where clause] [into_response]}`, the last
/// group empty for `#[api(into_response = false)]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __api_errors_serve {
    ($generics:tt $ty:tt $where:tt [into_response]) => {
        $crate::into_response_unless_api_into_response_false! { $generics $ty $where }
        $crate::__api_errors_utoipa! { $generics $ty $where }
    };
    ($generics:tt $ty:tt $where:tt []) => {
        $crate::__api_errors_utoipa! { $generics $ty $where }
    };
}

/// `axum::response::IntoResponse`, through `api_errors::axum::response`.
///
/// Its name is for the user who writes their own `IntoResponse` and gets a
/// conflicting-implementations error (E0119) at the derive: rustc's note
/// says the impl "originates in the macro
/// `$crate::into_response_unless_api_into_response_false`", which is the
/// way out (see the `axum` module's docs).
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! into_response_unless_api_into_response_false {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)* $($where)* {
            #[inline]
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::axum::response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! into_response_unless_api_into_response_false {
    ($($tokens:tt)*) => {};
}

/// `utoipa::IntoResponses`, through `api_errors::openapi::responses`.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_errors_utoipa {
    ([$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where)* {
            fn responses() -> $crate::__private::BTreeMap<
                $crate::__private::String,
                $crate::__private::utoipa::openapi::RefOr<$crate::__private::utoipa::openapi::response::Response>,
            > {
                $crate::openapi::responses::<Self>()
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_errors_utoipa {
    ($($tokens:tt)*) => {};
}

/// The body of the derived `__log_server_error`: with `tracing`, log the
/// error (its `Display` and `source()` chain when the type is an
/// `std::error::Error`, else its code and title); without, nothing.
///
/// Whether the type is an `Error` is decided where the macro expands, at
/// the concrete type, by method resolution (autoref specialisation): for
/// `(&Probe(x)).log_server_error()` the compiler first tries impls whose
/// method takes `&Probe` (the `Error` one, on `Probe<T: Error>`), and only
/// then those that take `&&Probe` (the fallback, on `&Probe<T>`).
#[cfg(feature = "tracing")]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_errors_log_server_error {
    ($error:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::serve::{LogAsApiError as _, LogAsError as _};
        (&$crate::__private::serve::Probe($error)).log_server_error();
    }};
}

#[cfg(not(feature = "tracing"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __api_errors_log_server_error {
    ($error:expr) => {{
        let _ = $error;
    }};
}

#[cfg(feature = "tracing")]
pub use self::logging::{LogAsApiError, LogAsError, Probe};

#[cfg(feature = "tracing")]
mod logging {
    use core::fmt;
    use std::error::Error;

    use crate::ApiError;

    /// The value whose impls method resolution chooses between.
    pub struct Probe<'a, T: ?Sized>(pub &'a T);

    /// Chosen for `std::error::Error` types: the whole chain is logged.
    pub trait LogAsError {
        fn log_server_error(&self);
    }

    impl<T: ApiError + Error + ?Sized> LogAsError for Probe<'_, T> {
        fn log_server_error(&self) {
            let error = self.0;
            tracing::error!(
                target: crate::LOG_TARGET,
                status = error.status(),
                code = error.code(),
                title = %error.title(),
                error = %Chain(error),
                "server error"
            );
        }
    }

    /// Chosen for every other type: what the body says, nothing more.
    pub trait LogAsApiError {
        fn log_server_error(&self);
    }

    impl<T: ApiError + ?Sized> LogAsApiError for &Probe<'_, T> {
        fn log_server_error(&self) {
            let error = self.0;
            tracing::error!(
                target: crate::LOG_TARGET,
                status = error.status(),
                code = error.code(),
                title = %error.title(),
                "server error"
            );
        }
    }

    /// `error: source: source of source`, each cause once: a source whose
    /// text its wrapper already shows (thiserror's `#[error("db: {0}")]`,
    /// `#[error(transparent)]`) is not written again.
    struct Chain<'a, T: ?Sized>(&'a T);

    impl<T: Error + ?Sized> fmt::Display for Chain<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut shown = self.0.to_string();
            f.write_str(&shown)?;
            let mut source = self.0.source();
            while let Some(error) = source {
                let text = error.to_string();
                if !shown.contains(&text) {
                    write!(f, ": {text}")?;
                    shown = text;
                }
                source = error.source();
            }
            Ok(())
        }
    }
}
