//! Score a model with a cue-recall section at several thresholds on a PolNeAR split.
//!
//! `cargo run --release -p dossier-attribution --example sweep_recall -- SPLIT_DIR MODEL.bin ACCEPT:DROP ...`
//! (DROP `none` keeps every first-stage cue).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let docs = dossier_attribution::polnear::read_split(std::path::Path::new(&args[0]))?;
    let bytes = std::fs::read(&args[1])?;
    for spec in &args[2..] {
        let (a, d) = spec.split_once(':').ok_or("ACCEPT:DROP")?;
        let drop = if d == "none" { f32::MIN } else { d.parse()? };
        let mut m = dossier_attribution::AttrModel::from_bytes(&bytes)?;
        m.set_recall_thresholds(a.parse()?, drop);
        let r = dossier_attribution::eval::evaluate(&dossier_attribution::Attributor::new(Some(m)), &docs);
        println!("accept {a} drop {d}\n{r}");
    }
    Ok(())
}
