//! The fast path and the serde path agree for random field values, and the
//! serde path's check of a fallible field answers as `serde_json` does.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

use api_errors::ApiError;
use proptest::prelude::*;
use serde::{Serialize, Serializer};

/// A serde value that fails to serialise when `fails`.
#[derive(Debug, Clone)]
struct Payload {
    text: String,
    number: f64,
    maybe: Option<String>,
    list: Vec<i64>,
    map: BTreeMap<String, String>,
    fails: bool,
}

impl Serialize for Payload {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeStruct};
        let mut state = serializer.serialize_struct("Payload", 5)?;
        state.serialize_field("text", &self.text)?;
        state.serialize_field("number", &self.number)?;
        if self.fails {
            return Err(S::Error::custom("payload refuses"));
        }
        state.serialize_field("maybe", &self.maybe)?;
        state.serialize_field("list", &self.list)?;
        state.serialize_field("map", &self.map)?;
        state.end()
    }
}

/// A `Display` written in several pieces.
#[derive(Debug, Clone)]
struct Pieces(Vec<String>);

impl fmt::Display for Pieces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for piece in &self.0 {
            write!(f, "<{piece}>")?;
        }
        Ok(())
    }
}

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum OzCase {
    #[api(
        code = 3,
        title = "Missing {path} ({count})",
        detail = "at {path}: {count}"
    )]
    Text { path: String, count: u32 },
    #[api(code = 4, title = "{0}", detail = 1)]
    Details(Box<str>, Payload),
    #[api(code = 5, detail = details)]
    Optional { details: Option<Payload> },
    #[api(code = 13, detail = 0)]
    Plain(String),
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}?\"q\"",
    up(title = "Home \"\u{1}\"", href = "https://example.com")
)]
enum Problem {
    #[api(code = 202, title = "Missing {name} / {boxed} / {shared} / {number}",
          detail = display, verbose = verbose, embed = subs)]
    Many {
        name: String,
        boxed: Box<str>,
        shared: Arc<str>,
        number: i64,
        display: Pieces,
        verbose: Option<Payload>,
        subs: Vec<Sub>,
    },
    #[api(code = 201, detail = detail, verbose = verbose, embed = sub)]
    Optional {
        detail: Option<String>,
        verbose: Payload,
        sub: Option<Sub>,
    },
    #[api(code = 204, title = "{cow}", detail = cow)]
    Cow { cow: Cow<'static, str> },
}

#[derive(Debug, Clone, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Sub {
    #[api(code = 211, title = "Sub {0}", detail = 0)]
    Named(String),
    #[api(code = 212, detail = cause)]
    Shown { cause: Pieces },
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..12).prop_map(|chars| chars.into_iter().collect())
}

fn payload() -> impl Strategy<Value = Payload> {
    (
        text(),
        any::<f64>(),
        prop::option::of(text()),
        prop::collection::vec(any::<i64>(), 0..4),
        prop::collection::btree_map(text(), text(), 0..3),
        prop::bool::weighted(0.3),
    )
        .prop_map(|(text, number, maybe, list, map, fails)| Payload {
            text,
            number,
            maybe,
            list,
            map,
            fails,
        })
}

fn pieces() -> impl Strategy<Value = Pieces> {
    prop::collection::vec(text(), 0..4).prop_map(Pieces)
}

fn sub() -> impl Strategy<Value = Sub> {
    prop_oneof![
        text().prop_map(Sub::Named),
        pieces().prop_map(|cause| Sub::Shown { cause }),
    ]
}

fn oz_case() -> impl Strategy<Value = OzCase> {
    prop_oneof![
        (text(), any::<u32>()).prop_map(|(path, count)| OzCase::Text { path, count }),
        (text(), payload()).prop_map(|(title, payload)| OzCase::Details(title.into(), payload)),
        prop::option::of(payload()).prop_map(|details| OzCase::Optional { details }),
        text().prop_map(OzCase::Plain),
    ]
}

fn problem() -> impl Strategy<Value = Problem> {
    prop_oneof![
        (
            (text(), text(), text(), any::<i64>()),
            pieces(),
            prop::option::of(payload()),
            prop::collection::vec(sub(), 0..3),
        )
            .prop_map(|((name, boxed, shared, number), display, verbose, subs)| {
                Problem::Many {
                    name,
                    boxed: boxed.into(),
                    shared: shared.into(),
                    number,
                    display,
                    verbose,
                    subs,
                }
            }),
        (prop::option::of(text()), payload(), prop::option::of(sub())).prop_map(
            |(detail, verbose, sub)| Problem::Optional {
                detail,
                verbose,
                sub
            }
        ),
        text().prop_map(|cow| Problem::Cow { cow: cow.into() }),
    ]
}

/// `write_json` (appended to a buffer that holds bytes already), `to_json`
/// and `serde_json::to_string(&body())` give the same valid JSON.
fn assert_paths_agree<E: ApiError>(error: &E) -> Result<(), TestCaseError> {
    let serde = serde_json::to_string(&error.body()).expect("body() serialises");
    prop_assert_eq!(&error.to_json(), &serde);
    let mut buffer = b"[".to_vec();
    error.write_json(&mut buffer);
    prop_assert_eq!(&buffer[1..], serde.as_bytes());
    serde_json::from_str::<serde_json::Value>(&serde).expect("valid JSON");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn test_oz_paths_agree(error in oz_case()) {
        assert_paths_agree(&error)?;
    }

    #[test]
    fn test_entrecode_paths_agree(error in problem()) {
        assert_paths_agree(&error)?;
    }
}

/// Asserts that the serde path's check (`serializes`) says yes exactly when
/// `serde_json` serialises `value`.
fn same<T: Serialize>(value: &T) {
    assert_eq!(
        api_errors::__private::serializes(value),
        serde_json::to_vec(value).is_ok(),
        "{}",
        std::any::type_name::<T>()
    );
}

/// A fixed payload that fails when `fails`.
fn a_payload(fails: bool) -> Payload {
    Payload {
        text: "t".into(),
        number: f64::NAN,
        maybe: None,
        list: vec![1],
        map: BTreeMap::new(),
        fails,
    }
}

/// The serde path's check says yes exactly when `serde_json` serialises the
/// value: the value's own errors and the map keys `serde_json` refuses.
#[test]
fn test_probe_answers_as_serde_json() {
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct Newtype(String);
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
    enum Unit {
        A,
    }
    #[derive(Serialize)]
    struct Flattened {
        a: u8,
        #[serde(flatten)]
        rest: BTreeMap<String, u8>,
    }
    same(&BTreeMap::from([("key".to_owned(), 1)]));
    same(&BTreeMap::from([(Newtype("key".into()), 1)]));
    same(&BTreeMap::from([(1_i32, 1)]));
    same(&BTreeMap::from([(u128::MAX, 1)]));
    same(&BTreeMap::from([(true, 1)]));
    same(&BTreeMap::from([('c', 1)]));
    same(&BTreeMap::from([(Unit::A, 1)]));
    same(&BTreeMap::from([((), 1)]));
    same(&BTreeMap::from([(Some(1), 1)]));
    same(&BTreeMap::from([(vec![1], 1)]));
    same(&BTreeMap::from([((1, 2), 1)]));
    same(&HashMap::from([(1.5_f64.to_bits(), 1)]));
    same(&vec![(f64::NAN, 1.0)]);
    same(&serde_json::json!({"a": [1, {"b": null}]}));
    same(&Flattened {
        a: 1,
        rest: BTreeMap::from([("b".into(), 2)]),
    });
    same(&a_payload(false));
    same(&a_payload(true));
    same(&vec![a_payload(false), a_payload(true)]);
    same(&BTreeMap::from([("ok", a_payload(true))]));
    // A check that answered `true` or `false` for everything would pass the
    // comparisons only if serde_json did the same: it does not.
    assert!(api_errors::__private::serializes(&a_payload(false)));
    assert!(!api_errors::__private::serializes(&Some(a_payload(true))));
    assert!(!api_errors::__private::serializes(&BTreeMap::from([(
        vec![1],
        1
    )])));
}

/// The check looks inside every kind of compound: a failing value in each,
/// and the same compound holding a value that serialises.
#[test]
fn test_probe_looks_inside_every_compound() {
    #[derive(Serialize)]
    struct Wrap(Payload);
    #[derive(Serialize)]
    struct Pair(u8, Payload);
    #[derive(Serialize)]
    struct Named {
        inner: Payload,
    }
    #[derive(Serialize)]
    enum Holder {
        Newtype(Payload),
        Tuple(u8, Payload),
        Struct { inner: Payload },
    }
    for fails in [false, true] {
        same(&Some(a_payload(fails)));
        same(&Wrap(a_payload(fails)));
        same(&(1, a_payload(fails)));
        same(&Pair(1, a_payload(fails)));
        same(&Named {
            inner: a_payload(fails),
        });
        same(&Holder::Newtype(a_payload(fails)));
        same(&Holder::Tuple(1, a_payload(fails)));
        same(&Holder::Struct {
            inner: a_payload(fails),
        });
    }
}

/// Map keys of every kind: `serde_json` takes strings, numbers, `bool`,
/// `char`, unit variants, and newtypes and `Some`s of those.
#[test]
fn test_probe_judges_keys_of_every_kind() {
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct NewtypeOf<T>(T);
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct PairKey(u8, u8);
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct NamedKey {
        a: u8,
    }
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum KeyVariant {
        Newtype(String),
        Tuple(u8, u8),
        Struct { a: u8 },
    }
    /// A key written with `collect_str`.
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    struct Shown(u8);
    impl Serialize for Shown {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(&self.0)
        }
    }
    same(&BTreeMap::from([(NewtypeOf(vec![1_u8]), 1)]));
    same(&BTreeMap::from([(NewtypeOf(1_u8), 1)]));
    same(&BTreeMap::from([(PairKey(1, 2), 1)]));
    same(&BTreeMap::from([(NamedKey { a: 1 }, 1)]));
    same(&BTreeMap::from([(KeyVariant::Newtype("a".into()), 1)]));
    same(&BTreeMap::from([(
        KeyVariant::Newtype("a".into()),
        Some(1),
    )]));
    same(&BTreeMap::from([(KeyVariant::Tuple(1, 2), 1)]));
    same(&BTreeMap::from([(KeyVariant::Struct { a: 1 }, 1)]));
    same(&BTreeMap::from([(BTreeMap::from([("a", 1)]), 1)]));
    same(&BTreeMap::from([(Some("a"), 1)]));
    same(&BTreeMap::from([(Some(vec![1_u8]), 1)]));
    same(&BTreeMap::from([(None::<&str>, 1)]));
    same(&BTreeMap::from([(Shown(7), 1)]));
}

/// A details value `serde_json` refuses (a map with sequence keys) is
/// `null` on both paths; a refused `verbose` is left out.
#[test]
fn test_refused_keys_fall_back_on_both_paths() {
    #[derive(Debug, ApiError)]
    #[api(format = "oz")]
    enum KeyError {
        #[api(code = 4, detail = 0)]
        Keys(BTreeMap<Vec<u8>, u8>),
    }
    let error = KeyError::Keys(BTreeMap::from([(vec![1], 2)]));
    assert_paths_agree(&error).unwrap();
    assert!(error.to_json().ends_with(r#""details":null}"#));
}

/// A field whose type is *written* like a string type but is not one (a
/// local `String`) is written through its `Display`, on both paths: the
/// string shortcut is chosen by the compiler on the real type.
#[test]
fn test_string_lookalike_uses_its_display() {
    mod local {
        #[derive(Debug)]
        pub struct String(pub u8);

        impl std::fmt::Display for String {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "local \"{}\"", self.0)
            }
        }
    }
    use local::String;

    #[derive(Debug, ApiError)]
    #[api(
        format = "entrecode",
        system = 2,
        type_url = "https://example.com/errors/{code}",
        up(title = "Home", href = "https://example.com")
    )]
    enum Lookalike {
        #[api(code = 211, title = "Bad {0}", detail = 0)]
        Bad(String),
    }

    let error = Lookalike::Bad(String(7));
    assert_paths_agree(&error).unwrap();
    let json = error.to_json();
    assert!(json.contains(r#""title":"Bad local \"7\"""#), "{json}");
    assert!(json.contains(r#""detail":"local \"7\"""#), "{json}");
}

/// An output that refuses the first write holding `needle`, then takes
/// everything.
struct RefusesOnce {
    needle: &'static [u8],
    refused: bool,
    written: Vec<u8>,
}

impl std::io::Write for RefusesOnce {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.refused && buf.windows(self.needle.len()).any(|run| run == self.needle) {
            self.refused = true;
            return Err(std::io::Error::other("refused"));
        }
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A value shown with its `Display` (not a string type, which is written
/// as a `&str`).
#[derive(Debug)]
struct Word(&'static str);

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A member written with the field's `Display` (`detail = field`).
#[derive(Debug, ApiError)]
#[api(format = "rfc9457")]
enum Shown {
    #[api(
        status = 400,
        type = "https://example.com/shown",
        title = "Shown",
        detail = 0
    )]
    Value(Word),
}

/// A field's `Display` error is absorbed (the body stays whole), but the
/// output's error reaches the caller: a body written to an output that fails
/// once must fail, not come out short.
#[test]
fn test_a_failing_output_fails_the_serde_path() {
    let error = Shown::Value(Word("needle"));
    let mut output = RefusesOnce {
        needle: b"needle",
        refused: false,
        written: Vec::new(),
    };
    assert!(serde_json::to_writer(&mut output, &error.body()).is_err());
    assert!(output.refused);
    let mut output = RefusesOnce {
        needle: b"not in the body",
        refused: false,
        written: Vec::new(),
    };
    serde_json::to_writer(&mut output, &error.body()).unwrap();
    assert_eq!(output.written, error.to_json().into_bytes());
}
