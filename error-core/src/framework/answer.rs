//! [`Answer`]: what a `#[api(framework)]` variant holds.

use core::fmt;

use super::{FrameworkError, OwnedError};

/// What a variant marked `#[api(framework)]` holds: the framework error it
/// answers, and which of the format's standard rows its body is.
///
/// Such a variant stands for one row per framework error, each a row of the
/// type's catalog, docs table and OpenAPI document (the crate
/// documentation lists every format's rows); the derive's
/// [`FromFrameworkError`](super::FromFrameworkError) builds it. As a
/// `Display` and as a serde value it is the name the error hands over (a
/// property's path, a parameter's name; `""` for the errors that hand none),
/// which is what the rows that have a detail write there.
///
/// ```
/// use api_errors::ApiError;
/// use api_errors::framework::{FrameworkError, FromFrameworkError};
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "oz")]
/// enum NoteError {
///     #[api(code = 10, title = "Note {0} not found")]
///     NotFound(u64),
///     #[api(framework)]
///     Framework(api_errors::framework::Answer),
/// }
///
/// let error = NoteError::from_framework_error(FrameworkError::MissingProperty {
///     property: "profile.color",
/// });
/// let NoteError::Framework(answer) = &error else { unreachable!() };
/// assert_eq!(answer.error(), FrameworkError::MissingProperty { property: "profile.color" });
/// assert_eq!(
///     error.to_json(),
///     r#"{"error_code":3,"error_message":"Missing property","details":"profile.color"}"#,
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Answer {
    /// The error that happened.
    error: OwnedError,
    /// The row written: an index in the derive's list of cases (the
    /// error's own case, or the row its status falls back to).
    row: u8,
}

impl Answer {
    /// The framework error this answers. For a status answered outside the
    /// format (a middleware's 429) it is `FrameworkError::Status`, whose
    /// row is the one of its class (see the crate documentation).
    #[must_use]
    pub fn error(&self) -> FrameworkError<'_> {
        self.error.error()
    }

    /// The name the error hands over: the property's path or the
    /// parameter's name, `""` for an error that holds none.
    #[must_use]
    pub fn name(&self) -> &str {
        self.error.error().name().unwrap_or_default()
    }
}

/// The name the error hands over.
impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name the error hands over, as a string.
impl serde::Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

// Not offered in the message about a wrong field type: its note says what
// to write.
#[diagnostic::do_not_recommend]
impl crate::field::FrameworkAnswer for Answer {
    fn __answer(row: u8, error: FrameworkError<'_>) -> Self {
        Answer {
            error: OwnedError::new(error),
            row,
        }
    }

    fn __row(&self) -> u8 {
        self.row
    }
}
