use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "oz")]
enum CapsuleError {
    /// The container could not be unpacked.
    #[api(code = 14, title = "Invalid signature")]
    BadSignature,
    #[api(code = 3, title = "Missing payload.json", detail = path)]
    MissingPayload { path: String },
    #[api(code = 10)]
    NotFound,
    #[api(code = 4, title = "Bad \"{0}\" value", detail = 1)]
    Bad(String, Vec<u32>),
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
enum BodyError {
    #[api(code = 201, title = "Missing property in JSON Body", detail = property)]
    MissingProperty { property: String },
}

#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(
        title = "Data Manager Home Page",
        href = "https://datamanager.entrecode.de"
    )
)]
enum DataManagerError {
    #[api(code = 202, detail = name, embed = cause)]
    MissingQuery {
        name: String,
        cause: Option<BodyError>,
    },
    #[api(code = 2000)]
    Internal(std::io::Error),
}

#[test]
fn smoke() {
    for e in [
        CapsuleError::BadSignature,
        CapsuleError::MissingPayload {
            path: "a\"b".into(),
        },
        CapsuleError::NotFound,
        CapsuleError::Bad("x\n".into(), vec![1, 2]),
    ] {
        let fast = e.to_json();
        let slow = serde_json::to_string(&e.body()).unwrap();
        println!("{fast}\n{slow}\n{} {}", e.status(), e.title());
        assert_eq!(fast, slow);
    }
    let e = DataManagerError::MissingQuery {
        name: "count".into(),
        cause: Some(BodyError::MissingProperty {
            property: "property".into(),
        }),
    };
    let fast = e.to_json();
    let slow = serde_json::to_string(&e.body()).unwrap();
    println!("{fast}\n{slow}");
    assert_eq!(fast, slow);
    let e = DataManagerError::Internal(std::io::Error::other("secret"));
    println!("{}", e.to_json());
    assert_eq!(e.to_json(), serde_json::to_string(&e.body()).unwrap());
    println!("{}", error_core::docs::markdown::<DataManagerError>());
    println!("{}", error_core::docs::markdown::<CapsuleError>());
}
