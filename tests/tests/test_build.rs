//! Adding api-errors changes nothing else in its users' builds: it turns on
//! no feature of a shared dependency. `serde_json`'s `preserve_order` would
//! change the key order of every `serde_json::Map` in the program.
//!
//! `cargo test --workspace` builds every package with its features unified,
//! api-errors with all of its own (this package turns them on): if
//! anything in that build turned `preserve_order` on, `serde_json`'s maps
//! would keep insertion order here.

#[test]
fn serde_json_maps_sort_their_keys_in_a_build_with_every_feature_of_api_errors() {
    let mut map = serde_json::Map::new();
    map.insert("b".into(), 1.into());
    map.insert("a".into(), 2.into());
    let keys: Vec<&str> = map.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["a", "b"],
        "serde_json's `preserve_order` is on in this build: a package turned it on"
    );
    let value: serde_json::Value = serde_json::from_str(r#"{"z":1,"y":2}"#).unwrap();
    assert_eq!(value.to_string(), r#"{"y":2,"z":1}"#);
    // api-errors' client types keep the order themselves.
    let ordered: api_errors::json::Value = serde_json::from_str(r#"{"z":1,"y":2}"#).unwrap();
    assert_eq!(ordered.to_string(), r#"{"z":1,"y":2}"#);
}
