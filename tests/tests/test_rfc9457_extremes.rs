//! No silent limits: a problem with 24 extension members and a
//! title and a detail with 12 placeholders each writes every value where it
//! belongs, on the fast path, the serde path and through `MessagePack` (which
//! trusts the declared number of members), compared with the body written
//! out by hand.

use api_errors_tests::support;

use api_errors::ApiError;
use api_errors::rfc9457::ProblemDetails;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Serialize)]
struct Pair(u8, &'static str);

#[derive(Debug, ApiError)]
#[api(format = "rfc9457", type_base = "https://example.com/probs/")]
enum Extreme {
    /// Every member the format has, many times over.
    #[api(
        code = 7001,
        status = 422,
        type = "everything",
        title = "{a01}{a02} {a03}-{a04}-{a05}-{a06}-{a07}-{a08}-{a09}-{a10}-{a11}-{a12}",
        detail = "{a12}|{a11}|{a10}|{a09}|{a08}|{a07}|{a06}|{a05}|{a04}|{a03}|{a02}|{a01}",
        instance = instance,
        extensions(
            a01, a02, a03, a04, a05, a06, a07, a08, a09, a10, a11, a12,
            e13, e14, e15, e16, e17, e18, e19, e20,
            renamed_21 = e21, renamed_22 = e22, e23, e24
        )
    )]
    Everything {
        a01: u8,
        a02: i16,
        a03: u32,
        a04: i64,
        a05: u64,
        a06: char,
        a07: bool,
        a08: &'static str,
        a09: String,
        a10: f64,
        a11: u32,
        a12: i8,
        e13: Option<u8>,
        e14: Vec<u8>,
        e15: Option<&'static str>,
        e16: (),
        e17: Pair,
        e18: Option<Pair>,
        e19: [u16; 3],
        e20: std::collections::BTreeMap<&'static str, u8>,
        e21: &'static str,
        e22: Option<u8>,
        e23: String,
        e24: u16,
        instance: String,
    },
}

fn everything(e13: Option<u8>, e22: Option<u8>) -> Extreme {
    Extreme::Everything {
        a01: 1,
        a02: -2,
        a03: 3,
        a04: -4,
        a05: 5,
        a06: 'ß',
        a07: true,
        a08: "eight",
        a09: "nine \"9\"".into(),
        a10: 10.5,
        a11: 11,
        a12: -12,
        e13,
        e14: vec![14, 14],
        e15: None,
        e16: (),
        e17: Pair(17, "seventeen"),
        e18: Some(Pair(18, "eighteen")),
        e19: [19, 190, 1900],
        e20: [("twenty", 20)].into(),
        e21: "twenty-one",
        e22,
        e23: "twenty\nthree".into(),
        e24: 24,
        instance: "/extreme/1".into(),
    }
}

const TITLE: &str = r#"1-2 3--4-5-ß-true-eight-nine \"9\"-10.5-11--12"#;
const DETAIL: &str = r#"-12|11|10.5|nine \"9\"|eight|true|ß|5|-4|3|-2|1"#;

fn expected(e13: &str, e22: &str) -> String {
    format!(
        concat!(
            r#"{{"type":"https://example.com/probs/everything","title":"{title}","status":422,"#,
            r#""detail":"{detail}","instance":"/extreme/1","code":7001,"#,
            r#""a01":1,"a02":-2,"a03":3,"a04":-4,"a05":5,"a06":"ß","a07":true,"a08":"eight","#,
            r#""a09":"nine \"9\"","a10":10.5,"a11":11,"a12":-12,{e13}"e14":[14,14],"e16":null,"#,
            r#""e17":[17,"seventeen"],"e18":[18,"eighteen"],"e19":[19,190,1900],"#,
            r#""e20":{{"twenty":20}},"renamed_21":"twenty-one",{e22}"e23":"twenty\nthree","e24":24}}"#
        ),
        title = TITLE,
        detail = DETAIL,
        e13 = e13,
        e22 = e22,
    )
}

/// `error.body()` through `MessagePack` reads back as `expected`, with
/// nothing left over.
#[track_caller]
fn assert_msgpack(error: &Extreme, expected: &str) {
    let packed = rmp_serde::to_vec_named(&error.body()).expect("body() serialises to MessagePack");
    let mut rest = packed.as_slice();
    let decoded: Value = rmp_serde::from_read(&mut rest)
        .unwrap_or_else(|error| panic!("the MessagePack body does not decode ({error})"));
    assert!(rest.is_empty(), "{} bytes after the body", rest.len());
    assert_eq!(decoded, serde_json::from_str::<Value>(expected).unwrap());
}

#[test]
fn test_the_title_has_twelve_placeholders() {
    assert_eq!(
        everything(None, None).title(),
        r#"1-2 3--4-5-ß-true-eight-nine "9"-10.5-11--12"#
    );
}

#[test]
fn test_every_extension_in_its_place_on_every_path() {
    for (e13, e22, written_13, written_22) in [
        (Some(13), Some(22), r#""e13":13,"#, r#""renamed_22":22,"#),
        (None, Some(22), "", r#""renamed_22":22,"#),
        (Some(13), None, r#""e13":13,"#, ""),
        (None, None, "", ""),
    ] {
        let error = everything(e13, e22);
        let expected = expected(written_13, written_22);
        support::assert_json(&error, &expected);
        assert_msgpack(&error, &expected);
        let parsed: ProblemDetails = serde_json::from_str(&expected).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), expected);
        assert_eq!(
            parsed.extensions.len(),
            // code, 24 written extensions minus e15 (None) and the Nones here
            1 + 23 - usize::from(e13.is_none()) - usize::from(e22.is_none())
        );
    }
}
