//! The derive's stages import only downward: parse reads, validate (with
//! the formats beside it) decides, expand writes what the model says. A
//! file that names a stage above its own (`crate::expand` from `format`,
//! `crate::format` from `parse`, …) fails this test, which says which.

use std::path::{Path, PathBuf};

/// Each module of the crate root and its level: a module may name the
/// modules of lower levels, and those of its own level only when both are
/// in the same group (`format` and `validate` are one: the formats' rules
/// sit beside the shared ones, and each uses the other).
const LEVELS: &[(&str, u8)] = &[
    ("common", 0),
    ("errors", 0),
    ("parse", 1),
    ("plan", 2),
    ("model", 3),
    ("format", 4),
    ("validate", 4),
    ("expand", 5),
    ("fallback", 5),
    ("derive", 6),
];

fn level(module: &str) -> Option<u8> {
    LEVELS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, level)| *level)
}

/// The crate root's module a source file belongs to (`parse/keys.rs` is
/// `parse`, `model.rs` is `model`).
fn module_of(file: &Path, src: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let first = relative
        .components()
        .next()
        .map(|component| component.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the sources are readable") {
        let path = entry.expect("a directory entry").path();
        // `common` is data compiled into both crates: it names nothing.
        if path.file_name().is_some_and(|name| name == "common") {
            continue;
        }
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            out.push(path);
        }
    }
}

/// The crate root modules a line of code names (`crate::model::…`,
/// `crate::{parse, validate}`), comments left out.
fn named(line: &str) -> Vec<&str> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let code = code.split("//").next().unwrap_or_default();
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            names.extend(
                group
                    .split(',')
                    .map(|name| name.trim().split("::").next().unwrap_or_default()),
            );
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        names.push(&rest[..end]);
    }
    names.retain(|name| !name.is_empty());
    names
}

#[test]
fn test_stages_import_only_downward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 30, "{} source files found", files.len());
    let mut upward = Vec::new();
    for file in &files {
        let module = module_of(file, &src);
        // The root and the tests may name any stage.
        if module == "lib" || module == "tests" {
            continue;
        }
        let own =
            level(&module).unwrap_or_else(|| panic!("no level for `{module}`: add it to LEVELS"));
        let text = std::fs::read_to_string(file).expect("a source file");
        // A file's unit tests (its last module) may name any stage.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (number, line) in code.lines().enumerate() {
            for target in named(line) {
                let Some(target_level) = level(target) else {
                    panic!(
                        "{}:{}: `crate::{target}` is no module with a level",
                        file.display(),
                        number + 1
                    );
                };
                if target != module && target_level >= own {
                    upward.push(format!(
                        "{}:{}: `{module}` (level {own}) names `crate::{target}` (level {target_level})",
                        file.strip_prefix(&src).unwrap_or(file).display(),
                        number + 1
                    ));
                }
            }
        }
    }
    // Beside each other: the formats and the shared rules.
    upward.retain(|found| {
        !(found.contains("`format` (level 4) names `crate::validate`")
            || found.contains("`validate` (level 4) names `crate::format`"))
    });
    assert!(
        upward.is_empty(),
        "imports that go up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn test_the_check_finds_an_upward_import() {
    assert_eq!(named("use crate::expand::Expander;"), ["expand"]);
    assert_eq!(
        named("    // crate::expand in a comment"),
        Vec::<&str>::new()
    );
    assert_eq!(
        named("let x = crate::plan::Part::Lit(s); // crate::model"),
        ["plan"]
    );
    assert!(level("expand") > level("format"));
}
