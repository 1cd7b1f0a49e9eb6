//! The pipeline, end to end: parse → validate → expand; on any error, every
//! error at once plus a stub impl (see [`crate::fallback`]).

use proc_macro2::TokenStream;

use crate::{expand, fallback, parse, validate};

/// `#[derive(ApiError)]` on `input`. Never panics: bad input becomes
/// `compile_error!`s, each spanned on the token at fault.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    let mut errors = crate::errors::Errors::default();
    let Some(parsed) = parse::Input::from_syn(input, &mut errors) else {
        return into_compile_errors(errors);
    };
    let rows = validate::framework_rows::rows(&parsed, &mut errors);
    let model = validate::validate(&parsed, &rows, &mut errors);
    match (model, errors.finish()) {
        (Some(model), Ok(())) => expand::expand(&model),
        (_, Err(errors)) => {
            let mut tokens = errors.into_compile_error();
            tokens.extend(fallback::stub(&parsed));
            tokens
        }
        // Validation refused the input without saying why: a bug, reported
        // as an error rather than a panic.
        (None, Ok(())) => syn::Error::new_spanned(
            &input.ident,
            "api-errors-derive could not validate this type; please report this as a bug",
        )
        .to_compile_error(),
    }
}

fn into_compile_errors(errors: crate::errors::Errors) -> TokenStream {
    match errors.finish() {
        Err(errors) => errors.into_compile_error(),
        Ok(()) => TokenStream::new(),
    }
}
