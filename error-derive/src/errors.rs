//! Every mistake of one derive, reported together: `syn::Error`s gathered
//! as they are found (the arrangement of `serde_derive`'s `Ctxt`), emitted as
//! one `compile_error!` each, in the order they were found.

use std::fmt::Display;

use proc_macro2::Span;
use syn::spanned::Spanned;

/// The errors found so far.
#[derive(Default)]
pub struct Errors(Vec<syn::Error>);

impl Errors {
    /// Records `error`.
    pub fn push(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    /// The value of `result`, or `None` with its error recorded.
    pub fn handle<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    /// `value` if no error was recorded, else every error as one.
    pub fn finish_with<T>(self, value: T) -> syn::Result<T> {
        let mut errors = self.0.into_iter();
        match errors.next() {
            None => Ok(value),
            Some(mut first) => {
                first.extend(errors);
                Err(first)
            }
        }
    }

    /// `Ok` if no error was recorded, else every error as one.
    pub fn finish(self) -> syn::Result<()> {
        self.finish_with(())
    }
}

/// Where an error points: a span, or the first token of a piece of syntax.
pub trait At {
    /// The span.
    fn at(&self) -> Span;
}

impl At for Span {
    fn at(&self) -> Span {
        *self
    }
}

impl<T: Spanned + ?Sized> At for &T {
    fn at(&self) -> Span {
        (**self).span()
    }
}

/// The error `message` at `at`.
#[allow(
    clippy::needless_pass_by_value,
    reason = "called with spans and references alike: `error(span, …)`, `error(&token, …)`"
)]
pub fn error(at: impl At, message: impl Display) -> syn::Error {
    syn::Error::new(at.at(), message)
}
