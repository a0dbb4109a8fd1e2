//! `dossier eval`, `dossier tag` and `dossier train`: evaluation adapters and model training.
//!
//! Each `eval` prints the stage's report, then `metric NAME VALUE` lines that scripts (the CI
//! gates in `.ci/gates`) read.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Sentence boundaries and tokens against UD English EWT (CoNLL-U).
    Segment {
        #[arg(long)]
        conllu: PathBuf,
    },
    /// Part-of-speech accuracy on gold tokens (CoNLL-U).
    Pos {
        #[arg(long)]
        conllu: PathBuf,
    },
    /// Named entities, exact span and type (CoNLL-2003).
    Ner {
        #[arg(long)]
        conll: PathBuf,
    },
    /// Temporal expressions, TempEval-3 measures, on a folder of TimeML `.tml` files.
    Timex {
        #[arg(long)]
        timeml: PathBuf,
    },
    /// HTML main text and metadata on Mozilla's readability test pages.
    Html {
        #[arg(long)]
        readability: PathBuf,
    },
    /// Attribution source / cue / content spans on a PolNeAR split (text/ + attributions/).
    Attribution {
        #[arg(long)]
        polnear: PathBuf,
    },
    /// The whole record (entities, coreference, events, counts, timeline) on hand-annotated
    /// articles (`testdata/gold`: NN-slug.txt beside NN-slug.gold.json).
    Dossier {
        #[arg(long)]
        gold: PathBuf,
        /// Also list every gold item missed and the scores per article.
        #[arg(long)]
        details: bool,
    },
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
pub struct TagArgs {
    /// CoNLL-2003 file: writes each line with a predicted NER tag appended (IOB2).
    #[arg(long)]
    pub conll: Option<PathBuf>,
    /// CoNLL-U file: writes it back with predicted UPOS and XPOS columns.
    #[arg(long)]
    pub conllu: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainWhat {
    /// Word clusters from the unlabeled text of every corpus.
    Clusters,
    /// The POS tagger (UD EWT train; dev figures printed).
    Pos,
    /// The named-entity recognizer (CoNLL-2003 train; testa figures printed).
    Ner,
    /// The attribution model (PolNeAR train; dev picks epochs and thresholds): cue and role
    /// taggers, content-end chooser, cue-recall classifier and cue extension, with the shipped
    /// POS tagger.
    Attribution,
    /// Clusters, then POS with them, then NER with both: the whole tagging chain, reproducibly.
    All,
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    pub what: TrainWhat,
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the model files.
    #[arg(long, default_value = "models")]
    pub out: PathBuf,
    /// Seed for every random choice of training; without it each model uses the seed of the
    /// shipped file, so the command reproduces `models/` byte for byte.
    #[arg(long)]
    pub seed: Option<u64>,
}

fn metric(out: &mut impl Write, name: &str, value: f64) -> io::Result<()> {
    writeln!(out, "metric {name} {value:.4}")
}

pub fn eval(cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    match cmd {
        EvalCommand::Segment { conllu } => {
            let r = dossier_segment::eval::ewt(&conllu).with_context(|| conllu.display().to_string())?;
            writeln!(out, "{r}")?;
            for (genre, g) in r.genres.iter().chain(std::iter::once((&"all".to_string(), &r.overall))) {
                metric(&mut out, &format!("{genre}.sentence_f1"), g.sentences.f1())?;
                metric(&mut out, &format!("{genre}.token_f1"), g.tokens.f1())?;
            }
        }
        EvalCommand::Pos { conllu } => {
            let r = dossier_tag::eval_pos(&conllu)?;
            writeln!(out, "{r}")?;
            metric(&mut out, "upos_accuracy", 100.0 * r.upos_accuracy())?;
            metric(&mut out, "xpos_accuracy", 100.0 * r.xpos_accuracy())?;
        }
        EvalCommand::Ner { conll } => {
            let r = dossier_tag::eval_ner(&conll)?;
            writeln!(out, "{r}")?;
            metric(&mut out, "f1", 100.0 * r.f1())?;
        }
        EvalCommand::Timex { timeml } => {
            // As `analyze` runs it: the tense cues read the POS tagger's word classes.
            let tagger = dossier_tag::Tagger::global()?;
            let r = dossier_time::eval::timeml_with(&timeml, |text, seg| {
                let sentences: Vec<Vec<&str>> = seg
                    .sentence_tokens
                    .iter()
                    .map(|r| seg.tokens[r.clone()].iter().map(|t| t.span.of(text)).collect())
                    .collect();
                let tags = tagger.tag_document(&sentences);
                let words = seg.sentence_tokens.iter().zip(&tags).flat_map(|(r, ts)| {
                    seg.tokens[r.clone()].iter().zip(ts).map(|(t, p)| (t.span, p.xpos()))
                });
                Some(dossier_time::XposHint::new(words))
            })?;
            writeln!(out, "{r}")?;
            metric(&mut out, "strict_f1", r.strict_prf().2)?;
            metric(&mut out, "relaxed_f1", r.relaxed_prf().2)?;
            metric(&mut out, "value_f1", r.value_prf().2)?;
            metric(&mut out, "type_accuracy", r.type_accuracy())?;
            metric(&mut out, "value_accuracy", r.value_accuracy())?;
        }
        EvalCommand::Html { readability } => {
            let r = dossier_html::eval::readability(&readability)?;
            writeln!(out, "{r}")?;
            metric(&mut out, "text_f1", r.macro_f1)?;
            metric(&mut out, "text_f1_micro", r.micro_f1)?;
            metric(&mut out, "title_accuracy", r.title.value())?;
            metric(&mut out, "title_accuracy_site_insensitive", r.title_site.value())?;
            metric(&mut out, "byline_accuracy", r.byline.value())?;
            metric(&mut out, "date_accuracy", r.date.value())?;
        }
        EvalCommand::Attribution { polnear } => {
            let r = dossier_attribution::eval::polnear(&polnear)?;
            writeln!(out, "{r}")?;
            for (role, c) in [("source", &r.source), ("cue", &r.cue), ("content", &r.content)] {
                metric(&mut out, &format!("{role}.exact_f1"), c.exact_prf().2)?;
                metric(&mut out, &format!("{role}.overlap_f1"), c.overlap_prf().2)?;
            }
        }
        EvalCommand::Dossier { gold, details } => {
            let docs = dossier_pipeline::eval::read_gold_dir(&gold)?;
            let (s, per_doc) = dossier_pipeline::eval::evaluate(&docs)?;
            if details {
                for m in &s.misses {
                    writeln!(out, "miss  {m}")?;
                }
                for (name, d) in &per_doc {
                    writeln!(out, "{name}: {}", d.one_line())?;
                }
            }
            writeln!(out, "{s}")?;
            let (_, _, b3) = s.b3();
            metric(&mut out, "mention_f1", s.mentions.f1())?;
            metric(&mut out, "coref_b3_f1", b3)?;
            metric(&mut out, "event_type_accuracy", s.event_type.value())?;
            metric(&mut out, "event_count_accuracy", s.counts.value())?;
            metric(&mut out, "timeline_date_accuracy", s.timeline.value())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn tag(args: TagArgs) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout().lock();
    let mut out = io::BufWriter::new(stdout);
    if let Some(p) = args.conll {
        dossier_tag::tag_conll(&p, &mut out)?;
    } else if let Some(p) = args.conllu {
        dossier_tag::tag_conllu(&p, &mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    use dossier_tag::{ner::NerConfig, pos::PosConfig, Clusters};
    let data = &args.data;
    anyhow::ensure!(data.is_dir(), "data folder {} not found (see --data)", data.display());
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let ewt = |split: &str| data.join(format!("ud-english-ewt/en_ewt-ud-{split}.conllu"));
    let conll = |split: &str| data.join(format!("conll2003/eng.{split}"));
    let path = |name: &str| args.out.join(name);
    let t0 = Instant::now();

    // Each step uses the models of the steps before it: freshly trained ones under `all`,
    // the embedded (shipped) ones otherwise.
    let mut clusters: Option<Clusters> = None;
    if matches!(args.what, TrainWhat::Clusters | TrainWhat::All) {
        let sents = dossier_tag::brown::unlabeled_corpus(data)?;
        eprintln!("clusters: {} sentences", sents.len());
        let c = dossier_tag::brown::learn(&sents, 256, 3, 15);
        write_model(&path("clusters.bin"), &c.to_bytes())?;
        eprintln!("clusters: {} words clustered ({:.0}s)", c.len(), t0.elapsed().as_secs_f64());
        clusters = Some(c);
    }
    let clusters_ref = match &clusters {
        Some(c) => Some(c),
        None => Clusters::global().ok(),
    };
    let mut pos = None;
    if matches!(args.what, TrainWhat::Pos | TrainWhat::All) {
        let r = dossier_tag::pos::train_pos_with(
            &ewt("train"),
            Some(&ewt("dev")),
            args.seed.unwrap_or(dossier_tag::pos::SHIPPED_SEED),
            &PosConfig::default(),
            clusters_ref,
        )?;
        r.write(&path("pos.bin"))?;
        eprintln!("{}", r.report);
        pos = Some(r.model);
    }
    if matches!(args.what, TrainWhat::Ner | TrainWhat::All) {
        let tagger = match &pos {
            Some(p) => p,
            None => dossier_tag::Tagger::global()?,
        };
        let r = dossier_tag::ner::train_ner_with(
            &conll("train"),
            Some(&conll("testa")),
            args.seed.unwrap_or(dossier_tag::ner::SHIPPED_SEED),
            &NerConfig::default(),
            tagger,
            clusters_ref,
        )?;
        r.write(&path("ner.bin"))?;
        eprintln!("{}", r.report);
    }
    if args.what == TrainWhat::Attribution {
        // The whole chain: cue and role taggers, content-end chooser, cue-recall classifier,
        // cue extension (dev picks epochs, margins and the recall threshold).
        let dev = data.join("polnear/dev");
        let dev = dev.is_dir().then_some(dev.as_path());
        let model = dossier_attribution::train_full(
            &data.join("polnear/train"),
            dev,
            args.seed.unwrap_or(dossier_attribution::SHIPPED_SEED),
        )?;
        model.write(&path("attribution.bin"))?;
    }
    eprintln!("trained in {:.0}s; rebuild dossier to embed the new models", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

fn write_model(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}
