//! The benchmark articles, shared by the bench and the `profile` example: `testdata/articles/*.txt`
//! when the workspace has them, else the committed `benches/sample.txt`.

use std::path::Path;

pub fn articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/articles");
    let mut docs: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if docs.is_empty() {
        docs.push(include_str!("../sample.txt").to_string());
    }
    docs
}
