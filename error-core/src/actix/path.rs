//! `Path`: the route's parameters read into `T`, refused with the name of
//! the parameter that does not parse.

use core::future::{Ready, ready};

use actix_router::{PathDeserializer, ResourcePath};
use actix_web::dev::{Path as Params, Payload};
use actix_web::{FromRequest, HttpRequest};
use serde::de::{Deserialize, DeserializeOwned};
use serde_path_to_error::Segment;

use crate::framework::FrameworkError;

use super::Rejection;
use super::extract::newtype;

/// The route's path parameters read into `T`, like `actix_web::web::Path`
/// (a single value, a tuple in the route's order, or a struct by name),
/// refused with a [`Rejection`]: a parameter that does not parse as its
/// type (`/notes/abc` for a numeric id) is
/// [`FrameworkError::InvalidPathParameter`] with the parameter's name in
/// the route.
///
/// The name comes from where the deserializer stopped (the struct field, or
/// the tuple's position matched to the route's parameters, or the route's
/// only parameter), never from its message. A route that does not give
/// what `T` needs (a single value from a route with two parameters, a
/// struct field the route does not name) is a bug of the service, not of
/// the request: [`FrameworkError::Status`]`(500)`. (On a route with exactly
/// one parameter, a struct field it does not name cannot be told from a
/// value that does not parse, and is answered as that parameter's.)
///
/// ```
/// use api_errors::actix::Path;
///
/// async fn note(Path(id): Path<u64>) -> String {
///     format!("note {id}")
/// }
/// # let _ = actix_web::web::get().to(note);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

newtype!(Path);

impl<T: DeserializeOwned> FromRequest for Path<T> {
    type Error = Rejection;
    type Future = Ready<Result<Self, Rejection>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(read(request.match_info()).map(Path))
    }
}

/// The parameters as `T`: a plain read (what actix-web's `Path` costs),
/// and only when it fails a second one that says where.
fn read<T: DeserializeOwned, R: ResourcePath>(params: &Params<R>) -> Result<T, Rejection> {
    T::deserialize(PathDeserializer::new(params)).map_err(|_| locate::<T, R>(params))
}

fn locate<'de, T: Deserialize<'de>, R: ResourcePath>(params: &'de Params<R>) -> Rejection {
    let Err(error) = serde_path_to_error::deserialize::<_, T>(PathDeserializer::new(params)) else {
        // The plain read failed and this one did not: `T`'s `Deserialize`
        // is not deterministic, and nothing names a parameter.
        return FrameworkError::InvalidPathParameter { parameter: "" }.into();
    };
    let name = match error.path().iter().next() {
        // A struct's field, named as the route names the parameter.
        Some(Segment::Map { key }) => Some(key.as_str()),
        // A tuple's element, in the route's order.
        Some(Segment::Seq { index }) => params.iter().nth(*index).map(|(name, _)| name),
        Some(Segment::Enum { .. } | Segment::Unknown) => None,
        // The value as a whole: a single value, from the only parameter;
        // else the route does not give what `T` needs (a missing field of
        // a struct is reported at the struct, too).
        None => match params.segment_count() {
            1 => params.iter().next().map(|(name, _)| name),
            _ => None,
        },
    };
    match name {
        Some(parameter) => FrameworkError::InvalidPathParameter { parameter }.into(),
        None => FrameworkError::Status(500).into(),
    }
}

#[cfg(test)]
mod tests {
    use actix_web::dev::{Path as Params, ResourceDef};
    use serde::Deserialize;

    use super::{FrameworkError, Rejection, read};

    fn params(pattern: &str, path: &str) -> Params<String> {
        let mut params = Params::new(path.to_owned());
        assert!(
            ResourceDef::new(pattern).capture_match_info(&mut params),
            "{pattern} {path}"
        );
        params
    }

    fn invalid(parameter: &str) -> Rejection {
        FrameworkError::InvalidPathParameter { parameter }.into()
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Pair {
        user: String,
        id: u64,
    }

    #[test]
    fn valid_parameters_read_as_a_value_a_tuple_or_a_struct() {
        assert_eq!(read::<u64, _>(&params("/notes/{id}", "/notes/7")), Ok(7));
        let pair = params("/users/{user}/notes/{id}", "/users/ann/notes/7");
        assert_eq!(read::<(String, u64), _>(&pair), Ok(("ann".to_owned(), 7)));
        assert_eq!(
            read::<Pair, _>(&pair),
            Ok(Pair {
                user: "ann".into(),
                id: 7
            })
        );
    }

    #[test]
    fn the_parameter_that_does_not_parse_is_named() {
        assert_eq!(
            read::<u64, _>(&params("/notes/{id}", "/notes/abc")),
            Err(invalid("id"))
        );
        assert_eq!(
            read::<u8, _>(&params("/notes/{id}", "/notes/300")),
            Err(invalid("id"))
        );
        let pair = params("/users/{user}/notes/{id}", "/users/ann/notes/x");
        assert_eq!(read::<(String, u64), _>(&pair), Err(invalid("id")));
        assert_eq!(read::<Pair, _>(&pair), Err(invalid("id")));
        let first = params("/notes/{id}/{user}", "/notes/x/ann");
        assert_eq!(read::<(u64, String), _>(&first), Err(invalid("id")));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "only deserialised")]
    struct Other {
        slug: String,
        page: u32,
    }

    #[test]
    fn a_route_without_the_parameters_is_the_service_s_error() {
        let none = params("/notes", "/notes");
        assert_eq!(
            read::<u64, _>(&none),
            Err(FrameworkError::Status(500).into())
        );
        let pair = params("/users/{user}/notes/{id}", "/users/ann/notes/7");
        assert_eq!(
            read::<u64, _>(&pair),
            Err(FrameworkError::Status(500).into())
        );
        assert_eq!(
            read::<Other, _>(&pair).map(drop),
            Err(FrameworkError::Status(500).into())
        );
    }
}
