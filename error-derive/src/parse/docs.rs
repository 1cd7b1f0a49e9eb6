//! Doc comments as data: a variant's is its catalog description, a field's
//! is the text of the `detail`/`verbose` column it fills.

use syn::{Attribute, Expr, Lit, Meta};

/// The doc comment in `attrs`: lines trimmed, joined with spaces, blank
/// lines kept as paragraph breaks (`\n`). "" when there is none.
pub fn collect(attrs: &[Attribute]) -> String {
    let mut text = String::new();
    let mut paragraph_break = false;
    for attr in attrs {
        let Meta::NameValue(doc) = &attr.meta else {
            continue;
        };
        if !doc.path.is_ident("doc") {
            continue;
        }
        let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(line),
            ..
        }) = &doc.value
        else {
            continue;
        };
        // `split`, not `lines`: an empty `///` line is an empty attribute, a paragraph break.
        for line in line.value().split('\n') {
            let line = line.trim();
            if line.is_empty() {
                paragraph_break = !text.is_empty();
                continue;
            }
            if paragraph_break {
                text.push('\n');
                paragraph_break = false;
            } else if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(line);
        }
    }
    text
}
