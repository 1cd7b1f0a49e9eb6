//! The derive as a function, without the compiler: errors accumulate, the
//! crate path is honoured, and no input makes it panic.

mod properties;
mod stages;

use proc_macro2::TokenStream;
use syn::parse_quote;

use crate::derive::derive;

fn expand(input: &syn::DeriveInput) -> String {
    derive(input).to_string()
}

fn error_count(output: &str) -> usize {
    output.matches("compile_error").count()
}

#[test]
fn every_mistake_of_one_derive_is_reported() {
    let output = expand(&parse_quote! {
        #[api(format = "oz", system = 2)]
        enum E {
            #[api(code = 15)]
            A,
            #[api(status = 404)]
            B,
            #[api(code = 3, detail = nope, titel = "x")]
            C { field: u8 },
            #[api(code = 3, code = 4)]
            D,
            #[api(code = 10, status = 500, verbose = 0)]
            F(u8),
        }
    });
    // system on Oz; code 15; missing code; detail field; unknown key;
    // duplicate key; status class; verbose on Oz.
    assert_eq!(error_count(&output), 8, "{output}");
}

#[test]
fn a_valid_input_expands_without_errors() {
    let output = expand(&parse_quote! {
        #[api(format = "oz")]
        enum E {
            #[api(code = 3, title = "Missing {0}", detail = 0)]
            A(String),
        }
    });
    assert_eq!(error_count(&output), 0, "{output}");
    assert!(
        output.contains("impl :: api_errors :: ApiError for E"),
        "{output}"
    );
}

#[test]
fn the_crate_path_replaces_api_errors_everywhere() {
    let output = expand(&parse_quote! {
        #[api(format = "entrecode", crate = "my_api::errors", system = 2,
              type_url = "https://example.com/{code}", up(title = "Home", href = "https://example.com"))]
        enum E {
            #[api(code = 202, detail = 0, verbose = 1, embed = 2)]
            A(String, u8, Vec<E>),
            #[api(transparent)]
            B(Inner),
        }
    });
    assert_eq!(error_count(&output), 0, "{output}");
    assert!(output.contains("my_api :: errors :: ApiError"), "{output}");
    assert!(!output.contains("api_errors"), "{output}");
}

#[test]
fn the_fallback_stub_comes_with_the_errors() {
    let output = expand(&parse_quote! {
        #[api(format = "oz")]
        enum E {
            #[api(code = 99)]
            A,
        }
    });
    assert_eq!(error_count(&output), 1, "{output}");
    assert!(output.contains("unreachable"), "{output}");
}

#[test]
#[allow(clippy::too_many_lines, reason = "a long list of inputs")]
fn garbage_never_panics() {
    let inputs: Vec<TokenStream> = vec![
        quote::quote!(union U { a: u8 }),
        quote::quote!(
            #[api]
            enum E {}
        ),
        quote::quote!(
            #[api = "oz"]
            enum E {}
        ),
        quote::quote!(
            #[api(format)]
            enum E {}
        ),
        quote::quote!(
            #[api(format = )]
            enum E {}
        ),
        quote::quote!(
            #[api(format = "oz", format = "oz")]
            enum E {}
        ),
        quote::quote!(
            #[api(format = 1)]
            enum E {}
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 99999999999999999999999999)]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = -1)]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 1u8)]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3, title = "{")]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3, title = "}{")]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3, title = "{r#self}")]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3, title = "{4294967296}")]
                A(u8),
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3, detail = 4294967296)]
                A(u8),
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3, detail = a::b)]
                A(u8),
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(transparent, transparent)]
                A(u8),
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(transparent)]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(a::b = 3)]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code(3))]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3,,)]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "oz")]
            enum E {
                #[api(code = 3)]
                A {
                    #[api(code = 4)]
                    f: u8,
                },
            }
        ),
        quote::quote!(
            #[api(format = "entrecode")]
            enum E {
                #[api(code = 0)]
                A,
            }
        ),
        quote::quote!(
            #[api(format = "entrecode", up(), type_url = "")]
            enum E {}
        ),
        quote::quote!(
            #[api(
                format = "entrecode",
                up(title = 1, href, x = "y"),
                type_url = "{code}"
            )]
            enum E {}
        ),
        quote::quote!(
            #[api(format = "entrecode", system = 0, up = "x", type_url = "http://{code}")]
            enum E {}
        ),
        quote::quote!(
            #[api(
                format = "entrecode",
                system = 2,
                up(title = "a", href = "b"),
                type_url = "https://x/{code}"
            )]
            enum E {
                #[api(code = 9999999)]
                A,
                #[api(code = 600)]
                B,
                #[api(code = 2000, detail = "{0}")]
                C(u8),
            }
        ),
        quote::quote!(
            #[api(format = "oz", crate = "")]
            struct S;
        ),
        quote::quote!(
            #[api(format = "oz", crate = "a b")]
            struct S;
        ),
        quote::quote!(
            #[api(format = "oz", code = 3)]
            struct S(u8, u8);
        ),
    ];
    for input in inputs {
        if let Ok(input) = syn::parse2::<syn::DeriveInput>(input.clone()) {
            let output = std::panic::catch_unwind(|| derive(&input).to_string());
            assert!(output.is_ok(), "the derive panicked on {input:?}");
        }
    }
}

#[test]
fn a_key_without_a_value_points_at_its_equals_sign() {
    // The empty value has no span of its own: without care the error would
    // land on the call site (the property tests check every error's span).
    let input: syn::DeriveInput = syn::parse_str(
        "#[api(format = \"oz\")]
         enum E {
             #[api(code =)]
             A,
         }",
    )
    .unwrap();
    let output = derive(&input);
    let text = output.to_string();
    assert_eq!(error_count(&text), 1, "{text}");
    assert!(text.contains("`code` has no value after `=`"), "{text}");
    let spans: Vec<_> = output
        .into_iter()
        .map(|token| (token.span().start().line, token.span().source_text()))
        .collect();
    assert_eq!(spans[0], (3, Some("=".to_owned())), "{spans:?}");
}

/// What the encoder relies on in every plan a format writes: the first
/// member is a constant (always written, so the fast path's commas are
/// right), keys are unique within an object (a serializer would see a
/// member twice), and a body holds at most one sub-errors member (an arm
/// hands over one sub-errors field).
#[test]
fn every_plan_keeps_the_encoders_rules() {
    use crate::model::Kind;
    use crate::plan::{Object, Source};
    use crate::{parse, validate};

    let inputs: [syn::DeriveInput; 2] = [
        parse_quote! {
            #[api(format = "oz")]
            enum E {
                #[api(code = 4, title = "Bad {0}", detail = 0)]
                A(String),
                #[api(code = 3, detail = "text {0}")]
                B(u8),
                #[api(code = 10)]
                C,
            }
        },
        parse_quote! {
            #[api(format = "entrecode", system = 2,
                  type_url = "https://example.com/{code}", up(title = "Home", href = "https://example.com"))]
            enum E {
                #[api(code = 202, title = "Missing {0}", detail = 0, verbose = 1, embed = 2)]
                A(String, u8, Vec<E>),
                #[api(code = 211, detail = 0)]
                B(Option<String>),
                #[api(code = 201, detail = "in {0}")]
                C(String),
            }
        },
    ];
    for input in &inputs {
        let mut errors = crate::errors::Errors::default();
        let parsed = parse::Input::from_syn(input, &mut errors).expect("parses");
        let model = validate::validate(&parsed, &[], &mut errors).expect("validates");
        errors.finish().expect("no errors");
        let mut members = 0;
        let mut check = |object: &Object<'_>| {
            assert!(matches!(object.members[0].value, Source::Const(_)));
            for (index, member) in object.members.iter().enumerate() {
                assert!(
                    !object.members[..index]
                        .iter()
                        .any(|before| before.key == member.key),
                    "{} is written twice",
                    member.key
                );
            }
            let sub_errors = object
                .members
                .iter()
                .filter(|member| matches!(member.value, Source::SubErrors { .. }))
                .count();
            assert!(sub_errors <= 1, "{sub_errors} sub-errors members");
            members += object.members.len();
        };
        for variant in &model.variants {
            let Kind::Coded(coded) = &variant.kind else {
                continue;
            };
            check(&coded.plan.body);
            if let Some(sub) = &coded.plan.sub_body {
                check(sub);
            }
        }
        assert!(members >= 9, "the variants have their members");
    }
}

/// The field checks of `expand::bounds`, per kind of field type: a type
/// that names no generic gets a `const` check of its own and a
/// higher-ranked predicate, one that names the impl's lifetimes a check in
/// a function that declares them, one that names a type parameter only a
/// predicate (a `const` item cannot name it); the serving fields (headers,
/// `framework_errors`) are checked like the body's.
#[test]
fn the_field_checks_follow_what_the_type_names() {
    // (The types need not implement anything: the derive does not type-check.)
    let output = expand(&parse_quote! {
        #[api(format = "oz")]
        enum E<'a, T, const N: usize> {
            #[api(code = 3, title = "Missing {0} {1} {2} {4} {5}", headers(retry_after = 3))]
            A(&'a str, T, &'static u8, u32, (T, &'a u8), [u8; N]),
        }
    });
    assert_eq!(error_count(&output), 0, "{output}");
    let placeholder = ":: api_errors :: field :: TitlePlaceholder > :: OK";
    // No generics: a check of its own, and a higher-ranked predicate.
    for expected in [
        format!("const _ : () = < & 'static u8 as {placeholder} ;"),
        "const _ : () = < u32 as :: api_errors :: field :: HeaderDisplay > :: OK ;".to_owned(),
        "for < '__api > & 'static u8 : :: core :: fmt :: Display".to_owned(),
        "for < '__api > u32 : :: core :: fmt :: Display".to_owned(),
        // The impl's lifetime: checked in a function that declares it.
        format!("const fn __api_check < 'a > () where {{ < & 'a str as {placeholder} }}"),
        "& 'a str : :: core :: fmt :: Display".to_owned(),
        // A type parameter (alone, or before a lifetime): a predicate only.
        "T : :: core :: fmt :: Display".to_owned(),
        "(T , & 'a u8) : :: core :: fmt :: Display".to_owned(),
        "[u8 ; N] : :: core :: fmt :: Display".to_owned(),
    ] {
        assert!(output.contains(&expected), "{expected} in {output}");
    }
    for unexpected in [
        "< T as",
        "< (T , & 'a u8) as",
        "< [u8 ; N] as",
        "for < '__api > & 'a str",
    ] {
        assert!(!output.contains(unexpected), "{unexpected} in {output}");
    }
}

#[test]
fn a_framework_variants_field_is_checked_once_as_an_answer() {
    let output = expand(&parse_quote! {
        #[api(format = "rfc9457")]
        enum E {
            #[api(framework)]
            Framework(::api_errors::framework::Answer),
            #[api(status = 404, title = "Not Found", detail = 0)]
            NoNote(Id),
        }
    });
    assert_eq!(error_count(&output), 0, "{output}");
    // Another variant's field is checked as usual.
    assert_eq!(
        output.matches("const _ : () = < Id as").count(),
        1,
        "{output}"
    );
    // One check, the field's own: its roles in the rows' bodies (a detail
    // shown with `Display`) are assumed, not checked again.
    let check = "const _ : () = < :: api_errors :: framework :: Answer as";
    assert_eq!(output.matches(check).count(), 1, "{output}");
    assert!(
        output.contains(&format!(
            "{check} :: api_errors :: field :: FrameworkAnswer > :: OK"
        )),
        "{output}"
    );
}
